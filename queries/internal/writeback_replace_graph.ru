#+ summary: Replace one named graph of the local store with new triples, in one transaction
#+ description: Used by `kg.analytics.writeback.write_scores` to write the scores of one metric on one network. pyoxigraph applies an update as one transaction, so readers see the old scores or the new ones, never a mix; no other graph changes.
#+ params:
#+   - name: graph
#+     type: iri
#+     description: the named graph to replace
#+   - name: triples
#+     type: triples
#+     description: its new content, written as N-Triples by pyoxigraph
DROP SILENT GRAPH ${graph} ;
INSERT DATA {
  GRAPH ${graph} {
${triples}  }
}
