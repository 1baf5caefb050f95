"""``ie extract``: batch extraction over new articles (see :mod:`ie.extract`).

Exit codes (also in README): 0 every document extracted; 1 some documents failed (their
error lines are in --out); 2 usage error; 3 the model cannot be loaded; 4 an output cannot
be written; 130 interrupted (rerun with --resume)."""

from __future__ import annotations

import sys
from pathlib import Path

from ie.paths import DEFAULT_MODEL


def _extract_ray(args) -> int:
    from ie.extract.run import EXIT_OK, EXIT_USAGE

    extra = [o for o in ("csv", "html", "db", "parquet", "resume") if getattr(args, o)]
    if extra or args.n_process != 1 or "-" in args.inputs:
        print("error: --engine ray reads files and folders and writes sharded parts into the --out folder; "
              f"it does not take {', '.join('--' + o.replace('_', '-') for o in extra) or '--n-process or stdin'} "
              "(finished shards are always skipped on a rerun)", file=sys.stderr)
        return EXIT_USAGE
    try:
        from ie.extract.ray_engine import run_ray
    except ImportError as exc:
        print(f"error: --engine ray needs the optional extra: pip install 'planning-ie[ray]' ({exc})", file=sys.stderr)
        return EXIT_USAGE
    try:
        st = run_ray(args.inputs, Path(args.out), args.model, fmt=args.out_format, workers=args.workers,
                     address=args.address, batch_size=args.batch_size, shard_docs=args.shard_docs,
                     cpus_per_worker=args.cpus_per_worker, gpus_per_worker=args.gpus_per_worker,
                     progress=not args.quiet)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{st['shards']} shards ({st['skipped_shards']} already done): {st['documents']} documents, "
          f"{st['ok']} extracted, {st['errors']} errors, {st['words']} words in {st['seconds']}s "
          f"on {st.get('workers', 0)} workers; parts in {st['out_dir']}", file=sys.stderr)
    return 1 if st["errors"] else EXIT_OK


def _extract(args) -> int:
    if args.engine == "ray":
        return _extract_ray(args)
    from ie.extract.run import EXIT_DOCUMENT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, ExtractError, run_extract

    try:
        st = run_extract(args.inputs, Path(args.out), args.model, Path(args.csv) if args.csv else None,
                         Path(args.html) if args.html else None, args.batch_size, args.n_process, args.resume,
                         progress=not args.quiet, fmt=args.format, db_path=Path(args.db) if args.db else None,
                         model_version=args.model_version, parquet_path=Path(args.parquet) if args.parquet else None)
    except ExtractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"interrupted: the lines written to {args.out} are complete; rerun with --resume to finish",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"{st['documents']} documents: {st['ok']} extracted, {st['errors']} errors, {st['skipped']} already done; "
          f"{st['words']} words in {st['seconds']}s ({st['words_per_s']} words/s)", file=sys.stderr)
    if st["errors"]:
        shown = st["error_list"][:20]
        print("documents with errors: " + ", ".join(shown) + (" ..." if st["errors"] > len(shown) else ""), file=sys.stderr)
        return EXIT_DOCUMENT_ERRORS
    return EXIT_OK


def add_commands(sub) -> None:
    ex = sub.add_parser("extract", help="extract entities, relations and normalized values from new articles",
                        description="One output line per input document, in input order. Exit codes: 0 all extracted, "
                                    "1 some documents failed, 2 usage error, 3 model cannot be loaded, "
                                    "4 output cannot be written, 130 interrupted.")
    ex.add_argument("inputs", nargs="+",
                    help=".txt/.md files, directories, JSONL or Parquet files of {id, text}, or - for stdin")
    ex.add_argument("--out", required=True,
                    help="JSONL output, one line per input document (with --engine ray: a folder of part files)")
    ex.add_argument("--model", default=DEFAULT_MODEL, help="pipeline directory, or 'rules'")
    ex.add_argument("--csv", help="also write one row per fact here (covers the whole --out file)")
    ex.add_argument("--html", help="also write a displaCy review page here (covers the whole --out file)")
    ex.add_argument("--parquet", help="also write the results as Parquet here (covers the whole --out file)")
    ex.add_argument("--db", help="also store the results in this facts database (DuckDB, see `ie facts`)")
    ex.add_argument("--model-version", help="model version recorded in --db (default: the model's name)")
    ex.add_argument("--format", choices=["auto", "text", "jsonl"], default="auto",
                    help="what standard input holds: one text, JSON lines, or auto (JSON lines when the first line "
                         "is a JSON object with a 'text' field)")
    ex.add_argument("--batch-size", type=int, default=16)
    ex.add_argument("--n-process", type=int, default=1)
    ex.add_argument("--resume", action="store_true",
                    help="keep the results already in --out, retry its error lines, repair a cut last line")
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ray = ex.add_argument_group("distributed run on Ray Data (optional extra planning-ie[ray]; see README)")
    ray.add_argument("--engine", choices=["local", "ray"], default="local",
                     help="local: this process (and --n-process workers); ray: an actor pool on a Ray cluster")
    ray.add_argument("--address", help="Ray cluster to join ('auto' on a cluster node, or ray://HEAD:10001); "
                                       "default: start a local Ray instance")
    ray.add_argument("--workers", type=int, help="actors (default: the cluster's CPUs / --cpus-per-worker)")
    ray.add_argument("--cpus-per-worker", type=int, default=1, help="CPUs (and intra-op threads) per actor")
    ray.add_argument("--gpus-per-worker", type=float, default=0.0, help="GPUs per actor (runs the model on CUDA)")
    ray.add_argument("--shard-docs", type=int, default=200, help="text files per shard (a JSONL file is one shard, "
                                                                 "a Parquet file one shard per row group)")
    ray.add_argument("--out-format", choices=["jsonl", "parquet"], default="jsonl", help="format of the part files")
    ex.set_defaults(func=_extract)
