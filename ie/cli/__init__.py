"""The ``ie`` command line: one entry point; each command group is a module here with
``add_commands(sub)`` and thin functions over the library."""

from __future__ import annotations

import argparse
import shlex
import sys

from ie.cli import bench, corpus, evaluate, extract, train
from ie.facts import cli as facts
from ie.serve import cli as serve
from ie.docs import CorpusError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ie", description="Information extraction for Vietnamese planning news.")
    sub = p.add_subparsers(dest="cmd", required=True)
    for module in (corpus, extract, bench, train, evaluate, serve, facts):
        module.add_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.command_line = "ie " + shlex.join(sys.argv[1:] if argv is None else argv)
    try:
        return int(args.func(args) or 0)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
