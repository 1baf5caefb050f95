"""``ie corpus ...``: validate, count, compare, convert and build annotated corpora."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ie.docs import CorpusError
from ie.paths import SEED_GOLD, SEEDS_DIR


def _corpus_validate(args) -> int:
    from ie.corpus.validate import validate_docs
    from ie.corpus.reader import read_docs

    try:
        docs = list(read_docs(args.paths))
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    probs = validate_docs(docs, check_tokens=not args.no_tokens)
    for p in probs:
        print(p)
    n_ent = sum(len(d.entities) for d in docs)
    n_rel = sum(len(d.relations) for d in docs)
    status = "FAILED" if probs else "OK"
    print(f"{status}: {len(docs)} documents, {n_ent} entities, {n_rel} relations, {len(probs)} problems", file=sys.stderr)
    return 1 if probs else 0


def _corpus_stats(args) -> int:
    from ie.corpus.stats import corpus_stats, format_stats
    from ie.corpus.reader import read_docs

    docs = list(read_docs(args.paths))
    st = corpus_stats(docs)
    if args.coverage:
        from ie.corpus.coverage import coverage_report

        st["coverage"] = coverage_report(docs)
    if args.unseen_in:
        from ie.corpus.stats import unseen_share

        st["unseen_facility_surfaces"] = unseen_share(docs, read_docs(args.unseen_in))
    if args.json:
        print(json.dumps(st, indent=2, ensure_ascii=False))
    else:
        print(format_stats(st))
        if args.unseen_in:
            u = st["unseen_facility_surfaces"]
            print(f"facility surfaces absent from {' '.join(args.unseen_in)}: {u['unseen']} of "
                  f"{u['facility_surfaces']} ({u['share']:.1%})")
        if args.coverage:
            from ie.corpus.coverage import format_coverage

            print(format_coverage(st["coverage"]))
    return 0


def _corpus_overlap(args) -> int:
    from ie.corpus.coverage import read_seed_texts, seed_overlaps
    from ie.corpus.reader import read_docs

    hits = seed_overlaps(read_seed_texts(Path(args.seeds)), read_docs(args.paths), n=args.n)
    for doc_id, seed, gram in hits:
        print(f"{doc_id}: shares {args.n} words with seed {seed}: {gram!r}")
    print(f"{len(hits)} shared {args.n}-word sequences", file=sys.stderr)
    return 1 if hits else 0


def _corpus_consistency(args) -> int:
    from ie.corpus.consistency import consistency_report, format_consistency
    from ie.corpus.reader import read_docs

    rep = consistency_report(read_docs(args.paths))
    if args.json:
        print(json.dumps(rep, indent=1, ensure_ascii=False))
    else:
        print(format_consistency(rep))
    return 0


def _corpus_convert(args) -> int:
    from collections import Counter

    from ie.corpus.convert import convert

    fmt = args.to or ("docbin" if args.out.endswith(".spacy") else "labelstudio" if args.out.endswith(".json") else "jsonl")
    skipped: Counter = Counter()
    try:
        n = convert(args.inputs, args.out, fmt, skipped, args.model_version)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for reason, k in sorted(skipped.items()):
        print(f"skipped {k} {reason}", file=sys.stderr)
    print(f"wrote {n} documents to {args.out} ({fmt})")
    if fmt == "labelstudio":
        from ie.corpus.labelstudio import config_path

        print(f"labeling config for the Label Studio project: {config_path(args.out)}")
    return 0


def _corpus_build_seeds(args) -> int:
    from ie.corpus.build import build_seed_gold

    docs = build_seed_gold(Path(args.src), Path(args.seeds), Path(args.out))
    print(f"wrote {len(docs)} documents to {args.out}")
    return 0


def _corpus_build_train(args) -> int:
    from ie.corpus.build import build_train

    counts = build_train([Path(p) for p in args.src], Path(args.out), args.dev_fraction, args.seed)
    print(f"wrote {counts['train']} train and {counts['dev']} dev documents to {args.out}")
    return 0


def add_commands(sub) -> None:
    corpus = sub.add_parser("corpus", help="validate, count and convert annotated corpora")
    csub = corpus.add_subparsers(dest="corpus_cmd", required=True)
    v = csub.add_parser("validate", help="check files against the guideline and the tokenizer")
    v.add_argument("paths", nargs="+")
    v.add_argument("--no-tokens", action="store_true", help="skip token-alignment and sentence checks")
    v.set_defaults(func=_corpus_validate)
    s = csub.add_parser("stats", help="documents, words, entities and relations per label")
    s.add_argument("paths", nargs="+")
    s.add_argument("--json", action="store_true")
    s.add_argument("--coverage", action="store_true", help="also print the coverage counts of the corpus issue")
    s.add_argument("--unseen-in", nargs="+", metavar="PATH", default=[],
                   help="also print the share of distinct FACILITY surfaces absent from these files (e.g. corpus/train)")
    s.set_defaults(func=_corpus_stats)
    ov = csub.add_parser("overlap", help="fail if any N-word sequence of a seed article occurs in these files")
    ov.add_argument("paths", nargs="+")
    ov.add_argument("--seeds", default=SEEDS_DIR)
    ov.add_argument("-n", type=int, default=12)
    ov.set_defaults(func=_corpus_overlap)

    cs = csub.add_parser("consistency", help="surfaces labelled differently, or labelled in one place and missed in another")
    cs.add_argument("paths", nargs="+")
    cs.add_argument("--json", action="store_true")
    cs.set_defaults(func=_corpus_consistency)

    cv = csub.add_parser("convert", help="shared JSONL / markup <-> spaCy DocBin (.spacy) / Prodigy JSONL / Label Studio JSON")
    cv.add_argument("inputs", nargs="+", help=".jsonl (shared, results or Prodigy), .md markup, .spacy, or .json "
                    "(a Label Studio export) files; error lines of results files are skipped and counted")
    cv.add_argument("--out", required=True)
    cv.add_argument("--to", choices=["docbin", "prodigy", "jsonl", "labelstudio"],
                    help="output format (default from --out's suffix: .spacy docbin, .json labelstudio, else jsonl)")
    cv.add_argument("--model-version", help="model_version of Label Studio predictions (default: planning-ie <version>)")
    cv.set_defaults(func=_corpus_convert)

    b = csub.add_parser("build-seeds", help="markup in corpus/gold/src -> corpus/gold/seeds.jsonl (text checked against the seed files)")
    b.add_argument("--src", default="corpus/gold/src")
    b.add_argument("--seeds", default=SEEDS_DIR)
    b.add_argument("--out", default=SEED_GOLD)
    b.set_defaults(func=_corpus_build_seeds)
    bt = csub.add_parser("build-train", help="markup in corpus/src -> corpus/train/{train,dev}.jsonl")
    bt.add_argument("--src", nargs="+", default=["corpus/src"])
    bt.add_argument("--out", default="corpus/train")
    bt.add_argument("--dev-fraction", type=float, default=0.15)
    bt.add_argument("--seed", type=int, default=13)
    bt.set_defaults(func=_corpus_build_train)
