"""Outlier smoothing before int8 quantization (ie.model.smoothing), with a real (tiny)
trained pipeline on the real encoder: the smoothed network computes the same word states
in float, its int8 graph is closer to float than the plain one, and the calibration is
saved with the pipeline, read back, rebuilt by `ie calibrate`, and keyed into the graph."""

import shutil

import numpy as np
import pytest
import torch

from ie.model.batching import collate
from tests.model.test_export_onnx import TEXTS
from tests.tiny_model import tiny_model, tiny_windows


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    from ie.extract import load_model

    comp = load_model(str(tiny_model())).get_pipe("planning_ie")
    wins = tiny_windows(comp, TEXTS)
    return comp, wins, tmp_path_factory.mktemp("smoothing")


def test_training_saves_a_calibration_of_every_smoothed_input(parts):
    from ie.components.planning_ie import CALIBRATION_FILE
    from ie.model.smoothing import smoothing_points

    comp, _, _ = parts
    assert (tiny_model() / "planning_ie" / CALIBRATION_FILE).exists()
    keys = [k for k, _ in smoothing_points(comp.model)]
    layers = comp.model.encoder.config.num_hidden_layers
    assert len(keys) == 3 * layers and sorted(comp.calibration) == sorted(keys)
    assert comp.calibration["0.ffn_out"].shape == (comp.model.encoder.config.intermediate_size,)
    assert all(float(v.min()) >= 0 for v in comp.calibration.values())


def test_the_smoothed_network_computes_the_same_word_states(parts):
    from ie.model.smoothing import ScaledInput, scales, smoothed

    comp, wins, _ = parts
    model, maxima = comp.model, comp.calibration
    # MiniLM has outlier channels (README, Scale): some inputs are really rescaled
    assert any(float(scales(a).max()) > 2 for a in maxima.values())
    assert all(float(scales(a).min()) == 1.0 for a in maxima.values())  # only outliers are touched
    sm = smoothed(model, maxima)
    assert isinstance(sm.encoder.encoder.layer[0].intermediate.dense, ScaledInput)
    assert not isinstance(model.encoder.encoder.layer[0].intermediate.dense, ScaledInput)  # a copy
    batch = collate(wins, False)
    with torch.no_grad():
        ref, got = model.word_states(batch), sm.word_states(batch)
    assert float((got - ref).abs().max()) < 1e-3


def test_a_calibration_of_another_network_is_refused(parts):
    from ie.model.smoothing import smoothed

    comp, _, _ = parts
    partial = dict(comp.calibration)
    partial.pop("0.qkv")
    with pytest.raises(ValueError, match="ie calibrate"):
        smoothed(comp.model, partial)


@pytest.mark.timeout(1200)  # two ONNX exports on a shared 2-core machine
def test_smoothing_brings_the_int8_graph_closer_to_float(parts, monkeypatch):
    from ie.model.ort_runtime import OrtModel, ensure_graph

    comp, wins, tmp = parts
    monkeypatch.setenv("PLANNING_IE_CACHE", str(tmp / "cache"))
    model = comp.model
    plain = ensure_graph(model, tmp / "plain")
    smooth = ensure_graph(model, tmp / "smooth", calibration=comp.calibration)
    batch = collate(wins, False)
    with torch.no_grad():
        ref = model.word_states(batch).numpy()

    def error(graph):
        got = OrtModel(model, graph, threads=1).word_states(batch).numpy()
        return np.linalg.norm(got - ref) / np.linalg.norm(ref)

    e_plain, e_smooth = error(plain), error(smooth)
    assert e_smooth < 0.8 * e_plain, (e_plain, e_smooth)
    # the graph is keyed by the calibration: another one (or none) makes a new graph
    before = smooth.stat().st_mtime_ns
    assert ensure_graph(model, tmp / "smooth", calibration=comp.calibration).stat().st_mtime_ns == before
    ensure_graph(model, tmp / "smooth")
    assert smooth.stat().st_mtime_ns != before


def test_the_calibration_is_saved_and_read_back_with_the_pipeline(parts, tmp_path):
    from ie.components.planning_ie import CALIBRATION_FILE
    from ie.extract import load_model

    comp, _, _ = parts
    copy = tmp_path / "copy"
    shutil.copytree(tiny_model(), copy, ignore=shutil.ignore_patterns("word_states*"))
    nlp = load_model(str(copy))
    got = nlp.get_pipe("planning_ie").calibration
    assert sorted(got) == sorted(comp.calibration)
    assert all(torch.equal(got[k], comp.calibration[k]) for k in got)
    # new weights: the old calibration does not belong to them
    c2 = nlp.get_pipe("planning_ie")
    c2.set_model(c2.model, c2.cfg, c2.encoder_dir)
    assert c2.calibration is None
    nlp.to_disk(tmp_path / "resaved")
    assert not (tmp_path / "resaved" / "planning_ie" / CALIBRATION_FILE).exists()


def test_a_damaged_calibration_file_is_named(parts, tmp_path):
    from ie.components.planning_ie import CALIBRATION_FILE
    from ie.extract import load_model

    copy = tmp_path / "copy"
    shutil.copytree(tiny_model(), copy, ignore=shutil.ignore_patterns("word_states*"))
    torch.save({"format": 99, "maxima": {}}, copy / "planning_ie" / CALIBRATION_FILE)
    with pytest.raises(ValueError, match=str(copy / "planning_ie" / CALIBRATION_FILE)):
        load_model(str(copy))


def test_ie_calibrate_measures_an_older_pipeline(parts, tmp_path, capsys):
    from ie.cli import main
    from ie.components.planning_ie import CALIBRATION_FILE
    from ie.extract import load_model

    comp, _, _ = parts
    old = tmp_path / "old"
    shutil.copytree(tiny_model(), old, ignore=shutil.ignore_patterns("word_states*", CALIBRATION_FILE))
    assert load_model(str(old)).get_pipe("planning_ie").calibration is None
    train = tiny_model().parent / "train.jsonl"
    assert main(["calibrate", "--model", str(old), "--data", str(train)]) == 0
    assert "calibrated" in capsys.readouterr().out
    got = load_model(str(old)).get_pipe("planning_ie").calibration
    assert sorted(got) == sorted(comp.calibration)
    # measured on the same training documents as `ie train` did: the same outlier channels
    for k in got:
        assert int(got[k].argmax()) == int(comp.calibration[k].argmax()), k
    assert main(["calibrate", "--model", str(tmp_path / "nothing"), "--data", str(train)]) == 2
    assert "not a trained planning-ie pipeline" in capsys.readouterr().out
