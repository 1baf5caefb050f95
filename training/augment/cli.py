"""Command line: ``python -m training.augment --out FILE --sentences N --seed S [--check]``."""

from __future__ import annotations

import argparse
import random
import sys

from ie.docs import Document, write_jsonl

from .documents import _generate
from .rosters import FACILITIES
from .templates import TEMPLATES


def facility_names() -> list[str]:
    return [f.canonical for f in FACILITIES]


def _check(docs: list[Document], bounds: list[list[tuple[int, int]]], show: int, seed: int) -> int:
    """Every generated sentence must be one tokenizer sentence; print a few samples."""
    from ie.text import tokenize

    bad = 0
    for d, sb in zip(docs, bounds):
        sd = tokenize(d.text)
        got = []
        for sent in sd.sents:
            toks = [t for t in sent if not t.is_space]
            if toks:
                got.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
        if got != sb:
            bad += 1
            if bad <= 5:
                print(f"sentence mismatch in {d.id}:")
                for a, b in sb:
                    if (a, b) not in got:
                        print("   ", repr(d.text[a:b]))
    rng = random.Random(seed + 1)
    pairs = [(d, a, b) for d, sb in zip(docs, bounds) for a, b in sb]
    for d, a, b in rng.sample(pairs, min(show, len(pairs))):
        print("\n" + d.text[a:b])
        inside = {e.id for e in d.entities if a <= e.start < b}
        emap = d.entity_map()
        for e in d.entities:
            if e.id in inside:
                print(f"   {e.id} {e.label:<9} {d.text[e.start:e.end]!r}")
        for r in d.relations:
            if r.head in inside:
                h, t = emap[r.head], emap[r.tail]
                print(f"   {r.label}: {d.text[h.start:h.end]!r} -> {d.text[t.start:t.end]!r}")
    print(f"\n{len(TEMPLATES)} templates, {len(FACILITIES)} facility names, "
          f"{sum(len(b) for b in bounds)} sentences, {bad} documents with sentence-split mismatches")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output JSONL")
    ap.add_argument("--sentences", type=int, default=2500, help="total number of sentences to generate")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--check", action="store_true", help="verify sentence splitting and print sample sentences")
    ap.add_argument("--show", type=int, default=5, help="samples printed with --check")
    args = ap.parse_args(argv)
    docs, bounds = _generate(args.sentences, args.seed)
    n = write_jsonl(docs, args.out)
    print(f"wrote {n} documents ({args.sentences} sentences) to {args.out}", file=sys.stderr)
    if args.check:
        return 1 if _check(docs, bounds, args.show, args.seed) else 0
    return 0
