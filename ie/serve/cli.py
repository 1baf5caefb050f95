"""``ie serve``: argument parsing and start-up. ``add_parser(subparsers)`` adds the
sub-command to the ``ie`` parser; ``run(args)`` serves until interrupted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ie.serve.settings import Limits


def add_parser(subparsers) -> argparse.ArgumentParser:
    d = Limits()
    p = subparsers.add_parser(
        "serve",
        help="serve the extractor over HTTP, with the review page at /",
        description="POST /extract, GET /health, GET /labels, POST /validate, POST /save, the review page at / "
        "and the API docs at /docs (all offline).",
    )
    configure(p, d)
    p.set_defaults(func=run)
    return p


# the name the modules of ``ie.cli`` use for the same hook
add_commands = add_parser


def configure(p: argparse.ArgumentParser, d: Limits) -> None:
    p.add_argument("--model", default=None, help="model directory or 'rules' (default: the default model, models/planning-ie)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--max-body-bytes", type=int, default=d.max_body_bytes, help="largest POST body")
    p.add_argument("--max-docs", type=int, default=d.max_docs, help="documents per /extract request")
    p.add_argument("--max-text-chars", type=int, default=d.max_text_chars, help="characters per document")
    p.add_argument("--max-save-docs", type=int, default=d.max_save_docs, help="documents per /validate or /save")
    p.add_argument("--batch-size", type=int, default=d.batch_size, help="documents per pipeline call")
    p.add_argument("--batch-wait-ms", type=float, default=d.batch_wait_ms, help="wait this long to fill a batch")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--db", default=None, help="a facts store (ie facts) to show in the page's facts panel (read-only)")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ie.serve.app import create_app
    except ImportError as exc:
        print(f"ie serve needs the 'serve' extra (pip install 'planning-ie[serve]'): {exc}", file=sys.stderr)
        return 2
    from ie import DEFAULT_MODEL

    try:
        limits = Limits(args.max_body_bytes, args.max_docs, args.max_text_chars, args.max_save_docs,
                        args.batch_size, args.batch_wait_ms)
    except ValueError as exc:
        print(f"ie serve: {exc}", file=sys.stderr)
        return 2
    model = args.model or DEFAULT_MODEL
    try:
        if args.db and not Path(args.db).exists():
            raise ValueError(f"no facts store at {args.db}")
        app = create_app(model=model, limits=limits, facts_db=args.db)
    except (OSError, ValueError) as exc:
        print(f"ie serve: cannot load model {model!r}: {exc}", file=sys.stderr)
        return 1
    print(f"ie serve: model {model!r} on http://{args.host}:{args.port}/ (review page), /docs (API)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ie.serve", description="serve the extractor over HTTP")
    configure(p, Limits())
    return run(p.parse_args(argv))
