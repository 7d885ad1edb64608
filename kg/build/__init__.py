"""Building the graph: the ontology, the reference tables and ``data/`` into a new store.

- :mod:`kg.build.full`: a full build into a new store directory, validated (:func:`~kg.build.full.build_into`);
- :mod:`kg.build.stats`: the counts that describe a built store (``eukg stats``);
- :mod:`kg.build.namespace_codegen`: writes :mod:`kg.namespaces` from the ontology;
- :mod:`kg.build.allocator`: ``eukg`` and the benchmark harness start on mimalloc (the bulk loader's allocator).

This package's top level imports nothing, so that :mod:`kg.build.allocator` is cheap to import
before ``eukg`` starts itself again.
"""
