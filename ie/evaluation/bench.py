"""Texts and machine facts for ``ie bench`` (the systems and rows are in
:mod:`ie.evaluation.bench_systems`)."""

from __future__ import annotations

import json
import os
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


def machine_info() -> dict:
    import platform

    import torch

    return {"cpu_count": os.cpu_count(), "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "torch": torch.__version__,
            "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}
