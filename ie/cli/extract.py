"""``ie extract``: batch extraction over new articles (see :mod:`ie.extract`)."""

from __future__ import annotations

import sys
from pathlib import Path

from ie.paths import DEFAULT_MODEL


def _extract(args) -> int:
    from ie.extract import run_extract

    try:
        st = run_extract(args.inputs, Path(args.out), args.model, Path(args.csv) if args.csv else None,
                         Path(args.html) if args.html else None, args.batch_size, args.n_process, args.resume,
                         progress=not args.quiet)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{st['documents']} documents: {st['ok']} extracted, {st['errors']} errors, {st['skipped']} already done; "
          f"{st['words']} words in {st['seconds']}s ({st['words_per_s']} words/s)", file=sys.stderr)
    if st["errors"]:
        print("documents with errors: " + ", ".join(st["error_list"][:20]) + (" ..." if st["errors"] > 20 else ""), file=sys.stderr)
        return 1
    return 0


def add_commands(sub) -> None:
    ex = sub.add_parser("extract", help="extract entities, relations and normalized values from new articles")
    ex.add_argument("inputs", nargs="+", help=".txt/.md files, directories, JSONL files of {id, text}, or - for stdin")
    ex.add_argument("--out", required=True, help="JSONL output, one line per input document")
    ex.add_argument("--model", default=DEFAULT_MODEL, help="pipeline directory, or 'rules'")
    ex.add_argument("--csv", help="also write one row per fact here")
    ex.add_argument("--html", help="also write a displaCy review page here")
    ex.add_argument("--batch-size", type=int, default=16)
    ex.add_argument("--n-process", type=int, default=1)
    ex.add_argument("--resume", action="store_true", help="skip ids already in --out (repairing a cut last line)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_extract)
