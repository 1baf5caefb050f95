"""Inference with the exported word-state graph on ONNX Runtime (CPU).

:class:`OrtModel` stands in for a :class:`~ie.model.network.PlanningModel` wherever the
model is only *run* (``ie.model.decoding.predict_windows``): ``word_states`` comes from
the ONNX Runtime session, the small float heads (tagger, CRF scores, relation
classifier) from the torch model.

Threads: ``threads`` intra-op threads per session (0 = the CPUs this process may use),
no inter-op pool, and worker threads that sleep instead of spinning when idle, so that a
batch job beside other load slows down in proportion instead of collapsing.
"""

from __future__ import annotations

import os
from pathlib import Path

import torch

from ie.model.batching import Batch
from ie.model.export_onnx import OUTPUT, batch_inputs
from ie.model.network import PlanningModel


def usable_cpus() -> int:
    """CPUs this process may run on (affinity / container limits), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Graph rewrites ONNX Runtime would apply that make this graph slower on CPU: its fused
# SkipLayerNormalization kernel took ~200 us per [1, 100, 384] call here (a fifth of the
# encoder's time), the plain Add + LayerNormalization it replaces a fraction of that
# (measured by hand on the six-layer model: 457 windows of 100 news texts, one thread,
# 5.98 s -> 5.01 s, 16% less).
SLOW_FUSIONS = ("SkipLayerNormFusion",)


def make_session(graph: str | Path, threads: int = 0, spin: bool = False):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.intra_op_num_threads = threads or usable_cpus()
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.log_severity_level = 3
    if not spin:
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        so.add_session_config_entry("session.inter_op.allow_spinning", "0")
    return ort.InferenceSession(str(graph), so, providers=["CPUExecutionProvider"],
                                disabled_optimizers=list(SLOW_FUSIONS))


class OrtModel:
    """Word states from ONNX Runtime, heads from the float torch model."""

    def __init__(self, model: PlanningModel, graph: str | Path, threads: int = 0, spin: bool = False):
        self.float_model = model.eval()
        self.graph = Path(graph)
        self.threads = threads
        self.session = make_session(graph, threads, spin)
        self.cfg = model.cfg
        self.crf = model.crf

    def eval(self) -> OrtModel:
        return self

    def word_states(self, batch: Batch) -> torch.Tensor:
        (h,) = self.session.run([OUTPUT], batch_inputs(batch))
        return torch.from_numpy(h)

    def tagger(self, h: torch.Tensor) -> torch.Tensor:
        return self.float_model.tagger(h)

    def decode_scores(self, tag_logits: torch.Tensor):
        return self.float_model.decode_scores(tag_logits)

    def relation_logits(self, h: torch.Tensor, pairs: torch.Tensor) -> torch.Tensor:
        return self.float_model.relation_logits(h, pairs)


GRAPH_FILE = "word_states.int8.onnx"  # the "dynamic" graph; other modes: graph_file(mode)
GRAPH_VERSION = 3  # 3: outlier channels smoothed when the pipeline has a calibration (ie.model.smoothing)


def graph_file(mode: str = "dynamic") -> str:
    return GRAPH_FILE if mode == "dynamic" else f"word_states.int8-{mode}.onnx"


def cache_dir() -> Path:
    return Path(os.environ.get("PLANNING_IE_CACHE", Path.home() / ".cache" / "planning-ie")) / "onnx"


def ensure_graph(model: PlanningModel, directory: str | Path | None = None, mode: str = "dynamic",
                 calibration: dict | None = None) -> Path:
    """The int8 word-state graph of ``model``'s current weights (``mode``: see
    :func:`ie.model.export_onnx.quantize_graph`): ``directory/graph_file(mode)`` when it
    was made from these weights and this ``calibration``, else exported and quantized now
    (about a minute) into ``directory`` (when writable) or the user cache, keyed by a hash
    of both. ``calibration``: the activation maxima of :mod:`ie.model.smoothing`; with it,
    outlier channels are smoothed into the weights before quantization. A graph never
    outlives the weights it was made from."""
    import json
    import shutil
    import tempfile

    from ie.model.export_onnx import export_graph, quantize_graph, weights_digest
    from ie.model.smoothing import digest as calibration_digest, smoothed

    digest, cal = weights_digest(model), calibration_digest(calibration)
    places = ([Path(directory)] if directory else []) + [cache_dir() / f"{digest}-{cal}-{mode}-v{GRAPH_VERSION}"]
    stamp = {"weights": digest, "calibration": cal, "int8": mode, "version": GRAPH_VERSION}
    name = graph_file(mode)
    for d in places:
        g, meta = d / name, d / (name + ".json")
        if g.exists() and meta.exists() and json.loads(meta.read_text()) == stamp:
            return g
    exported = smoothed(model, calibration) if calibration else model
    for d in places:
        try:
            d.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=d) as tmp:
                f = export_graph(exported, Path(tmp) / "float.onnx")
                q = quantize_graph(f, Path(tmp) / name, mode=mode,
                                   ffn_dim=getattr(model.encoder.config, "intermediate_size", None))
                os.replace(q, d / name)
            (d / (name + ".json")).write_text(json.dumps(stamp) + "\n")
            if d != places[-1]:
                shutil.rmtree(places[-1], ignore_errors=True)
            return d / name
        except OSError:
            continue
    raise OSError(f"no writable place for the int8 graph (tried {', '.join(map(str, places))})")
