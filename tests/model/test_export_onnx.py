"""The exported word-state graph (ONNX) and its int8 version on ONNX Runtime, with a real
(tiny) trained model: the float graph computes what torch computes, the int8 graph stays
close, the graph is made once per set of weights, and running it raises no deprecation."""

import warnings

import numpy as np
import pytest
import torch

from ie.model.batching import collate
from ie.model.decoding import predict_windows
from tests.tiny_model import tiny_model, tiny_windows

TEXTS = ["Bac Ninh has 16 industrial parks covering 6,397.68 ha by 2030.",
         "The Que Vo II Industrial Park in Bắc Ninh drew VND4,128 billion and US$17.5 million in 2021-25. " * 12]


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    from ie.extract import load_model

    comp = load_model(str(tiny_model())).get_pipe("planning_ie")
    wins = tiny_windows(comp, TEXTS)
    assert len(wins) > 2  # the long text needs several windows of different lengths
    return comp.model, wins, tmp_path_factory.mktemp("graphs")


@pytest.mark.timeout(1200)  # real model + Ray/ONNX export on a shared 2-core machine
def test_float_graph_computes_the_torch_word_states(parts):
    from ie.model.export_onnx import export_graph
    from ie.model.ort_runtime import OrtModel

    model, wins, tmp = parts
    ort = OrtModel(model, export_graph(model, tmp / "float.onnx"), threads=1)
    batch = collate(wins, False)  # padded: several lengths in one batch
    with torch.no_grad():
        ref = model.word_states(batch)
    got = ort.word_states(batch)
    assert got.shape == ref.shape
    assert float((got - ref).abs().max()) < 1e-3


@pytest.mark.timeout(1200)  # real model + Ray/ONNX export on a shared 2-core machine
def test_int8_graph_is_close_to_float_and_made_once_per_weights(parts, monkeypatch):
    from ie.model.ort_runtime import GRAPH_FILE, OrtModel, ensure_graph

    model, wins, tmp = parts
    monkeypatch.setenv("PLANNING_IE_CACHE", str(tmp / "cache"))
    g = ensure_graph(model, tmp / "model")
    assert g == tmp / "model" / GRAPH_FILE and g.stat().st_size < 80e6
    stamp = g.stat().st_mtime_ns
    assert ensure_graph(model, tmp / "model").stat().st_mtime_ns == stamp  # reused, not re-exported
    batch = collate(wins, False)
    with torch.no_grad():
        ref = model.word_states(batch).numpy()
    got = OrtModel(model, g, threads=1).word_states(batch).numpy()
    rel = np.linalg.norm(got - ref) / np.linalg.norm(ref)
    assert rel < 0.1
    # decoding on the int8 states gives entities and relations in the usual shapes
    preds = predict_windows(OrtModel(model, g, threads=1), wins)
    assert len(preds) == len(wins) and all(set(p) == {"ents", "rels"} for p in preds)


def test_a_graph_is_matched_to_its_weights(parts):
    from ie.model.export_onnx import weights_digest

    model, _, _ = parts
    first = weights_digest(model)
    assert weights_digest(model) == first
    saved = model.word_proj[0].bias.detach().clone()
    try:
        with torch.no_grad():
            model.word_proj[0].bias.add_(1e-3)
        assert weights_digest(model) != first  # ensure_graph then makes a new graph
    finally:
        with torch.no_grad():
            model.word_proj[0].bias.copy_(saved)


def test_int8_inference_raises_no_deprecation_warning(parts):
    from ie.model.ort_runtime import OrtModel, ensure_graph

    model, wins, tmp = parts
    runtime = OrtModel(model, ensure_graph(model, tmp / "model"), threads=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        predict_windows(runtime, wins)
