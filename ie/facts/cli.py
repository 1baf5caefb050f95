"""``ie facts``: build and query the facts store.

    ie facts ingest --db facts.duckdb results.jsonl [--model-version V]
    ie facts --db facts.duckdb [--province P [--merged]] [--facility NAME] [--since YEAR]
             [--format table|csv|parquet|json] [--out FILE] [--plot PNG]
    ie facts export --db facts.duckdb --sqlite facts.sqlite
    ie facts eval-linking [--gold eval/linking/gold.txt] [--report eval/reports/linking.md]
    ie facts bench [--docs 10000] [--json eval/reports/facts_bench.json]

The same commands run as ``python -m ie.facts ...``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ["table", "csv", "parquet", "json"]


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``facts`` (with its sub-commands) to an ``argparse`` sub-parser set."""
    p = subparsers.add_parser("facts", help="facts across articles: ingest results into DuckDB, query, export, plot",
                              description="Query the facts store (no sub-command), or ingest/export/evaluate.")
    p.add_argument("--db", type=Path, help="DuckDB facts file")
    p.add_argument("--province", help="facts of this province (canonical pre-2025 unit; any spelling)")
    p.add_argument("--merged", action="store_true", help="match --province by its post-1 July 2025 unit")
    p.add_argument("--facility", help="facts of facilities whose name, surface form or id matches")
    p.add_argument("--since", type=int, metavar="YEAR", help="only facts dated in or after YEAR (undated left out)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--out", type=Path, help="write here instead of standard output")
    p.add_argument("--plot", type=Path, metavar="PNG", help="also draw areas and investment over time (needs --province)")
    p.add_argument("--all", action="store_true", dest="include_generic",
                   help="include generic facility mentions that link to no record")
    sub = p.add_subparsers(dest="facts_cmd")
    ing = sub.add_parser("ingest", help="store result records (JSONL from `ie extract`); idempotent")
    ing.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="DuckDB facts file (created if missing)")
    ing.add_argument("results", nargs="+", type=Path)
    ing.add_argument("--model-version", help="recorded with each document (default: meta.model_version)")
    ex = sub.add_parser("export", help="copy the store into a SQLite file")
    ex.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    ex.add_argument("--sqlite", type=Path, required=True)
    ev = sub.add_parser("eval-linking", help="facility linking precision/recall on the hand-made gold set")
    ev.add_argument("--gold", type=Path, default=Path("eval/linking/gold.txt"))
    ev.add_argument("--report", type=Path, default=Path("eval/reports/linking.md"))
    bn = sub.add_parser("bench", help="ingest N synthetic result records and time queries")
    bn.add_argument("--docs", type=int, default=10000)
    bn.add_argument("--results", type=Path, default=Path("corpus/train/train.jsonl"),
                    help="result or gold JSONL whose documents are repeated (ids made unique) to reach --docs")
    bn.add_argument("--json", type=Path, help="write the figures here (eval/reports/facts_bench.json)")
    p.set_defaults(func=run)
    return p


# the name the modules of ``ie.cli`` use for the same hook
add_commands = add_parser


def _need_db(args) -> Path:
    if not getattr(args, "db", None):
        raise SystemExit("ie facts: --db FILE is required")
    return args.db


def run(args) -> int:
    from ie.facts.store import FactsInputError

    try:
        return _run(args)
    except FactsInputError as exc:
        print(f"ie facts: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"ie facts: {exc}", file=sys.stderr)
        return 2


def _run(args) -> int:
    cmd = getattr(args, "facts_cmd", None)
    if cmd == "ingest":
        from ie.facts.store import FactsStore

        total = None
        with FactsStore(_need_db(args)) as db:
            for path in args.results:
                if not path.is_file():
                    raise FileNotFoundError(f"{path}: no such results file")
                c = db.ingest_jsonl(path, model_version=args.model_version)
                total = c if total is None else total + c
                print(f"{path}: {c['added']} added, {c['replaced']} replaced, {c['unchanged']} unchanged, "
                      f"{c['error']} error lines skipped", file=sys.stderr)
        return 0
    if cmd == "export":
        from ie.facts.store import FactsStore, export_sqlite

        with FactsStore(_need_db(args), read_only=False) as db:
            counts = export_sqlite(db, args.sqlite)
        print(f"{args.sqlite}: " + ", ".join(f"{t} {n}" for t, n in counts.items()), file=sys.stderr)
        return 0
    if cmd == "eval-linking":
        from ie.facts.linkeval import main as eval_main

        return eval_main(args.gold, args.report)
    if cmd == "bench":
        from ie.facts.bench import main as bench_main

        return bench_main(args.docs, args.results, args.json)
    return _query(args)


def _query(args) -> int:
    from ie.facts.query import QueryError, plot, query, render
    from ie.facts.store import FactsStore

    db_path = _need_db(args)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no facts database here (create one with `ie facts ingest`)")
    if args.plot and not args.province:
        print("ie facts: --plot needs --province", file=sys.stderr)
        return 2
    with FactsStore(db_path) as db:
        try:
            rows = query(db.ready(), args.province, args.facility, args.since, args.merged, args.include_generic)
            text = render(rows, args.format, args.out)
        except QueryError as exc:
            print(f"ie facts: {exc}", file=sys.stderr)
            return 2
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    if args.plot:
        plot(rows, args.plot, f"{args.province}: facilities' areas and investment")
        print(f"plot written to {args.plot}", file=sys.stderr)
    if not rows:
        print("no facts match", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m ie.facts")
    sub = root.add_subparsers(dest="cmd", required=True)
    add_parser(sub)
    return root


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(["facts", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)
