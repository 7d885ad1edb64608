"""Network scores as RDF, written into a named graph of their own.

Each score is a small node (``ekg:NetworkScore``) that names the scored node, the network, the
metric and the value::

    <…/id/score/coparticipation-betweenness/3f2a…> a ekg:NetworkScore ;
        ekg:scoredNode orgn:ecorys ; ekg:networkName "coparticipation" ;
        ekg:metricName "betweenness" ; ekg:scoreValue 0.25e0 .

The scores of one network and metric live in the graph
``https://w3id.org/eu-regional-kg/graph/analytics/NETWORK-METRIC``. Writing replaces that graph and
nothing else, in one SPARQL update (the template ``queries/internal/writeback_replace_graph.ru``,
filled with terms pyoxigraph serialised) — a single store transaction: readers see the old scores
or the new ones, never a mix, and the other graphs are not touched.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, datetime

import pyoxigraph as ox
from rdflib import DCTERMS, PROV, RDF, XSD, Graph, Literal, URIRef

from kg.errors import KgError
from kg.namespaces import EKG, GRAPH, ID, bind_prefixes
from kg.sparql.updates import update_template
from kg.store import to_oxigraph

__all__ = ["analytics_graph", "compute_derived", "recompute", "score_graph", "score_recipe", "store_scores",
           "write_scores"]

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def analytics_graph(network: str, metric: str) -> URIRef:
    """Return the IRI of the named graph that holds the scores of ``metric`` on ``network``.

    Examples
    --------
    >>> str(analytics_graph("regions", "cross-border-share"))
    'https://w3id.org/eu-regional-kg/graph/analytics/regions-cross-border-share'
    """
    for name in (network, metric):
        if not _NAME.match(name):
            raise KgError(f"{name!r} is not a usable network or metric name (lower-case letters, digits, -)")
    return GRAPH[f"analytics/{network}-{metric}"]


def _flatten(scores: Mapping[object, object], metric: str) -> list[tuple[str, str, float]]:
    """Return ``(node, metric name, value)``; a dict of values (brokerage roles) gives one metric per key."""
    flat = []
    for node, value in scores.items():
        if not isinstance(node, str) or not _IRI.match(node):
            raise KgError(f"cannot write a score of node {node!r}: scores are written for IRIs only")
        if isinstance(value, Mapping):
            flat.extend((node, f"{metric}-{key}", float(number)) for key, number in value.items())
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise KgError(f"the score of {node} is {value!r}, not a number")
        else:
            flat.append((node, metric, float(value)))
    return flat


def score_graph(
    scores: Mapping[object, object], *, network: str, metric: str, parameters: Mapping[str, object] | None = None
) -> Graph:
    """Return the scores as an rdflib graph of ``ekg:NetworkScore`` nodes (see the module docstring).

    Parameters
    ----------
    scores : mapping
        Node IRI → number, or node IRI → ``{name: number}`` (each name becomes the metric
        ``METRIC-NAME``, as for brokerage roles).
    network, metric : str
        Names of the network and of the metric.
    parameters : mapping, optional
        The parameters of the computation (level, seed …), recorded on the graph's description.

    Returns
    -------
    graph : rdflib.Graph

    Examples
    --------
    >>> g = score_graph({"http://data.europa.eu/nuts/code/PL81": 0.25}, network="regions", metric="cross-border-share")
    >>> sorted(str(v) for v in g.objects(None, EKG.scoreValue))
    ['0.25']
    """
    graph_iri = analytics_graph(network, metric)
    graph = bind_prefixes(Graph())
    graph.add((graph_iri, RDF.type, PROV.Entity))
    graph.add((graph_iri, DCTERMS.title, Literal(f"{metric} of the {network} network", lang="en")))
    graph.add((graph_iri, DCTERMS.created, Literal(datetime.now(UTC).replace(microsecond=0), datatype=XSD.dateTime)))
    if parameters:
        described = ", ".join(f"{key}={value}" for key, value in sorted(parameters.items()) if value is not None)
        graph.add((graph_iri, DCTERMS.description, Literal(f"computed by eukg analyze with {described}", lang="en")))
    for node, name, value in _flatten(scores, metric):
        digest = hashlib.sha256(node.encode("utf-8")).hexdigest()[:16]
        score = ID[f"score/{network}-{name}/{digest}"]
        graph.add((score, RDF.type, EKG.NetworkScore))
        graph.add((score, EKG.scoredNode, URIRef(node)))
        graph.add((score, EKG.networkName, Literal(network)))
        graph.add((score, EKG.metricName, Literal(name)))
        graph.add((score, EKG.scoreValue, Literal(value, datatype=XSD.double)))
        graph.add((score, PROV.wasDerivedFrom, graph_iri))
    return graph


def write_scores(
    store: ox.Store,
    scores: Mapping[object, object],
    *,
    network: str,
    metric: str,
    parameters: Mapping[str, object] | None = None,
) -> URIRef:
    """Replace the graph of ``metric`` on ``network`` in ``store`` with ``scores``, in one transaction.

    The graph's old content is dropped and the new statements inserted by one SPARQL update, which
    pyoxigraph applies atomically; no other graph changes. The update is the template
    ``queries/internal/writeback_replace_graph.ru``, filled with the graph and the statements as
    pyoxigraph writes them (:mod:`kg.sparql.updates`). Removing the graph and adding the statements
    through the store's API would take two transactions, between which a reader sees no scores.

    Returns
    -------
    graph : rdflib.URIRef
        The IRI of the named graph written.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> g = write_scores(store, {"http://example.org/a": 2}, network="events", metric="degree")
    >>> g = write_scores(store, {"http://example.org/b": 3}, network="events", metric="degree")
    >>> [float(q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(str(EKG.scoreValue)), None)]
    [3.0]
    """
    graph_iri = analytics_graph(network, metric)
    graph = score_graph(scores, network=network, metric=metric, parameters=parameters)
    triples = _oxigraph_triples(graph)
    store.update(update_template("writeback_replace_graph").fill(graph=ox.NamedNode(str(graph_iri)), triples=triples))
    return graph_iri


def _oxigraph_triples(graph: Graph) -> list[ox.Triple]:
    """Return the statements of ``graph`` as pyoxigraph triples; an IRI pyoxigraph refuses is a :class:`KgError`."""
    try:
        return [ox.Triple(*(to_oxigraph(term) for term in triple)) for triple in graph]
    except ValueError as error:
        raise KgError(f"cannot write the scores: {error}") from None


def score_recipe(network: str, metric: str, *, network_options: Mapping[str, object] | None = None,
                 metric_options: Mapping[str, object] | None = None) -> dict:
    """Return the recipe of a derived scores graph: what a build needs to compute it again.

    Examples
    --------
    >>> r = score_recipe("events", "degree", metric_options={"seed": 42})
    >>> r["kind"], r["network"], r["metric"], r["metric_options"]
    ('analytics', 'events', 'degree', {'seed': 42})
    """
    analytics_graph(network, metric)  # checks the names
    return {"kind": "analytics", "network": network, "metric": metric,
            "network_options": dict(network_options or {}), "metric_options": dict(metric_options or {}),
            "title": f"{metric} of the {network} network",
            "computed": datetime.now(UTC).replace(microsecond=0).isoformat()}


def recompute(store: ox.Store, recipe: Mapping[str, object]) -> Graph:
    """Compute the scores graph of ``recipe`` (:func:`score_recipe`) on ``store`` again.

    A full build calls this for every derived graph the store had, so a rebuild never drops scores
    silently; they are computed from the rebuilt data.
    """
    from kg.analytics.networks import build_network
    from kg.analytics.report import compute

    if recipe.get("kind") != "analytics":
        raise KgError(f"unknown kind of derived graph {recipe.get('kind')!r}: cannot compute it again")
    network, metric = str(recipe["network"]), str(recipe["metric"])
    graph = build_network(network, store, **dict(recipe.get("network_options") or {}))
    options = dict(recipe.get("metric_options") or {})
    values = compute(graph, metric, **options)
    parameters = {**dict(recipe.get("network_options") or {}), **options}
    return score_graph(values, network=network, metric=metric, parameters=parameters)


def compute_derived(store: ox.Store, recipe: Mapping[str, object], snapshot: object = None) -> Graph:
    """:func:`recompute`, as :mod:`kg.store.derived` calls it for the kind ``analytics``."""
    return recompute(store, recipe)


def store_scores(location: object, scores: Mapping[object, object], recipe: Mapping[str, object],
                 wait: float | None = None, notify: object = None) -> URIRef:
    """Store ``scores`` as the derived graph of ``recipe`` through the store's one writer; return its IRI.

    The graph is listed by ``eukg sources`` as derived, with the recipe, and recomputed by every full build.
    """
    from kg.store.writer import Writer

    network, metric = str(recipe["network"]), str(recipe["metric"])
    graph_iri = analytics_graph(network, metric)
    parameters = {**dict(recipe.get("network_options") or {}), **dict(recipe.get("metric_options") or {})}
    graph = score_graph(scores, network=network, metric=metric, parameters=parameters)
    with Writer(location, wait=wait, notify=notify) as writer:
        writer.put_derived(str(graph_iri), graph, dict(recipe))
    return graph_iri
