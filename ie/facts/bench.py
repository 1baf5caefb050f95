"""Scale check of the facts store (a command, not a timed test).

1. ``ie extract`` (rule baseline) runs over a base set of articles (default: the training
   corpus texts) and its wall time gives the extraction speed on this machine;
2. those results are repeated with new ids up to N documents and ingested into a fresh
   DuckDB file (ingestion speed, database size), then ingested again (all unchanged);
3. typical queries are timed on the full store (median of 5 runs each).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(fn, runs: int = 5) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        n = len(fn())
        times.append(time.perf_counter() - t)
    return statistics.median(times), n


def run_bench(n_docs: int, base: Path, work: Path) -> dict:
    from ie.facts.query import grouped, query
    from ie.facts.store import FactsStore

    base_out = work / "base_results.jsonl"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ie", "extract", str(base), "--model", "rules", "--out", str(base_out)],
                   check=True, capture_output=True)
    extract_s = time.perf_counter() - t
    results = [json.loads(line) for line in base_out.open(encoding="utf-8")]
    results = [r for r in results if "error" not in r]
    if not results:
        raise SystemExit(f"{base}: extraction produced no results")
    base_words = sum(len(r["text"].split()) for r in results)

    db_path = work / "bench.duckdb"
    words = 0
    t = time.perf_counter()
    with FactsStore(db_path) as db:
        for i in range(n_docs):
            r = dict(results[i % len(results)])
            r["id"] = f"{r['id']}#{i // len(results)}"
            words += len(r["text"].split())
            db.add(r, source="bench", model_version="rules")
    ingest_s = time.perf_counter() - t

    t = time.perf_counter()
    with FactsStore(db_path) as db:
        for i in range(n_docs):
            r = dict(results[i % len(results)])
            r["id"] = f"{r['id']}#{i // len(results)}"
            assert db.add(r) == "unchanged"
    reingest_s = time.perf_counter() - t

    with FactsStore(db_path) as db:
        con = db.ready()
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "mentions", "relations", "facts", "facilities")}
        top_fac = con.execute("SELECT name FROM facilities ORDER BY n_documents DESC, name LIMIT 1").fetchone()[0]
        queries = {
            "province Bac Ninh (all facts, grouped)": lambda: grouped(query(con, "Bac Ninh")),
            "province Bac Ninh, merged unit, since 2025": lambda: query(con, "Bac Ninh", since=2025, merged=True),
            f"facility {top_fac!r}": lambda: query(con, facility=top_fac),
            "facility 'VSIP'": lambda: query(con, facility="VSIP"),
            "every fact since 2030": lambda: query(con, since=2030),
            "facilities with two or more areas (conflicts)": lambda: con.execute(
                "SELECT subject_id, count(DISTINCT value_num) FROM facts_linked WHERE attribute = 'area' "
                "AND subject_kind = 'facility' GROUP BY subject_id HAVING count(DISTINCT value_num) > 1").fetchall(),
        }
        qtimes = {}
        for name, fn in queries.items():
            sec, rows = _timed(fn)
            qtimes[name] = {"seconds_median_of_5": round(sec, 4), "rows": rows}
    size = db_path.stat().st_size
    return {
        "command": "ie facts bench --docs %d --results %s" % (n_docs, base),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus_visible": os.cpu_count()},
        "extraction_rules": {"documents": len(results), "words": base_words, "seconds_incl_startup": round(extract_s, 2),
                             "words_per_s": round(base_words / extract_s)},
        "ingestion": {"documents": n_docs, "words": words, "seconds": round(ingest_s, 2),
                      "documents_per_s": round(n_docs / ingest_s, 1), "words_per_s": round(words / ingest_s),
                      "database_mb": round(size / 1e6, 1), "rows": counts},
        "reingestion_unchanged": {"seconds": round(reingest_s, 2)},
        "queries": qtimes,
    }


def main(n_docs: int, base: Path, out: Path | None) -> int:
    if not base.exists():
        print(f"ie facts bench: {base}: no such file or directory", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        res = run_bench(n_docs, base, Path(tmp))
    text = json.dumps(res, indent=1, ensure_ascii=False)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
        print(f"written to {out}", file=sys.stderr)
    print(text)
    return 0
