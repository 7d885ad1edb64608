"""Network analysis of the graph: collaboration networks as NetworkX graphs, and their metrics.

- :mod:`kg.analytics.sources`: where rows come from (the embedded store, a remote SPARQL endpoint
  through :func:`endpoint_rows`, or any ``rows(query_text)`` function);
- :mod:`kg.analytics.networks`: the organisation–project, co-participation, region, programme–region
  and event co-attendance networks;
- :mod:`kg.analytics.metrics`, :mod:`~kg.analytics.communities`, :mod:`~kg.analytics.brokerage`:
  small functions ``f(graph, **options) -> dict``;
- :mod:`kg.analytics.report`: the metrics by name and ranked rows;
- :mod:`kg.analytics.export`: GraphML and GEXF for Gephi; :mod:`kg.analytics.writeback`: scores as RDF;
- :mod:`kg.analytics.plots`: the figures of the notebooks (needs matplotlib).

>>> import networkx as nx
>>> from kg.analytics import betweenness
>>> round(betweenness(nx.krackhardt_kite_graph())[7], 3)
0.389
"""

from kg.analytics.brokerage import ROLES, brokerage, total_brokerage
from kg.analytics.communities import label_propagation, louvain, modularity
from kg.analytics.metrics import (
    betweenness,
    closeness,
    components,
    core_number,
    cross_border_share,
    degree,
    eigenvector,
    k_core,
    weighted_degree,
)
from kg.analytics.networks import (
    NETWORKS,
    bipartite_network,
    build_network,
    coparticipation_network,
    event_network,
    programme_region_network,
    region_network,
)
from kg.analytics.sources import endpoint_rows, open_or_build, store_rows

__all__ = [
    "NETWORKS",
    "ROLES",
    "betweenness",
    "bipartite_network",
    "brokerage",
    "build_network",
    "closeness",
    "components",
    "coparticipation_network",
    "core_number",
    "cross_border_share",
    "degree",
    "eigenvector",
    "endpoint_rows",
    "event_network",
    "k_core",
    "label_propagation",
    "louvain",
    "modularity",
    "open_or_build",
    "programme_region_network",
    "region_network",
    "store_rows",
    "total_brokerage",
    "weighted_degree",
]
