"""Outlier channels moved from the activations into the weights before int8 quantization.

BERT-style encoders (MiniLM included) carry a few hidden channels whose activations are
ten times larger than the rest: in the default model the feed-forward input reaches ~28
in one channel, while the median channel peaks at ~1.9. Dynamic int8 quantization scales
a whole activation tensor by its largest value, so that one channel leaves the others a
handful of int8 levels. Dividing such a channel by ``s`` before the MatMul and multiplying
the matching weight row by ``s`` computes the same product in float (the idea of
SmoothQuant, Xiao et al. 2023), with a flat activation range; the weights, quantized per
output channel, take the scale instead.

Only outliers are touched: ``s_j = max(1, a_j / (OUTLIER_FACTOR * median(a)))``, where
``a_j`` is the largest absolute value channel ``j`` took on calibration windows of the
training corpus (:func:`activation_maxima`, computed by ``ie train`` and ``ie calibrate``
and saved with the pipeline). Three inputs per layer are smoothed: the one that query,
key and value share, the feed-forward input and the feed-forward output's input
(README, Scale, for the figures). The attention output projection is left alone (its
input has no such outlier).

Torch only (no spaCy): the exported graph is made from :func:`smoothed`'s copy.
"""

from __future__ import annotations

import copy

import torch
from torch import nn

from ie.model.batching import Window, collate
from ie.model.decoding import window_batches

OUTLIER_FACTOR = 3.0  # a channel is an outlier above this many times the median channel maximum
CALIBRATION_WINDOWS = 128  # windows of the training corpus the maxima are taken over
FORMAT = 1  # of a saved calibration (save_calibration)


def smoothing_points(model: nn.Module) -> list[tuple[str, list[tuple[nn.Module, str]]]]:
    """``(key, [(parent, attribute), ...])`` for each smoothed input: the Linear layers
    that read it, as attributes of their parent module. Empty for an encoder that is not
    laid out as BERT's (no smoothing then)."""
    layers = getattr(getattr(model.encoder, "encoder", None), "layer", None)
    points = []
    for i, layer in enumerate(layers or []):
        try:
            att, inter, out = layer.attention.self, layer.intermediate, layer.output
            groups = [("qkv", [(att, "query"), (att, "key"), (att, "value")]), ("ffn_in", [(inter, "dense")]),
                      ("ffn_out", [(out, "dense")])]
        except AttributeError:
            return []
        for name, mods in groups:
            if not all(isinstance(getattr(p, a, None), nn.Linear) for p, a in mods):
                return []
            points.append((f"{i}.{name}", mods))
    return points


def sample(windows: list[Window], n: int = CALIBRATION_WINDOWS) -> list[Window]:
    """``n`` windows spread evenly over ``windows`` (all of them when fewer)."""
    if len(windows) <= n:
        return list(windows)
    step = len(windows) / n
    return [windows[int(k * step)] for k in range(n)]


@torch.no_grad()
def activation_maxima(model, windows: list[Window], batch_size: int = 8) -> dict[str, torch.Tensor]:
    """The largest absolute value each channel of each smoothed input takes on
    ``windows`` (float32, the model in eval mode on its current device)."""
    maxima: dict[str, torch.Tensor] = {}

    def hook(key):
        def record(module, inputs, output):
            x = inputs[0].detach().float()
            a = x.abs().reshape(-1, x.shape[-1]).amax(0).cpu()
            maxima[key] = torch.maximum(maxima[key], a) if key in maxima else a
        return record

    handles = [getattr(*mods[0]).register_forward_hook(hook(key))
               for key, mods in smoothing_points(model)]
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    try:
        for idx in window_batches(windows, batch_size, same_length=True):  # no padding: padded positions would count
            model.word_states(collate([windows[i] for i in idx], False, device))
    finally:
        for h in handles:
            h.remove()
        model.train(was_training)
    return maxima


class ScaledInput(nn.Module):
    """``linear(x * inv_scale)``: the input side of a smoothed Linear (exported as a Mul)."""

    def __init__(self, linear: nn.Linear, inv_scale: torch.Tensor):
        super().__init__()
        self.linear = linear
        self.register_buffer("inv_scale", inv_scale)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x * self.inv_scale)


def scales(maxima: torch.Tensor, factor: float = OUTLIER_FACTOR) -> torch.Tensor:
    """Per-channel divisors: 1 except for outlier channels, which come down to
    ``factor`` times the median channel maximum."""
    return (maxima / (factor * maxima.median().clamp(min=1e-6))).clamp(min=1.0)


def smoothed(model, maxima: dict[str, torch.Tensor], factor: float = OUTLIER_FACTOR):
    """A copy of ``model`` computing the same function (in float) with outlier channels
    scaled down before their Linear layers and the weights scaled up to match."""
    out = copy.deepcopy(model)
    points = smoothing_points(out)
    missing = [key for key, _ in points if key not in maxima]
    if missing or len(points) != len(maxima):
        raise ValueError(f"the calibration does not fit this network (inputs {sorted(maxima)} "
                         f"vs {[k for k, _ in points]}): recompute it with `ie calibrate`")
    for key, mods in points:
        s = scales(maxima[key], factor)
        for parent, attr in mods:
            linear = getattr(parent, attr)
            with torch.no_grad():
                linear.weight.mul_(s.to(linear.weight)[None, :])
            setattr(parent, attr, ScaledInput(linear, (1.0 / s).to(linear.weight)))
    return out


def save_calibration(maxima: dict[str, torch.Tensor], path) -> None:
    torch.save({"format": FORMAT, "maxima": {k: v.float().cpu() for k, v in maxima.items()}}, path)


def load_calibration(path) -> dict[str, torch.Tensor] | None:
    """A calibration written by :func:`save_calibration`; None when ``path`` does not exist
    (pipelines trained before calibrations existed)."""
    from pathlib import Path

    path = Path(path)
    if not path.exists():
        return None
    data = torch.load(path, map_location="cpu", weights_only=True)
    maxima = data.get("maxima") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(maxima, dict) or not all(isinstance(v, torch.Tensor) for v in maxima.values()):
        raise ValueError(f"{path}: not a calibration of format {FORMAT} (recompute it with `ie calibrate`)")
    return maxima


def digest(maxima: dict[str, torch.Tensor] | None) -> str:
    """A short hash of a calibration ("none" without one)."""
    from ie.model.export_onnx import tensors_digest

    if not maxima:
        return "none"
    return tensors_digest({k: v.float() for k, v in maxima.items()}, length=12)
