"""The networks of the project's own graph (the built store): what the source documents say about who works with whom."""

from __future__ import annotations

from itertools import combinations

import pytest

from kg.analytics import communities, metrics
from kg.analytics.networks import build_network, coparticipation_network, event_network, region_network

ORG = "https://w3id.org/eu-regional-kg/id/organisation/"
NUTS = "http://data.europa.eu/nuts/code/"
SME4GREEN = [ORG + o for o in ("fonduri-structurale-ro", "magurele-science-park", "ilfov-county-council",
                               "city-of-turin", "environment-park-torino", "city-of-amsterdam")]
EWRC_SESSION = [ORG + o for o in ("ecorys", "dg-grow", "dg-regio", "bialystok-university-of-technology",
                                  "flemish-government", "regional-council-of-lapland")]


@pytest.mark.parametrize("seed", [1, 42])
def test_sme4green_partners_form_one_louvain_community(store, seed) -> None:
    parts = communities.louvain(coparticipation_network(store), seed=seed)
    assert len({parts[org] for org in SME4GREEN}) == 1
    outsiders = [org for org, part in parts.items() if part == parts[SME4GREEN[0]] and org not in SME4GREEN]
    assert outsiders == []


def test_ewrc_2019_session_links_gosmart_and_reconfirm_actors(store) -> None:
    graph = event_network(store)
    # Ecorys (ReConfirm's implementer, the organiser), DG GROW, DG REGIO and the speakers' organisations
    for a, b in combinations(EWRC_SESSION, 2):
        assert graph.has_edge(a, b), (a, b)
        assert "Smart Specialisation" in graph.edges[a, b]["event_names"]
    # DG REGIO also organised the EWRC itself, alone: its tie count stays the session's five
    assert graph.degree(ORG + "dg-regio") == 5


def test_ewrc_actors_are_bridged_to_reconfirm_only_through_events(store) -> None:
    with_events = coparticipation_network(store)
    without = coparticipation_network(store, events=False)
    assert with_events.has_edge(ORG + "ecorys", ORG + "dg-grow")
    assert not without.has_edge(ORG + "ecorys", ORG + "dg-grow")


def test_region_network_at_nuts_2(store) -> None:
    graph = region_network(store, level=2)
    assert graph.nodes[NUTS + "RO32"]["organisations"] == 3  # fonduri-structurale.ro, MSP, Ilfov County Council
    assert graph.edges[NUTS + "RO32", NUTS + "ITC1"]["projects"] == 6  # 3 x 2 SME4GREEN partner pairs
    # Organisations placed only above NUTS 2 (the Flemish Government at NUTS 1, some EU bodies) are unplaced.
    above = store.query(
        """PREFIX ekg: <https://w3id.org/eu-regional-kg/ontology#>
           SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a ekg:Organisation ; ekg:region/ekg:nutsLevel ?level
           FILTER (?level < 2) }""",
        use_default_graph_as_union=True,
    )
    assert graph.graph["unplaced"] == int(next(iter(above))["n"].value) >= 1
    shares = metrics.cross_border_share(graph)
    assert shares[NUTS + "RO32"] == 1.0
    # Lodzkie's ties: the Warsaw ministry (PL, 1) and the Commission in Brussels (BE, 1)
    assert shares[NUTS + "PL71"] == pytest.approx(0.5)


def test_programme_region_network(store) -> None:
    graph = build_network("programme-regions", store, level=2)
    smp = "https://w3id.org/eu-regional-kg/id/programme/single-market-programme"
    assert sorted(graph[smp]) == [NUTS + "ITC1", NUTS + "NL32", NUTS + "RO32"]
    assert graph.edges[smp, NUTS + "RO32"]["weight"] == 1
