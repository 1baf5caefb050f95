"""``ie train``: fine-tune the model and save a spaCy pipeline (see :mod:`ie.training`)."""

from __future__ import annotations

from ie.paths import DEFAULT_CONFIG, DEFAULT_MODEL


def _train(args) -> int:
    from ie.training import train_pipeline

    overrides = {"training": {}}
    if args.max_steps:
        overrides["training"]["max_steps"] = args.max_steps
    if args.epochs:
        overrides["training"]["epochs"] = args.epochs
    if args.seed is not None:
        overrides["training"]["seed"] = args.seed
    try:
        metrics = train_pipeline(args.config, args.output, device=args.device, overrides=overrides,
                                 init_from=getattr(args, "from"), extra=args.extra)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}")
        return 2
    best = max((h for h in metrics["history"] if "score" in h), key=lambda h: h["score"], default=None)
    print(f"saved {args.output} after {metrics['steps']} steps in {metrics['seconds']}s on {metrics['device']}; best dev {best}")
    return 0


def _calibrate(args) -> int:
    from ie.training import calibrate_pipeline

    try:
        info = calibrate_pipeline(args.model, args.data or None)
    except (OSError, ValueError) as exc:  # a missing pipeline or file, an unwritable folder, bad data
        print(f"error: {exc}")
        return 2
    print(f"calibrated {info['pipeline']} on {info['windows']} windows of {info['documents']} documents "
          f"({info['inputs']} encoder inputs); its int8 graphs are rebuilt on next load")
    return 0


def add_commands(sub) -> None:
    tr = sub.add_parser("train", help="fine-tune the NER + relation model and save a spaCy pipeline")
    tr.add_argument("--config", default=DEFAULT_CONFIG)
    tr.add_argument("--output", default=DEFAULT_MODEL)
    tr.add_argument("--device", help="cpu, cuda, cuda:1 ... (default: CUDA when present)")
    tr.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (smoke runs)")
    tr.add_argument("--epochs", type=int, default=0, help="override the config's number of epochs")
    tr.add_argument("--seed", type=int, default=None,
                    help="override the config's training seed (initialisation and batch order; see scripts/variance.sh)")
    tr.add_argument("--from", metavar="PIPELINE", default=None,
                    help="continue from a trained pipeline's weights (adaptation); its network settings are kept")
    tr.add_argument("--extra", nargs="+", metavar="FILE", default=[],
                    help="your corrected gold documents (JSONL/markup), trained on beside the corpus")
    tr.set_defaults(func=_train)
    ca = sub.add_parser("calibrate", help="measure a trained pipeline's activation ranges for its int8 graph "
                                          "(pipelines trained before `ie train` did it)")
    ca.add_argument("--model", default=DEFAULT_MODEL, help="the pipeline directory (calibration.pt is written into it)")
    ca.add_argument("--data", nargs="+", metavar="JSONL", default=[],
                    help="documents to measure on (default: the default config's training files)")
    ca.set_defaults(func=_calibrate)
