"""Precision and recall of `eukg ingest article`, per entity kind, and its speed.

Two test sets:

- the five corpus documents (../shared/corpus, skipped when absent) against the curated facts of
  data/sources/ID.ttl, in two settings: "warm" (the graph already holds the curated data, so the
  gazetteer knows every name: this measures resolution) and "cold" (the document's own source graph
  is removed first: this measures discovery of what the graph does not know yet);
- the annotated articles of tests/ingest/data, one per language (en, pl, ro, it, es, de, fr, el),
  written for this purpose.

Run: ``python benchmarks/ingest_quality.py`` → benchmarks/ingest-results.json
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest.article import ingest_article  # noqa: E402
from kg.ingest.entities import Gazetteer  # noqa: E402
from kg.ingest.evaluate import KINDS, Gold, Score, gold_from_source, score  # noqa: E402
from kg.ingest.reference import ReferenceData  # noqa: E402
from kg.ingest.resolving import LabelResolver, resolver_for  # noqa: E402
from kg.layout import source_graph  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.store.writer import build  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLES = ROOT / "tests" / "ingest" / "data" / "articles"
ANNOTATIONS = ROOT / "tests" / "ingest" / "data" / "annotations.json"


def predictions(result) -> dict[str, list[tuple[str | None, str]]]:  # noqa: ANN001
    found: dict[str, list[tuple[str | None, str]]] = {kind: [] for kind in KINDS}
    for finding in result.extraction.findings:
        if finding.kind == "event":
            found["event"].append((None, str(finding.attrs["start"])[:10]))
        elif finding.kind == "theme":
            found["theme"].append((finding.iri, finding.iri or finding.name))
        elif finding.kind in found:
            found[finding.kind].append((finding.iri if finding.status == "resolved" else None, finding.name))
    return found


def without_graph(store: ox.Store, graph: str) -> ox.Store:
    copy = ox.Store()
    copy.bulk_extend(q for q in store.quads_for_pattern(None, None, None, None)
                     if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == graph))
    return copy


def summarise(scores: dict[str, Score]) -> dict[str, dict[str, object]]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 3)

    return {kind: {"precision": rounded(s.precision), "recall": rounded(s.recall), "predicted": s.predicted,
                   "gold": s.gold, "matched": s.matched} for kind, s in scores.items()}


def run_corpus(store: ox.Store, setting: str) -> tuple[dict[str, Score], list[float], dict[str, dict]]:
    totals = {kind: Score() for kind in KINDS}
    seconds = []
    details = {}
    for path in sorted(CORPUS.glob("*.txt")):
        curated = ROOT / "data" / "sources" / f"{path.stem}.ttl"
        gold = gold_from_source(Graph().parse(curated), store)
        target = without_graph(store, str(source_graph(path.stem))) if setting == "cold" else store
        reference = ReferenceData.from_store(target)
        start = time.perf_counter()
        result = ingest_article(path, target, resolver=resolver_for(target), gazetteer=Gazetteer.from_store(target),
                                reference=reference)
        seconds.append(time.perf_counter() - start)
        found = predictions(result)
        per_doc = {}
        for kind in KINDS:
            one = score(found[kind], gold[kind])
            totals[kind].add(one)
            per_doc[kind] = {"missed": one.missed, "spurious": one.spurious}
        details[path.stem] = per_doc
    return totals, seconds, details


def run_annotated(store: ox.Store) -> tuple[dict[str, Score], dict[str, dict]]:
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    totals = {kind: Score() for kind in KINDS}
    details = {}
    reference = ReferenceData.from_store(store)
    gazetteer = Gazetteer.from_store(store)
    resolver = LabelResolver.from_store(store)
    for name, expected in sorted(annotations.items()):
        result = ingest_article(ARTICLES / name, store, resolver=resolver, gazetteer=gazetteer, reference=reference)
        found = predictions(result)
        found["theme"] = [(iri, (iri or "").rsplit("/", 1)[-1]) for iri, _ in found["theme"]]
        per_doc = {}
        for kind in KINDS:
            items = expected.get(kind, [])
            if kind == "event":
                gold = [Gold(None, {e["start"]}) for e in items]
            elif kind == "person":
                gold = [Gold(None, {p["name"], p["email"]}) for p in items]
            else:
                gold = [Gold(None, {item}) for item in items]
            one = score(found[kind], gold)
            totals[kind].add(one)
            per_doc[kind] = {"missed": one.missed, "spurious": one.spurious}
        details[name] = per_doc
    return totals, details


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "store", validate=False)
        store = ox.Store()
        store.bulk_extend(open_store(Path(tmp) / "store").quads_for_pattern(None, None, None, None))
    results: dict[str, object] = {"matching": "IRI equality, or name equal to a gold label after case/diacritics "
                                              "folding (containment from 5 characters); events by start day"}
    if CORPUS.is_dir():
        for setting in ("warm", "cold"):
            totals, seconds, details = run_corpus(store, setting)
            results[f"corpus_{setting}"] = {"per_kind": summarise(totals), "documents": len(seconds),
                                            "seconds_per_document": round(sum(seconds) / len(seconds), 3),
                                            "errors": details}
    else:
        results["corpus_warm"] = results["corpus_cold"] = "skipped: ../shared/corpus is absent"
    totals, details = run_annotated(store)
    results["annotated_eight_languages"] = {"per_kind": summarise(totals), "documents": len(details),
                                           "errors": details}
    out = ROOT / "benchmarks" / "ingest-results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, value in results.items():
        if isinstance(value, dict) and "per_kind" in value:
            print(name)
            for kind, s in value["per_kind"].items():
                print(f"  {kind:<13} P={s['precision']}  R={s['recall']}  ({s['matched']}/{s['predicted']} "
                      f"predicted, {s['gold']} gold)")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
