"""Reading the graph with SPARQL: named queries, their results, remote endpoints and the server.

- :mod:`kg.sparql.queries`: the named queries of ``queries/`` (:class:`~kg.sparql.queries.NamedQuery`);
- :mod:`kg.sparql.results`: a query's results as CSV, TSV, JSON or a spreadsheet-safe CSV;
- :mod:`kg.sparql.output`: a SELECT answer in each output format of ``eukg query``, from pyoxigraph's terms;
- :mod:`kg.sparql.stored`: the answers of named queries kept with the snapshot of the store they were computed
  from, and :mod:`kg.sparql.fast`, ``eukg query``'s fast path that writes one without the command line's imports;
- :mod:`kg.sparql.catalogue`: ``queries/README.md``, generated from the queries' headers;
- :mod:`kg.sparql.remote`: the same queries on a remote SPARQL endpoint (SPARQLWrapper);
- :mod:`kg.sparql.push`: the store's named graphs into a remote store (Graph Store Protocol);
- :mod:`kg.sparql.serve`: the SPARQL 1.1 Protocol server (``eukg serve``), with its helpers
  :mod:`~kg.sparql.serve_requests` (reading requests), :mod:`~kg.sparql.serve_workers` (query worker
  processes), :mod:`~kg.sparql.serve_results` (answers in each media type), :mod:`~kg.sparql.serve_checks`
  (``SERVICE`` refused) and :mod:`~kg.sparql.serve_description` (the service description).
"""
