"""Load a system by name: a trained pipeline directory, or ``rules``."""

from __future__ import annotations

from pathlib import Path


# "PREFIX:PATH": the pipeline at PATH with other settings of its planning_ie component, and
# how reports describe that runtime
RUNTIME_PREFIXES: dict[str, tuple[dict, str]] = {
    "float:": ({"quantize": False}, "float32 torch (int8 graph off)"),
    "blockwise:": ({"int8": "blockwise"}, "int8 encoder graph on ONNX Runtime, feed-forward layers blockwise"),
}


def split_runtime(model: str) -> tuple[str, dict, str | None]:
    """``(path, component overrides, runtime description)`` of a model name; a name with
    no runtime prefix comes back unchanged with no overrides and no description."""
    for prefix, (overrides, runtime) in RUNTIME_PREFIXES.items():
        if model.startswith(prefix):
            return model[len(prefix):], dict(overrides), runtime
    return model, {}, None


def load_model(model: str, device: str = "cpu"):
    """A pipeline directory, ``float:DIR`` (that pipeline with its CPU int8 path off: the
    float32 reference the int8 graph is checked against), ``blockwise:DIR`` (that pipeline
    on its blockwise int8 graph, ``int8 = "blockwise"``), or ``rules`` for the rule-based
    extractor. ``device`` ("cpu", "cuda", "cuda:N") is where the trained model runs."""
    if model == "rules":
        from ie.components.rules import rules_pipeline

        return rules_pipeline()
    import spacy

    model, overrides, _ = split_runtime(model)
    if device != "cpu":
        overrides["device"] = device
    path = Path(model)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no trained pipeline at {path} (train one with `ie train --output {path}`, or use --model rules)")
    nlp = spacy.load(path, config={"components": {"planning_ie": overrides}} if overrides else {})
    if "planning_normalizer" not in nlp.pipe_names:
        nlp.add_pipe("planning_normalizer")
    return nlp
