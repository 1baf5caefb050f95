"""``ie evaluate``: scores of predictions or of a system against gold, reports, cross-validation."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ie.paths import DEFAULT_CONFIG


def _evaluate(args) -> int:
    from ie.corpus.reader import read_docs
    from ie.evaluation.scoring import format_markdown, score

    if len(args.gold) > 1:
        return _evaluate_sets(args)
    args.gold = args.gold[0]
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


def _evaluate_sets(args) -> int:
    """Several gold sets (e.g. seeds, dev, ood): one report folder each under --report and
    a summary table over all of them (summary.md / summary.json)."""
    from ie.corpus.reader import read_docs
    from ie.evaluation.report import write_report, write_summary

    if not args.report or not args.model or args.pred or args.cv:
        print("error: several --gold sets need --model and --report (and no --pred or --cv)", file=sys.stderr)
        return 2
    names = [Path(g).stem for g in args.gold]
    if len(set(names)) != len(names):
        print(f"error: gold sets need distinct file names, got {names}", file=sys.stderr)
        return 2
    out = Path(args.report)
    per_set = {}
    for name, path in zip(names, args.gold):
        gold = list(read_docs([path]))
        per_set[name] = write_report(gold, {args.model: None}, out / name, compare=args.compare,
                                     command=args.command_line)
        print(f"wrote {out / name}/report.md", file=sys.stderr)
    write_summary(per_set, out, command=args.command_line)
    print((out / "summary.md").read_text(encoding="utf-8"))
    return 0


def add_commands(sub) -> None:
    ev = sub.add_parser("evaluate", help="precision/recall/F1 of predictions (or a model) against gold")
    ev.add_argument("--gold", required=True, nargs="+",
                    help="gold JSONL; several sets (seeds dev ood) need --model and --report and give a summary table")
    ev.add_argument("--pred", help="prediction JSONL in the shared format")
    ev.add_argument("--model", help="a pipeline directory, or 'rules', run over the gold texts")
    ev.add_argument("--json", help="write the full metrics as JSON here")
    ev.add_argument("--markdown", help="write the tables as Markdown here")
    ev.add_argument("--report", help="write report.md, report.html and metrics.json into this folder")
    ev.add_argument("--compare", nargs="*", default=[], help="more systems to put side by side in the report")
    ev.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by document over --gold (trains K models)")
    ev.add_argument("--config", default=DEFAULT_CONFIG, help="training config for --cv")
    ev.add_argument("--cv-max-steps", type=int, default=0, help="cap training steps per fold (smoke runs)")
    ev.add_argument("--cv-epochs", type=int, default=0, help="override epochs per fold")
    ev.add_argument("--cv-work", default="models/cv", help="where --cv keeps its fold models (git-ignored)")
    ev.add_argument("--cv-reuse", action="store_true",
                    help="re-score fold models already trained on the same documents and settings instead of retraining")
    ev.set_defaults(func=_evaluate)
