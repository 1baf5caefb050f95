"""One tiny but real trained pipeline per test session (a few steps of the default
config on the sample documents, with the real encoder), for tests that need a trained
model rather than the rules."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

_CACHE: dict[str, Path] = {}


def tiny_model() -> Path:
    """The saved pipeline folder (trained on first use in this process)."""
    if "model" not in _CACHE:
        from ie.corpus.markup import parse_markup
        from ie.docs import write_jsonl
        from ie.training import train_pipeline
        from tests.components.samples import TRAIN_MD

        tmp = Path(tempfile.mkdtemp(prefix="tiny-model-"))
        docs = [d for i in range(6) for d in parse_markup(TRAIN_MD.replace("{i}", str(i)), "t.md")]
        write_jsonl(docs[:5], tmp / "train.jsonl")
        write_jsonl(docs[5:], tmp / "dev.jsonl")
        cfg = json.loads(Path("training/configs/default.json").read_text(encoding="utf-8"))
        cfg["data"] = {"train": [str(tmp / "train.jsonl")], "dev": [str(tmp / "dev.jsonl")], "cache": str(tmp / "cache")}
        cfg["training"].update({"epochs": 1, "batch_size": 4, "max_steps": 4})
        (tmp / "cfg.json").write_text(json.dumps(cfg), encoding="utf-8")
        train_pipeline(tmp / "cfg.json", tmp / "out", show_progress=False)
        _CACHE["model"] = tmp / "out"
    return _CACHE["model"]


def tiny_windows(comp, texts: list[str]) -> list:
    """The encoder windows the ``planning_ie`` component ``comp`` reads for ``texts``."""
    from ie.components.windows import doc_words, make_windows

    tok = comp.hf_tokenizer
    return [w for i, t in enumerate(texts)
            for w in make_windows(doc_words(str(i), t, tok), comp.cfg, tok.cls_token_id, tok.sep_token_id)]
