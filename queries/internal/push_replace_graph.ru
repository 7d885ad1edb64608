#+ summary: Replace one named graph of a remote store with the first batch of its triples
#+ description: Used by `eukg push` on a SPARQL Update endpoint (without a Graph Store URL) for the first batch of each graph; the next batches are added by push_add_to_graph.ru.
#+ params:
#+   - name: graph
#+     type: iri
#+     description: the named graph to replace
#+   - name: triples
#+     type: triples
#+     description: the batch, written as N-Triples by pyoxigraph
DROP SILENT GRAPH ${graph} ;
INSERT DATA {
  GRAPH ${graph} {
${triples}  }
}
