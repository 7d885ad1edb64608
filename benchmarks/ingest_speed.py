"""Time of `eukg ingest article` against the size of the article, up to the 2 MiB limit.

The articles are made by repeating a multilingual text written for this benchmark (organisations,
persons, places, dates and project names in several languages) until the size is reached; the
graph's labels, the resolver and the name lists are loaded once, and a first short article is
ingested, before timing (their cost is reported apart, as start-up: the first article loads
simplemma's dictionaries of the languages it meets).

Run: ``python benchmarks/ingest_speed.py`` → benchmarks/results/ingest-speed.json
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULT = ROOT / "benchmarks" / "results" / "ingest-speed.json"
SIZES = (25_000, 200_000, 500_000, 1_000_000, 2 * 1024 * 1024 - 4096)

PARAGRAPHS = [
    "The kick-off meeting of the BLUEHARBOUR project took place on 12 March 2024 in Gdańsk. Maria Kowalska of "
    "the Gdańsk University of Technology (Poland) welcomed the partners; the lead partner, the Agenzia Regionale "
    "per lo Sviluppo della Puglia (Italy), presented the work plan.",
    "Proiectul RIVERLINK, finanțat prin Programul Interreg VI-A România-Bulgaria, a fost lansat la Giurgiu pe "
    "5 mai 2024. Primăria Municipiului Giurgiu este partener principal, iar Ion Popescu a prezentat bugetul.",
    "Das Netzwerktreffen der Hochschule Osnabrück fand am 3. Juni 2024 in Lingen statt. Thomas Becker vom "
    "Landratsamt Emmendingen sprach über grenzüberschreitende Zusammenarbeit mit Partnern aus Dänemark.",
    "El socio principal del proyecto AGROMED, la Universidad de Cádiz (España), organizó un taller en Sevilla "
    "los días 20 y 21 de mayo de 2024 con Ana García y socios de Portugal.",
    "Η εναρκτήρια συνάντηση του έργου SEALINK πραγματοποιήθηκε στη Θεσσαλονίκη στις 10 Απριλίου 2024 με τη "
    "συμμετοχή του Επιμελητηρίου Θεσσαλονίκης και της Μαρίας Παπαδοπούλου.",
]


def article(size: int) -> str:
    text = "\n\n".join(PARAGRAPHS)
    parts = []
    total = 0
    n = 0
    while total < size:
        chunk = text.replace("2024", str(2000 + n % 25)) + "\n\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
        n += 1
    data = "".join(parts).encode("utf-8")[:size]
    return data.decode("utf-8", "ignore")


def main() -> None:
    from kg.ingest.article import ingest_article
    from kg.ingest.entities import Gazetteer
    from kg.ingest.reference import ReferenceData
    from kg.ingest.resolving import resolver_for
    from kg.store import open_store

    start = time.perf_counter()
    store = open_store(None)
    reference = ReferenceData.from_store(store)
    resolver = resolver_for(store)
    gazetteer = Gazetteer.from_index(resolver.index)
    graph_seconds = time.perf_counter() - start
    lists = {}
    from kg.ingest.extract import lexicons

    for name in ("first_names", "cities", "countries"):
        t0 = time.perf_counter()
        getattr(lexicons, name)()
        lists[name] = round(time.perf_counter() - t0, 2)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm-up.txt"
        warm.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
        t0 = time.perf_counter()
        ingest_article(warm, store, resolver=resolver, gazetteer=gazetteer, reference=reference)
        lists["first_article_with_lemma_dictionaries"] = round(time.perf_counter() - t0, 2)
        for size in SIZES:
            path = Path(tmp) / f"article-{size}.txt"
            path.write_text(article(size), encoding="utf-8")
            t0 = time.perf_counter()
            result = ingest_article(path, store, resolver=resolver, gazetteer=gazetteer, reference=reference)
            seconds = time.perf_counter() - t0
            rows.append({"bytes": path.stat().st_size, "seconds": round(seconds, 2),
                         "findings": len(result.extraction.findings)})
            print(f"{path.stat().st_size:>9} bytes  {seconds:6.2f} s  {len(result.extraction.findings)} findings")
    out = {"date": time.strftime("%Y-%m-%d"), "machine": "2 shared cores (the project's development machine)",
           "startup_seconds": {"graph_labels_and_resolver": round(graph_seconds, 2), **lists},
           "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "curve": rows}
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
