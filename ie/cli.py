"""The ``ie`` command line: one entry point, several subcommands."""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from ie.docs import CorpusError


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
    if args.json:
        print(json.dumps(st, indent=2, ensure_ascii=False))
    else:
        print(format_stats(st))
        if args.coverage:
            from ie.corpus.coverage import format_coverage

            print(format_coverage(st["coverage"]))
    return 0


def _corpus_build_seeds(args) -> int:
    from pathlib import Path

    from ie.corpus.build import build_seed_gold

    docs = build_seed_gold(Path(args.src), Path(args.seeds), Path(args.out))
    print(f"wrote {len(docs)} documents to {args.out}")
    return 0


def _corpus_build_train(args) -> int:
    from pathlib import Path

    from ie.corpus.build import build_train

    counts = build_train([Path(p) for p in args.src], Path(args.out), args.dev_fraction, args.seed)
    print(f"wrote {counts['train']} train and {counts['dev']} dev documents to {args.out}")
    return 0


def _evaluate(args) -> int:
    from pathlib import Path

    from ie.corpus.reader import read_docs
    from ie.evaluation.scoring import format_markdown, score

    gold = list(read_docs([args.gold]))
    if args.cv:
        from ie.evaluation.crossval import cross_validate, format_cv

        out = Path(args.report or "eval/reports/cv")
        res = cross_validate(gold, args.cv, Path(args.config), out, max_steps=args.cv_max_steps, epochs=args.cv_epochs,
                             work_dir=Path(args.cv_work), reuse=args.cv_reuse)
        md = format_cv(res, args.command_line)
        (out / "cv.md").write_text(md, encoding="utf-8")
        print(md)
        return 0
    if not args.pred and not args.model:
        print("error: give --pred PRED.jsonl or --model MODEL", file=sys.stderr)
        return 2
    if args.report:
        from ie.evaluation.report import write_report

        systems = {args.pred: list(read_docs([args.pred]))} if args.pred else {args.model: None}
        metrics = write_report(gold, systems, Path(args.report), compare=args.compare, command=args.command_line)
        print(f"wrote {args.report}/report.md, report.html, metrics.json, prf.png", file=sys.stderr)
        result = metrics["systems"][args.pred or args.model]
    else:
        if args.pred:
            pred = list(read_docs([args.pred]))
        else:
            from ie.evaluation.predict import predict_documents

            pred = predict_documents(args.model, gold)
        result = score(gold, pred)
    md = format_markdown(result, title=f"Evaluation of {args.pred or args.model} against {args.gold}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.markdown:
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(md + "\n", encoding="utf-8")
    print(md)
    return 0


def _train(args) -> int:
    from ie.training import train_pipeline

    overrides = {}
    if args.max_steps:
        overrides["training"] = {"max_steps": args.max_steps}
    metrics = train_pipeline(args.config, args.output, device=args.device, overrides=overrides)
    best = max((h for h in metrics["history"] if "score" in h), key=lambda h: h["score"], default=None)
    print(f"saved {args.output} after {metrics['steps']} steps in {metrics['seconds']}s on {metrics['device']}; best dev {best}")
    return 0


def _corpus_convert(args) -> int:
    from ie.corpus.convert import convert

    fmt = args.to or ("docbin" if args.out.endswith(".spacy") else "jsonl")
    n = convert(args.inputs, args.out, fmt)
    print(f"wrote {n} documents to {args.out} ({fmt})")
    return 0


def _corpus_overlap(args) -> int:
    from pathlib import Path

    from ie.corpus.coverage import read_seed_texts, seed_overlaps
    from ie.corpus.reader import read_docs

    hits = seed_overlaps(read_seed_texts(Path(args.seeds)), read_docs(args.paths), n=args.n)
    for doc_id, seed, gram in hits:
        print(f"{doc_id}: shares {args.n} words with seed {seed}: {gram!r}")
    print(f"{len(hits)} shared {args.n}-word sequences", file=sys.stderr)
    return 1 if hits else 0


def _extract(args) -> int:
    from pathlib import Path

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


def _corpus_consistency(args) -> int:
    from ie.corpus.consistency import consistency_report, format_consistency
    from ie.corpus.reader import read_docs

    rep = consistency_report(read_docs(args.paths))
    if args.json:
        print(json.dumps(rep, indent=1, ensure_ascii=False))
    else:
        print(format_consistency(rep))
    return 0


def _bench(args) -> int:
    import tempfile
    from pathlib import Path

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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ie", description="Information extraction for Vietnamese planning news.")
    sub = p.add_subparsers(dest="cmd", required=True)

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
    s.set_defaults(func=_corpus_stats)
    ex = sub.add_parser("extract", help="extract entities, relations and normalized values from new articles")
    ex.add_argument("inputs", nargs="+", help=".txt/.md files, directories, JSONL files of {id, text}, or - for stdin")
    ex.add_argument("--out", required=True, help="JSONL output, one line per input document")
    ex.add_argument("--model", default="models/planning-ie", help="pipeline directory, or 'rules'")
    ex.add_argument("--csv", help="also write one row per fact here")
    ex.add_argument("--html", help="also write a displaCy review page here")
    ex.add_argument("--batch-size", type=int, default=16)
    ex.add_argument("--n-process", type=int, default=1)
    ex.add_argument("--resume", action="store_true", help="skip ids already in --out (repairing a cut last line)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_extract)

    bn = sub.add_parser("bench", help="throughput, start-up time and peak memory of extraction")
    bn.add_argument("--model", nargs="+", default=["models/planning-ie", "rules"])
    bn.add_argument("--texts", help="JSONL of {id, text}; default: --n-docs variations of the seed articles")
    bn.add_argument("--seeds", default="../shared/seeds")
    bn.add_argument("--n-docs", type=int, default=200)
    bn.add_argument("--batch-size", type=int, default=16)
    bn.add_argument("--spacy-model", default="en_core_web_sm")
    bn.add_argument("--json", help="write the rows as JSON here")
    bn.set_defaults(func=_bench)

    tr = sub.add_parser("train", help="fine-tune the NER + relation model and save a spaCy pipeline")
    tr.add_argument("--config", default="training/configs/default.json")
    tr.add_argument("--output", default="models/planning-ie")
    tr.add_argument("--device", help="cpu, cuda, cuda:1 ... (default: CUDA when present)")
    tr.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (smoke runs)")
    tr.set_defaults(func=_train)

    ev = sub.add_parser("evaluate", help="precision/recall/F1 of predictions (or a model) against gold")
    ev.add_argument("--gold", required=True)
    ev.add_argument("--pred", help="prediction JSONL in the shared format")
    ev.add_argument("--model", help="a pipeline directory, or 'rules', run over the gold texts")
    ev.add_argument("--json", help="write the full metrics as JSON here")
    ev.add_argument("--markdown", help="write the tables as Markdown here")
    ev.add_argument("--report", help="write report.md, report.html and metrics.json into this folder")
    ev.add_argument("--compare", nargs="*", default=[], help="more systems to put side by side in the report")
    ev.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by document over --gold (trains K models)")
    ev.add_argument("--config", default="training/configs/default.json", help="training config for --cv")
    ev.add_argument("--cv-max-steps", type=int, default=0, help="cap training steps per fold (smoke runs)")
    ev.add_argument("--cv-epochs", type=int, default=0, help="override epochs per fold")
    ev.add_argument("--cv-work", default="models/cv", help="where --cv keeps its fold models (git-ignored)")
    ev.add_argument("--cv-reuse", action="store_true",
                    help="re-score fold models already trained on the same documents and settings instead of retraining")
    ev.set_defaults(func=_evaluate)

    ov = csub.add_parser("overlap", help="fail if any N-word sequence of a seed article occurs in these files")
    ov.add_argument("paths", nargs="+")
    ov.add_argument("--seeds", default="../shared/seeds")
    ov.add_argument("-n", type=int, default=12)
    ov.set_defaults(func=_corpus_overlap)

    cs = csub.add_parser("consistency", help="surfaces labelled differently, or labelled in one place and missed in another")
    cs.add_argument("paths", nargs="+")
    cs.add_argument("--json", action="store_true")
    cs.set_defaults(func=_corpus_consistency)

    cv = csub.add_parser("convert", help="shared JSONL / markup <-> spaCy DocBin (.spacy) / Prodigy JSONL")
    cv.add_argument("inputs", nargs="+", help=".jsonl (shared or Prodigy), .md markup, or .spacy files")
    cv.add_argument("--out", required=True)
    cv.add_argument("--to", choices=["docbin", "prodigy", "jsonl"], help="output format (default from --out's suffix)")
    cv.set_defaults(func=_corpus_convert)

    b = csub.add_parser("build-seeds", help="markup in corpus/gold/src -> corpus/gold/seeds.jsonl (text checked against the seed files)")
    b.add_argument("--src", default="corpus/gold/src")
    b.add_argument("--seeds", default="../shared/seeds")
    b.add_argument("--out", default="corpus/gold/seeds.jsonl")
    b.set_defaults(func=_corpus_build_seeds)
    bt = csub.add_parser("build-train", help="markup in corpus/src -> corpus/train/{train,dev}.jsonl")
    bt.add_argument("--src", nargs="+", default=["corpus/src"])
    bt.add_argument("--out", default="corpus/train")
    bt.add_argument("--dev-fraction", type=float, default=0.15)
    bt.add_argument("--seed", type=int, default=13)
    bt.set_defaults(func=_corpus_build_train)
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
