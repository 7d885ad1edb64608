"""Ingestion: articles and project-partner tables → one source named graph each, with provenance.

Modules: ``text`` (reading, language), ``dates``, ``lexicon`` and ``entities`` (article extraction),
``article`` (draft graph, report), ``table`` (YAML-mapped CSV/XLSX), ``reference`` and ``resolving``
(lookups in the graph), ``sources`` (replace, remove, list; copy-on-write), ``trig``, ``evaluate``.
"""
