"""The component's CPU inference path: the int8 encoder graph on ONNX Runtime by default,
float32 torch with ``quantize = false`` (what ``float:PATH`` loads, the reference the int8
path is checked against)."""

import pytest

from tests.tiny_model import tiny_model

TEXTS = ["Bac Ninh has 16 industrial parks covering 6,397.68 ha by 2030.",
         "The Que Vo II Industrial Park in Bac Ninh drew VND4,128 billion in 2021-25. " * 30,
         "Long An has 35 industrial parks on 12,000 ha."]


@pytest.mark.timeout(600)
def test_default_is_the_int8_graph_and_float_prefix_is_torch_float():
    from ie.components.results import doc_to_document
    from ie.extract import load_model
    from ie.model.network import PlanningModel
    from ie.model.ort_runtime import OrtModel

    model = str(tiny_model())
    int8 = load_model(model)
    flt = load_model("float:" + model)
    got = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(int8.pipe(TEXTS))]
    ref = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(flt.pipe(TEXTS))]
    assert isinstance(int8.get_pipe("planning_ie")._runtime, OrtModel)
    assert isinstance(flt.get_pipe("planning_ie")._runtime, PlanningModel)
    assert flt.get_pipe("planning_ie").quantize is False
    assert [d["text"] for d in got] == [d["text"] for d in ref]
    assert any(d["entities"] for d in ref)
    # the tiny model is barely trained, so int8 and float may differ on a few borderline
    # spans; most entities must agree
    g = {(i, e["start"], e["end"], e["label"]) for i, d in enumerate(got) for e in d["entities"]}
    r = {(i, e["start"], e["end"], e["label"]) for i, d in enumerate(ref) for e in d["entities"]}
    assert len(g & r) >= 0.8 * max(len(g), len(r))


def test_float_prefix_needs_a_pipeline():
    from ie.extract import load_model

    with pytest.raises(FileNotFoundError, match="no trained pipeline at nowhere"):
        load_model("float:nowhere")


@pytest.mark.timeout(1200)
def test_blockwise_prefix_runs_its_own_graph_beside_the_dynamic_one(tmp_path):
    """``blockwise:PATH`` sets ``int8 = "blockwise"``: a second graph, kept beside the first
    under its own name, whose feed-forward MatMuls are 8-bit per block (MatMulNBits)."""
    import shutil

    import onnx

    from ie.components.results import doc_to_document
    from ie.extract import load_model
    from ie.model.ort_runtime import GRAPH_FILE, graph_file

    model = tmp_path / "m"
    shutil.copytree(tiny_model(), model)
    for f in (model / "planning_ie").glob("word_states*"):
        f.unlink()
    dyn, blk = load_model(str(model)), load_model("blockwise:" + str(model))
    assert blk.get_pipe("planning_ie").int8 == "blockwise" and dyn.get_pipe("planning_ie").int8 == "dynamic"
    got = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(blk.pipe(TEXTS))]
    ref = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(load_model("float:" + str(model)).pipe(TEXTS))]
    list(dyn.pipe(TEXTS[:1]))
    graphs = {p.name for p in (model / "planning_ie").glob("*.onnx")}
    assert graphs == {GRAPH_FILE, graph_file("blockwise")}
    ops = [n.op_type for n in onnx.load(str(model / "planning_ie" / graph_file("blockwise"))).graph.node]
    layers = blk.get_pipe("planning_ie").model.encoder.config.num_hidden_layers
    assert ops.count("MatMulNBits") == 2 * layers  # the two feed-forward MatMuls of each layer
    assert "MatMulNBits" not in [n.op_type for n in onnx.load(str(model / "planning_ie" / GRAPH_FILE)).graph.node]
    g = {(i, e["start"], e["end"], e["label"]) for i, d in enumerate(got) for e in d["entities"]}
    r = {(i, e["start"], e["end"], e["label"]) for i, d in enumerate(ref) for e in d["entities"]}
    assert len(g & r) >= 0.8 * max(len(g), len(r))


def test_an_unknown_int8_mode_is_refused():
    import spacy

    with pytest.raises(ValueError, match="int8 must be one of"):
        spacy.blank("en").add_pipe("planning_ie", config={"int8": "int4"})
