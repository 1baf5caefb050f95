"""``ie bench``: speed and memory of each system (see :mod:`ie.evaluation.bench`)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ie.paths import DEFAULT_MODEL, SEEDS_DIR


def _bench(args) -> int:
    from ie.evaluation.bench import format_rows, machine_info, make_texts, run_bench

    if args.texts:
        texts, made_of = Path(args.texts), args.texts
    else:
        texts = make_texts(Path(args.seeds), args.n_docs, Path(tempfile.mkdtemp()) / "bench.jsonl")
        made_of = f"{args.n_docs} variations of the articles in {args.seeds} (ie.evaluation.bench.make_texts)"
    rows = run_bench(args.model, texts, args.batch_size, spacy_model=args.spacy_model)
    print(format_rows(rows))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        out = {"command": args.command_line,
               "texts": made_of, "machine": machine_info(), "rows": rows}
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def add_commands(sub) -> None:
    bn = sub.add_parser("bench", help="throughput, start-up time and peak memory of extraction")
    bn.add_argument("--model", nargs="+", default=[DEFAULT_MODEL, "rules"])
    bn.add_argument("--texts", help="JSONL of {id, text}; default: --n-docs variations of the seed articles")
    bn.add_argument("--seeds", default=SEEDS_DIR)
    bn.add_argument("--n-docs", type=int, default=200)
    bn.add_argument("--batch-size", type=int, default=16)
    bn.add_argument("--spacy-model", default="en_core_web_sm")
    bn.add_argument("--json", help="write the rows as JSON here")
    bn.set_defaults(func=_bench)
