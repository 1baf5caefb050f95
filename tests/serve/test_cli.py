"""``ie serve`` / ``python -m ie.serve`` arguments, start-up errors, and light imports."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from ie.serve import cli
from ie.serve.settings import Limits

ENV = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")


def test_add_parser_wires_the_serve_subcommand():
    parser = argparse.ArgumentParser(prog="ie")
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["serve", "--model", "rules", "--port", "8123", "--max-docs", "3"])
    assert (args.command, args.model, args.host, args.port, args.max_docs) == ("serve", "rules", "127.0.0.1", 8123, 3)
    assert args.batch_size == Limits().batch_size


def test_importing_the_cli_loads_no_web_framework():
    code = "import sys, ie.serve, ie.serve.cli; print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_model_and_bad_limits_fail_clearly():
    r = subprocess.run([sys.executable, "-m", "ie.serve", "--model", "no/such/model", "--port", "1"],
                       capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 1 and "cannot load model 'no/such/model'" in r.stderr and "no trained pipeline" in r.stderr
    r = subprocess.run([sys.executable, "-m", "ie.serve", "--model", "rules", "--max-docs", "0"],
                       capture_output=True, text=True, env=ENV, timeout=120)
    assert r.returncode == 2 and "max_docs must be at least 1" in r.stderr
