"""Load a system by name: a trained pipeline directory, or ``rules``."""

from __future__ import annotations

from pathlib import Path


def load_model(model: str, device: str = "cpu"):
    """A pipeline directory, or ``rules`` for the rule-based extractor. ``device``
    ("cpu", "cuda", "cuda:N") is where the trained model runs."""
    if model == "rules":
        from ie.components.rules import rules_pipeline

        return rules_pipeline()
    import spacy

    path = Path(model)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no trained pipeline at {path} (train one with `ie train --output {path}`, or use --model rules)")
    nlp = spacy.load(path, config={"components": {"planning_ie": {"device": device}}} if device != "cpu" else {})
    if "planning_normalizer" not in nlp.pipe_names:
        nlp.add_pipe("planning_normalizer")
    return nlp
