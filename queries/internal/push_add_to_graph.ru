#+ summary: Add a batch of triples to one named graph of a remote store
#+ description: Used by `eukg push` on a SPARQL Update endpoint (without a Graph Store URL) for every batch of a graph after its first.
#+ params:
#+   - name: graph
#+     type: iri
#+     description: the named graph to add to
#+   - name: triples
#+     type: triples
#+     description: the batch, written as N-Triples by pyoxigraph
INSERT DATA {
  GRAPH ${graph} {
${triples}  }
}
