"""``ie bench``: throughput, start-up time and peak memory of extraction, each system in
a fresh subprocess (:mod:`ie.evaluation.bench_child`) over the same texts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

def make_texts(seed_dir: Path, n_docs: int, out: Path) -> Path:
    """n_docs texts made by repeating and varying the seed articles (paragraph order rotated,
    numbers nudged), so the bench does not time five identical documents."""
    import random

    rng = random.Random(7)
    bases = [p.read_text(encoding="utf-8") for p in sorted(Path(seed_dir).glob("*.txt"))]
    if not bases:
        raise FileNotFoundError(f"no .txt files in {seed_dir}")
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            paras = [p for p in bases[i % len(bases)].split("\n") if p.strip()]
            k = rng.randrange(len(paras))
            paras = paras[k:] + paras[:k]
            text = "\n".join(paras)
            text = "".join(str((int(c) + i) % 10) if c.isdigit() and rng.random() < 0.1 else c for c in text)
            fh.write(json.dumps({"id": f"bench-{i}", "text": text}, ensure_ascii=False) + "\n")
    return out


def _cuda_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


def machine_info() -> dict:
    import platform

    import torch

    return {"cpu_count": os.cpu_count(), "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "torch": torch.__version__,
            "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}


def run_bench(models: list[str], texts: Path, batch_size: int = 16, spacy_model: str | None = "en_core_web_sm") -> list[dict]:
    rows = []
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    cores = os.cpu_count() or 1
    for m in models:
        runs = [("cpu", 1), ("cpu", cores)] if m != "rules" else [("cpu", 1)]
        if m != "rules" and _cuda_available():
            runs.append(("cuda", 1))
        for device, threads in runs:
            p = subprocess.run([sys.executable, "-m", "ie.evaluation.bench_child", "pipeline", m, str(texts), str(threads),
                                str(batch_size), device],
                               check=False, capture_output=True, text=True, env=env)
            if p.returncode != 0:
                rows.append({"system": m, "device": device, "threads": threads,
                             "error": p.stderr.strip().splitlines()[-1:]})
                continue
            rows.append({"system": m, **json.loads(p.stdout.strip().splitlines()[-1])})
    from ie.evaluation.spacy_baseline import available

    if spacy_model and available(spacy_model):
        p = subprocess.run([sys.executable, "-m", "ie.evaluation.bench_child", "spacy", spacy_model, str(texts)],
                           check=False, capture_output=True, text=True, env=env)
        if p.returncode == 0:
            rows.append({"system": f"spacy:{spacy_model}", "device": "cpu", **json.loads(p.stdout.strip().splitlines()[-1])})
    else:
        rows.append({"system": f"spacy:{spacy_model}", "skipped": "optional package not installed"})
    return rows


def format_rows(rows: list[dict]) -> str:
    head = f"{'system':<28}{'device':>7}{'threads':>8}{'words/s':>10}{'docs/s':>9}{'startup s':>11}{'peak MB':>9}"
    lines = [head, "-" * len(head)]
    for r in rows:
        if "words_per_s" in r:
            lines.append(f"{r['system']:<28}{r['device']:>7}{r['threads']:>8}{r['words_per_s']:>10}{r['docs_per_s']:>9}{r['startup_s']:>11}{r['peak_rss_mb']:>9}")
        else:
            lines.append(f"{r['system']:<28}  {r.get('skipped') or r.get('error') or r.get('note')}")
    return "\n".join(lines)
