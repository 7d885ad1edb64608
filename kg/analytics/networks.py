"""Collaboration networks of the graph as NetworkX graphs, built from SPARQL rows.

Every builder takes a *source* — an open pyoxigraph store, or any ``rows(query_text)`` callable
that runs SPARQL on a remote endpoint (see :mod:`kg.analytics.sources`) — runs the named queries of
``queries/analytics/`` (and the contract query ``organisations``) and returns a plain
:class:`networkx.Graph`. Nodes are IRIs (strings); each node carries ``kind`` and ``label``, and
the attributes its kind has (``type``, ``country``, ``nuts`` …); edges carry an integer ``weight``.
Attributes that the graph does not know are left out rather than set to None.

The co-occurrence counting is done by :func:`co_occurrence`, a pure function of the memberships:
pairs of members counted in Python for small inputs, and above :data:`SPARSE_PAIRS` pairs (when
scipy is installed) as the sparse product ``B·Bᵀ`` of the member × group incidence matrix, which
gives the same counts in the same order about 10× faster.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import combinations

import networkx as nx

from kg.analytics.backends import AUTO_EDGES, INSTALL_HINT, prime_igraph
from kg.analytics.sources import Rows, as_rows, fetch
from kg.errors import KgError

__all__ = [
    "NETWORKS",
    "add_shared",
    "bipartite_network",
    "SPARSE_PAIRS",
    "build_network",
    "co_occurrence",
    "coparticipation_network",
    "event_network",
    "programme_region_network",
    "region_network",
]

EVENT_WAYS = ("participant", "affiliation", "organiser", "project-partner")

#: Pairs (the sum over groups of ``s (s - 1) / 2``) from which :func:`co_occurrence` counts with a
#: sparse matrix product when ``backend="auto"`` and scipy is installed.
SPARSE_PAIRS = 20_000


def co_occurrence(groups: Mapping[str, Iterable[str]], *, backend: str = "auto") -> dict[tuple[str, str], int]:
    """Count, for each unordered pair of members, the groups they share.

    Parameters
    ----------
    groups : mapping
        Group (a project, an event) → its members (organisations). Repeated members count once.
    backend : {"auto", "python", "scipy"}, optional (default="auto")
        How to count: pairs in Python, or the sparse product ``B·Bᵀ`` of the member × group
        incidence matrix ``B`` (scipy); ``"auto"`` uses scipy from :data:`SPARSE_PAIRS` pairs
        when it is installed. Both give the same dict.

    Returns
    -------
    counts : dict
        ``(a, b)`` with ``a < b`` → number of groups that hold both, sorted by pair.

    Raises
    ------
    ImportError
        When ``backend="scipy"`` and scipy is not installed (with an install hint).

    Examples
    --------
    >>> co_occurrence({"p1": ["a", "b", "c"], "p2": ["b", "a"], "p3": ["c"]})
    {('a', 'b'): 2, ('a', 'c'): 1, ('b', 'c'): 1}
    >>> co_occurrence({"p1": ["a", "b", "c"], "p2": ["b", "a"], "p3": ["c"]}, backend="scipy")
    {('a', 'b'): 2, ('a', 'c'): 1, ('b', 'c'): 1}
    """
    sets = [set(members) for members in groups.values()]
    if backend == "auto":
        pairs = sum(len(members) * (len(members) - 1) // 2 for members in sets)
        backend = "scipy" if pairs >= SPARSE_PAIRS and importlib.util.find_spec("scipy") else "python"
    if backend == "scipy":
        return _sparse_co_occurrence(sets)
    if backend != "python":
        raise KgError(f"unknown co-occurrence backend {backend!r}; use auto, python or scipy")
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for members in sets:
        for pair in combinations(sorted(members), 2):
            counts[pair] += 1
    return dict(sorted(counts.items()))


def _sparse_co_occurrence(sets: list[set[str]]) -> dict[tuple[str, str], int]:
    try:
        import numpy as np
        import scipy.sparse as sparse
    except ImportError:
        raise ImportError(f"the scipy projection is not installed: {INSTALL_HINT}") from None
    members = sorted(set().union(*sets))
    index = {member: i for i, member in enumerate(members)}
    rows = np.fromiter((index[m] for group in sets for m in group), dtype=np.int64)
    cols = np.repeat(np.arange(len(sets)), [len(group) for group in sets])
    incidence = sparse.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(len(members), len(sets)))
    # Members are numbered in sorted order, so the upper triangle in row-major order is the sorted pairs.
    shared = sparse.triu(incidence @ incidence.T, k=1, format="csr")
    shared.sort_indices()
    found = shared.tocoo()
    first = map(members.__getitem__, found.row.tolist())
    second = map(members.__getitem__, found.col.tolist())
    return dict(zip(zip(first, second, strict=True), found.data.tolist(), strict=True))


def _set(attributes: dict[str, object], **values: object) -> dict[str, object]:
    """Return ``attributes`` with the given values added, leaving out None and empty strings."""
    attributes.update({key: value for key, value in values.items() if value not in (None, "")})
    return attributes


def _organisations(rows: Rows) -> dict[str, dict[str, object]]:
    return {
        row["organisation"]: _set(
            {"kind": "organisation"}, label=row["name"] or row["organisation"],
            type=row["type"], country=row["country"], nuts=row["nuts"],
        )
        for row in fetch(rows, "organisations")
    }


def _participations(rows: Rows) -> list[dict[str, str | None]]:
    # Sorted here, not by the query: an ORDER BY made pyoxigraph read every IRI's text back from
    # RocksDB once per comparison (3.6 of 11 s at 1M quads). Python's order of str is SPARQL's of IRIs.
    return sorted(fetch(rows, "participations"), key=lambda row: (row["project"], row["organisation"]))


def _attendance(rows: Rows, organisers: bool, project_partners: bool) -> list[dict[str, str | None]]:
    ways = {"participant", "affiliation"} | ({"organiser"} if organisers else set())
    ways |= {"project-partner"} if project_partners else set()
    return [row for row in fetch(rows, "event_attendance") if row["via"] in ways]


def _groups(records: Iterable[Mapping[str, str | None]], group: str, member: str) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for record in records:
        groups[record[group]].add(record[member])
    return groups


def bipartite_network(source: object) -> nx.Graph:
    """Return the organisation–project graph: who takes part in which project.

    Organisation nodes have ``bipartite=0`` and project nodes ``bipartite=1`` (the networkx
    convention); each edge carries the ``role`` (roles joined by "; ") and ``weight`` 1. A person's
    participation counts for the organisation they are affiliated to.

    Parameters
    ----------
    source : pyoxigraph.Store or callable
        The store, or a ``rows(query_text)`` function of a remote endpoint.

    Returns
    -------
    graph : networkx.Graph

    See Also
    --------
    coparticipation_network : its projection onto the organisations.
    """
    rows = as_rows(source)
    graph = nx.Graph(name="bipartite")
    organisations = _organisations(rows)
    for row in _participations(rows):
        org, project = row["organisation"], row["project"]
        graph.add_node(org, **organisations.get(org, {"kind": "organisation", "label": org}), bipartite=0)
        graph.add_node(project, **_set({"kind": "project", "bipartite": 1}, label=row["acronym"] or project,
                                       programme=row["programme"], programme_name=row["programme_name"]))
        graph.add_edge(org, project, **_set({"weight": 1}, role=row["role"]))
    return graph


def coparticipation_network(
    source: object, *, events: bool = True, organisers: bool = True, project_partners: bool = False
) -> nx.Graph:
    """Return the organisation co-participation network.

    Two organisations are tied when they take part in the same project or the same event. Edge
    attributes: ``projects`` and ``events`` (the numbers shared) and ``weight`` (their sum). Every
    organisation of the graph is a node, also one without ties. Node attributes: ``label``,
    ``type``, ``country`` (ISO alpha-2), ``nuts`` and ``programmes`` (the programmes of its
    projects, joined by "; ").

    Parameters
    ----------
    source : pyoxigraph.Store or callable
        The store, or a ``rows(query_text)`` function of a remote endpoint.
    events : bool, optional (default=True)
        Count shared events as well as shared projects.
    organisers : bool, optional (default=True)
        Count an organisation stated as an event's ``ekg:organiser`` as taking part in it.
    project_partners : bool, optional (default=False)
        Count the partners of an event's ``ekg:relatedProject`` as taking part in it.

    Returns
    -------
    graph : networkx.Graph

    See Also
    --------
    event_network : the ties of shared events alone.
    region_network : these ties aggregated by NUTS region.
    """
    rows = as_rows(source)
    graph = nx.Graph(name="coparticipation")
    organisations = _organisations(rows)
    participations = _participations(rows)
    programmes: dict[str, set[str]] = defaultdict(set)
    for row in participations:
        if row["programme_name"]:
            programmes[row["organisation"]].add(row["programme_name"])
    for org, attributes in organisations.items():
        graph.add_node(org, **_set(dict(attributes), programmes="; ".join(sorted(programmes[org]))))
    shared_projects = co_occurrence(_groups(participations, "project", "organisation"))
    shared_events = (
        co_occurrence(_groups(_attendance(rows, organisers, project_partners), "event", "organisation"))
        if events else {}
    )
    add_shared(graph, {"projects": shared_projects, "events": shared_events})
    for node in graph:
        graph.nodes[node].setdefault("kind", "organisation")
        graph.nodes[node].setdefault("label", node)
    return graph


def add_shared(graph: nx.Graph, counts: Mapping[str, Mapping[tuple[str, str], int]]) -> nx.Graph:
    """Add to ``graph`` the ties of several pair counts, each as an edge attribute, and their sum.

    Every pair counted in one of ``counts`` becomes an edge with one attribute per count (0 where
    it has none) and ``weight``, their sum. This is the last change the builders make, so it also
    primes the igraph conversion that the metrics use on large graphs (see
    :func:`kg.analytics.backends.prime_igraph`).

    Parameters
    ----------
    graph : networkx.Graph
        Its nodes; pairs of nodes not in it add them.
    counts : mapping
        Attribute name → :func:`co_occurrence`'s counts, each sorted by pair.

    Returns
    -------
    graph : networkx.Graph
        The same graph.

    See Also
    --------
    co_occurrence : the counts.

    Examples
    --------
    >>> graph = add_shared(nx.Graph(), {"projects": {("a", "b"): 2}, "events": {("b", "c"): 1}})
    >>> sorted(graph.edges(data=True))
    [('a', 'b', {'projects': 2, 'events': 0, 'weight': 2}), ('b', 'c', {'projects': 0, 'events': 1, 'weight': 1})]
    """
    filled = [name for name, pairs in counts.items() if pairs]
    # Each count is sorted by pair; only the union of several needs sorting again.
    pairs = list(counts[filled[0]]) if len(filled) == 1 else sorted(set().union(*(counts[n] for n in filled)))
    edges_before = graph.number_of_edges()
    values = {name: [count.get(pair, 0) for pair in pairs] if count else [0] * len(pairs)
              for name, count in counts.items()}
    values["weight"] = [sum(column) for column in zip(*values.values(), strict=True)] if values else []
    names = list(values)
    graph.add_edges_from((a, b, dict(zip(names, row, strict=True)))
                         for (a, b), *row in zip(pairs, *values.values(), strict=True))
    if edges_before == 0 and graph.number_of_edges() == len(pairs) >= AUTO_EDGES:
        prime_igraph(graph, pairs, values)
    return graph


def event_network(source: object, *, organisers: bool = True, project_partners: bool = False) -> nx.Graph:
    """Return the event co-attendance network of organisations.

    Organisations are tied when they take part in the same event — themselves, or through a
    person affiliated to them (a speaker represents their organisation); optionally also as the
    event's organiser or as a partner of the project the event belongs to. Nodes are the
    organisations that take part in at least one event (attribute ``events``: how many); edges
    carry ``weight`` (the number of shared events) and ``event_names`` (their titles, "; ").

    Parameters
    ----------
    source : pyoxigraph.Store or callable
        The store, or a ``rows(query_text)`` function of a remote endpoint.
    organisers : bool, optional (default=True)
        Count organisations stated as ``ekg:organiser``.
    project_partners : bool, optional (default=False)
        Count the partners of the event's ``ekg:relatedProject``.

    Returns
    -------
    graph : networkx.Graph
    """
    rows = as_rows(source)
    graph = nx.Graph(name="events")
    organisations = _organisations(rows)
    attendance = _attendance(rows, organisers, project_partners)
    titles = {row["event"]: row["event_name"] or row["event"] for row in attendance}
    groups = _groups(attendance, "event", "organisation")
    for members in groups.values():
        for org in members:
            if org not in graph:
                graph.add_node(org, **organisations.get(org, {"kind": "organisation", "label": org}), events=0)
            graph.nodes[org]["events"] += 1
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, members in sorted(groups.items()):
        for pair in combinations(sorted(members), 2):
            shared[pair].append(titles[event])
    for pair, names in sorted(shared.items()):
        graph.add_edge(*pair, weight=len(names), event_names="; ".join(sorted(names)))
    return graph


def _organisation_regions(rows: Rows, level: int) -> dict[str, dict[str, str | None]]:
    if not 0 <= level <= 3:
        raise KgError(f"the NUTS level must be 0, 1, 2 or 3, not {level}")
    return {row["organisation"]: row for row in fetch(rows, "organisation_regions", {"level": str(level)})}


def region_network(
    source: object, *, level: int = 2, events: bool = True, organisers: bool = True, project_partners: bool = False
) -> nx.Graph:
    """Return the region–region collaboration network at NUTS ``level``.

    Each organisation is placed in the region of ``level`` that contains its own region (up the
    ``ekg:parentRegion`` hierarchy); the co-participation ties of organisations in two different
    regions add up to the tie of the two regions (``weight``, ``projects``, ``events``). Ties within
    one region are kept as the node attribute ``internal_weight``, not as self-loops. Organisations
    placed only at a coarser level than ``level`` are left out; their number is
    ``graph.graph["unplaced"]``.

    Node attributes: ``label`` (region name), ``nuts``, ``country``, ``organisations`` and
    ``projects`` (the numbers of located organisations and of distinct projects with a partner in
    the region).

    Parameters
    ----------
    source : pyoxigraph.Store or callable
        The store, or a ``rows(query_text)`` function of a remote endpoint.
    level : int, optional (default=2)
        The NUTS level, 0 (countries) to 3.
    events, organisers, project_partners : bool, optional
        As for :func:`coparticipation_network`.

    Returns
    -------
    graph : networkx.Graph

    See Also
    --------
    kg.analytics.metrics.cross_border_share
    """
    rows = as_rows(source)
    located = _organisation_regions(rows, level)
    organisations = coparticipation_network(rows, events=events, organisers=organisers,
                                             project_partners=project_partners)
    graph = nx.Graph(name="regions", level=level,
                     unplaced=sum(1 for org in organisations if org not in located))
    projects: dict[str, set[str]] = defaultdict(set)
    for row in _participations(rows):
        if row["organisation"] in located:
            projects[located[row["organisation"]]["region"]].add(row["project"])
    for place in located.values():
        region = place["region"]
        if region not in graph:
            graph.add_node(region, **_set({"kind": "region", "organisations": 0, "internal_weight": 0},
                                          label=place["region_name"] or place["nuts"] or region,
                                          nuts=place["nuts"], country=place["country"]))
        graph.nodes[region]["organisations"] += 1
        graph.nodes[region]["projects"] = len(projects[region])
    for a, b, data in organisations.edges(data=True):
        if a not in located or b not in located:
            continue
        ra, rb = located[a]["region"], located[b]["region"]
        if ra == rb:
            graph.nodes[ra]["internal_weight"] += data["weight"]
            continue
        if not graph.has_edge(ra, rb):
            graph.add_edge(ra, rb, weight=0, projects=0, events=0)
        for key in ("weight", "projects", "events"):
            graph.edges[ra, rb][key] += data[key]
    return graph


def programme_region_network(source: object, *, level: int = 2) -> nx.Graph:
    """Return the programme–region graph at NUTS ``level``.

    A programme is tied to a region when a project it funds has a partner located in the region;
    ``weight`` is the number of such projects. Programme nodes have ``bipartite=0`` and region
    nodes ``bipartite=1``. Projects without a programme are left out.

    Parameters
    ----------
    source : pyoxigraph.Store or callable
        The store, or a ``rows(query_text)`` function of a remote endpoint.
    level : int, optional (default=2)
        The NUTS level, 0 (countries) to 3.

    Returns
    -------
    graph : networkx.Graph
    """
    rows = as_rows(source)
    located = _organisation_regions(rows, level)
    graph = nx.Graph(name="programme-regions", level=level)
    projects: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _participations(rows):
        programme, place = row["programme"], located.get(row["organisation"])
        if not programme or place is None:
            continue
        region = place["region"]
        graph.add_node(programme, kind="programme", label=row["programme_name"] or programme, bipartite=0)
        graph.add_node(region, **_set({"kind": "region", "bipartite": 1},
                                      label=place["region_name"] or place["nuts"] or region,
                                      nuts=place["nuts"], country=place["country"]))
        projects[programme, region].add(row["project"])
    for (programme, region), funded in sorted(projects.items()):
        graph.add_edge(programme, region, weight=len(funded))
    return graph


#: The networks by the names the command line uses.
NETWORKS: dict[str, Callable[..., nx.Graph]] = {
    "coparticipation": coparticipation_network,
    "bipartite": bipartite_network,
    "regions": region_network,
    "programme-regions": programme_region_network,
    "events": event_network,
}


def build_network(name: str, source: object, **options: object) -> nx.Graph:
    """Build the network ``name`` (a key of :data:`NETWORKS`), passing the options it accepts.

    Options a network does not take (``level`` for the organisation networks) are ignored.

    Raises
    ------
    KgError
        When ``name`` is not a known network.
    """
    try:
        builder = NETWORKS[name]
    except KeyError:
        raise KgError(f"unknown network {name!r}; known networks: {', '.join(NETWORKS)}") from None
    accepted = inspect.signature(builder).parameters
    return builder(source, **{key: value for key, value in options.items() if key in accepted})
