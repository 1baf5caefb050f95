"""Load a system by name: a trained pipeline directory, or ``rules``."""

from __future__ import annotations

from pathlib import Path


FLOAT_PREFIX = "float:"  # "float:PATH": the pipeline at PATH run in float32 torch instead of the int8 graph
BLOCKWISE_PREFIX = "blockwise:"  # "blockwise:PATH": the pipeline at PATH on its blockwise int8 graph


def load_model(model: str, device: str = "cpu"):
    """A pipeline directory, ``float:DIR`` (that pipeline with its CPU int8 path off: the
    float32 reference the int8 graph is checked against), ``blockwise:DIR`` (that pipeline
    on its blockwise int8 graph, ``int8 = "blockwise"``), or ``rules`` for the rule-based
    extractor. ``device`` ("cpu", "cuda", "cuda:N") is where the trained model runs."""
    if model == "rules":
        from ie.components.rules import rules_pipeline

        return rules_pipeline()
    import spacy

    overrides: dict = {}
    if model.startswith(FLOAT_PREFIX):
        model = model[len(FLOAT_PREFIX):]
        overrides["quantize"] = False
    elif model.startswith(BLOCKWISE_PREFIX):
        model = model[len(BLOCKWISE_PREFIX):]
        overrides["int8"] = "blockwise"
    if device != "cpu":
        overrides["device"] = device
    path = Path(model)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no trained pipeline at {path} (train one with `ie train --output {path}`, or use --model rules)")
    nlp = spacy.load(path, config={"components": {"planning_ie": overrides}} if overrides else {})
    if "planning_normalizer" not in nlp.pipe_names:
        nlp.add_pipe("planning_normalizer")
    return nlp
