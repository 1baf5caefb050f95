"""One timed run of ``ie bench``, in its own process so start-up time and peak memory are
those of that system alone:

    python -m ie.evaluation.bench_child pipeline MODEL TEXTS.jsonl THREADS BATCH_SIZE DEVICE
    python -m ie.evaluation.bench_child spacy NAME TEXTS.jsonl

prints one JSON line of measurements.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def _texts(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def _row(texts: list[str], start: float, run: float, threads: int, device: str) -> dict:
    words = sum(len(t.split()) for t in texts)
    return {"startup_s": round(start, 2), "run_s": round(run, 2), "documents": len(texts), "words": words,
            "words_per_s": round(words / run, 1), "docs_per_s": round(len(texts) / run, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "threads": threads, "device": device}


def run_pipeline(model: str, texts_path: str, threads: int, batch_size: int, device: str) -> dict:
    t0 = time.time()
    import torch

    if threads:
        torch.set_num_threads(threads)
    from ie.extract import load_model

    texts = _texts(texts_path)
    nlp = load_model(model, device=device)
    nlp.max_length = 50_000_000
    start = time.time() - t0
    list(nlp.pipe(texts[:2]))  # warm-up (quantization, caches)
    t1 = time.time()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return _row(texts, start, time.time() - t1, torch.get_num_threads(), device)


def run_spacy(name: str, texts_path: str) -> dict:
    t0 = time.time()
    import spacy

    texts = _texts(texts_path)
    nlp = spacy.load(name)
    start = time.time() - t0
    t1 = time.time()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    return _row(texts, start, time.time() - t1, 1, "cpu")


def main(argv: list[str]) -> None:
    kind, *args = argv
    if kind == "pipeline":
        model, texts, threads, batch_size, device = args
        row = run_pipeline(model, texts, int(threads), int(batch_size), device)
    elif kind == "spacy":
        row = run_spacy(*args)
    else:
        raise SystemExit(f"unknown run kind {kind!r} (pipeline or spacy)")
    print(json.dumps(row))


if __name__ == "__main__":
    main(sys.argv[1:])
