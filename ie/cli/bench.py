"""``ie bench``: words/s, start-up time and peak memory of each system over the same texts,
every row in its own process (:mod:`ie.evaluation.bench_systems`), in one run."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ie.paths import DEFAULT_MODEL, SEEDS_DIR

NEWS = ["corpus/train/train.jsonl", "corpus/train/dev.jsonl"]


def _bench(args) -> int:
    from ie.evaluation.bench import machine_info, make_texts
    from ie.evaluation.bench_systems import ROWS, format_rows, memory_row, news_texts, ratios, scale_rows

    keys = args.rows or list(ROWS)
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    sets, made_of = {}, {}
    if args.news_docs:
        sets["news"] = news_texts(args.news, tmp / "news.jsonl", args.news_docs)
        made_of["news"] = f"{args.news_docs} documents of 200-300 words from {', '.join(args.news)}"
    if args.long_docs:
        sets["long"] = make_texts(Path(args.seeds), args.long_docs, tmp / "long.jsonl")
        made_of["long"] = f"{args.long_docs} variations of the articles in {args.seeds} (ie.evaluation.bench.make_texts)"
    load = os.getloadavg()
    try:
        rows = scale_rows(args.model, sets, args.batch_size, keys, baseline=args.baseline_model,
                          repeats=args.repeats, rounds=args.rounds)
    except ValueError as exc:
        print(f"error: {exc}")
        return 2
    for n in args.memory:
        rows.append(memory_row(args.memory_model or args.model, n, tmp))
    print(format_rows(rows))
    rat = ratios(rows)
    for r in rat:
        print(f"{r['texts']}: best new CPU row {r['new_row']} {r['new_words_per_s']} words/s = "
              f"{r.get('vs_old_int8', '-')}x the old int8 path, {r.get('vs_spacy_ner_only', '-')}x spaCy NER-only")
        if "blockwise_words_per_s" in r:
            print(f"{r['texts']}: blockwise int8 n_process {r['blockwise_words_per_s']} words/s = "
                  f"{r.get('blockwise_vs_old_int8', '-')}x the old int8 path, "
                  f"{r.get('blockwise_vs_spacy_ner_only', '-')}x spaCy NER-only")
    if args.json:
        out = {"command": args.command_line, "texts": made_of, "machine": machine_info(),
               "load_average_at_start": load, "rows": rows, "ratios": rat}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def add_commands(sub) -> None:
    from ie.evaluation.bench_systems import REPEATS, ROUNDS, ROWS

    bn = sub.add_parser("bench", help="words/s, start-up time and peak memory of extraction, every system in one run")
    bn.add_argument("--model", default=DEFAULT_MODEL, help="the trained pipeline the model rows run")
    bn.add_argument("--baseline-model", help="the pipeline the old torch int8 rows run (default: --model); "
                    "give the model the old path shipped with to measure against the old system as a whole")
    bn.add_argument("--rows", nargs="+", choices=list(ROWS), help="rows to run (default: all)")
    bn.add_argument("--news", nargs="+", default=NEWS, help="corpus JSONL files the news-length texts come from")
    bn.add_argument("--news-docs", type=int, default=200, help="documents of 200-300 words (0: no news set)")
    bn.add_argument("--seeds", default=SEEDS_DIR)
    bn.add_argument("--long-docs", type=int, default=20, help="variations of the long seed articles (0: no long set)")
    bn.add_argument("--batch-size", type=int, default=16,
                    help="documents per batch (n_process rows: smaller when needed for four batches per process)")
    bn.add_argument("--repeats", type=int, default=REPEATS,
                    help="timed passes over the texts per row and round, in one process; the median counts (Ray rows: one)")
    bn.add_argument("--rounds", type=int, default=ROUNDS,
                    help="run the whole sequence of rows this many times, interleaved; each row reports its median round")
    bn.add_argument("--memory", type=int, nargs="*", default=[], metavar="N",
                    help="also measure peak RSS of `ie extract` over N short documents (e.g. 1000 100000)")
    bn.add_argument("--memory-model", help="model for the memory rows (default: --model)")
    bn.add_argument("--json", help="write the rows as JSON here")
    bn.set_defaults(func=_bench)
