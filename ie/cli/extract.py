"""``ie extract``: batch extraction over new articles (see :mod:`ie.extract`).

Exit codes (also in README): 0 every document extracted; 1 some documents failed (their
error lines are in --out); 2 usage error; 3 the model cannot be loaded; 4 an output cannot
be written; 130 interrupted (rerun with --resume)."""

from __future__ import annotations

import sys
from pathlib import Path

from ie.paths import DEFAULT_MODEL


def _extract(args) -> int:
    from ie.extract.run import EXIT_DOCUMENT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, ExtractError, run_extract

    try:
        st = run_extract(args.inputs, Path(args.out), args.model, Path(args.csv) if args.csv else None,
                         Path(args.html) if args.html else None, args.batch_size, args.n_process, args.resume,
                         progress=not args.quiet, fmt=args.format, db_path=Path(args.db) if args.db else None,
                         model_version=args.model_version)
    except ExtractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"interrupted: the lines written to {args.out} are complete; rerun with --resume to finish",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"{st['documents']} documents: {st['ok']} extracted, {st['errors']} errors, {st['skipped']} already done; "
          f"{st['words']} words in {st['seconds']}s ({st['words_per_s']} words/s)", file=sys.stderr)
    if st["errors"]:
        shown = st["error_list"][:20]
        print("documents with errors: " + ", ".join(shown) + (" ..." if st["errors"] > len(shown) else ""), file=sys.stderr)
        return EXIT_DOCUMENT_ERRORS
    return EXIT_OK


def add_commands(sub) -> None:
    ex = sub.add_parser("extract", help="extract entities, relations and normalized values from new articles",
                        description="One output line per input document, in input order. Exit codes: 0 all extracted, "
                                    "1 some documents failed, 2 usage error, 3 model cannot be loaded, "
                                    "4 output cannot be written, 130 interrupted.")
    ex.add_argument("inputs", nargs="+", help=".txt/.md files, directories, JSONL files of {id, text}, or - for stdin")
    ex.add_argument("--out", required=True, help="JSONL output, one line per input document")
    ex.add_argument("--model", default=DEFAULT_MODEL, help="pipeline directory, or 'rules'")
    ex.add_argument("--csv", help="also write one row per fact here (covers the whole --out file)")
    ex.add_argument("--html", help="also write a displaCy review page here (covers the whole --out file)")
    ex.add_argument("--db", help="also store the results in this facts database (DuckDB, see `ie facts`)")
    ex.add_argument("--model-version", help="model version recorded in --db (default: the model's name)")
    ex.add_argument("--format", choices=["auto", "text", "jsonl"], default="auto",
                    help="what standard input holds: one text, JSON lines, or auto (JSON lines when the first line "
                         "is a JSON object with a 'text' field)")
    ex.add_argument("--batch-size", type=int, default=16)
    ex.add_argument("--n-process", type=int, default=1)
    ex.add_argument("--resume", action="store_true",
                    help="keep the results already in --out, retry its error lines, repair a cut last line")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_extract)
