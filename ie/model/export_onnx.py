"""The encoder half of the network (subwords + word features -> word states) as an ONNX
graph, and its int8 version for ONNX Runtime on CPU. Replaces the deprecated
``torch.ao.quantization.quantize_dynamic`` path.

Only the expensive part is exported: embeddings, the transformer layers, the
first/last-subword gather and ``word_proj``. The tagger, CRF decoding and the relation
classifier stay in torch (float) and read the word states the graph returns, so the
exported graph has no data-dependent control flow.

Two int8 flavours (``quantize_graph(mode=...)``):

- ``"dynamic"``: int8 weights, activation scales computed per call (per tensor). Scales
  then depend on everything in the batch, so callers batch windows of one document only.
- ``"static"``: int8 weights and activation scales fixed by calibration over real windows
  (QDQ graph); the output for one window no longer depends on what else is in the batch,
  so windows of different documents may share a batch.
- ``"blockwise"``: as ``"dynamic"``, except the feed-forward MatMuls (the widest
  activations, where one scale per tensor loses most): 8-bit weights and activations
  quantized per block of 128 input channels (ONNX Runtime's ``MatMulNBits``, accuracy
  level 4). Closer to float, slower (README, Scale).

Torch, transformers, onnx and onnxruntime only (no spaCy).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import torch
from torch import nn

from ie.model.batching import Batch, Window, collate
from ie.model.network import PlanningModel

INPUTS = ("input_ids", "attention_mask", "sub_case", "word_first", "word_last", "case", "lex", "gaz", "rule")
OUTPUT = "word_states"
OPSET = 18


class WordStates(nn.Module):
    """``PlanningModel.word_states`` with plain tensors in (the exported signature)."""

    def __init__(self, model: PlanningModel):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, sub_case, word_first, word_last, case, lex, gaz, rule):
        batch = Batch(input_ids=input_ids, attention_mask=attention_mask, sub_case=sub_case, word_first=word_first,
                      word_last=word_last, case=case, lex=lex, gaz=gaz, rule=rule, owned=None, tags=None,
                      word_mask=None)
        return self.model.word_states(batch)


def batch_inputs(batch: Batch) -> dict:
    """The graph's feed (int64 numpy arrays) from a collated batch."""
    return {k: getattr(batch, k).cpu().numpy() for k in INPUTS}


def tensors_digest(tensors: dict[str, torch.Tensor], length: int = 16) -> str:
    """A short hash of named tensors (names and bytes, in name order)."""
    h = hashlib.sha256()
    for k, v in sorted(tensors.items()):
        h.update(k.encode())
        h.update(v.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()[:length]


def weights_digest(model: PlanningModel) -> str:
    """A short hash of the float weights, so an exported graph is matched to its weights."""
    return tensors_digest(model.state_dict())


def _example_batch(model: PlanningModel) -> Batch:
    n = 12
    w = Window(doc_id="x", offset=0, own_start=0, own_end=5, input_ids=[101] + [2000 + i for i in range(n - 2)] + [102],
               sub_case=[0] + [1] * (n - 2) + [0], word_first=[1, 3, 5, 7, 9], word_last=[2, 4, 6, 8, 10],
               case=[1] * 5, lex=[0] * 5, gaz=[0] * 5, rule=[0] * 5, owned=[1] * 5, sent=[0] * 5)
    return collate([w, w], False)


def export_graph(model: PlanningModel, path: str | Path) -> Path:
    """Write the float word-state graph (dynamic batch, subword and word axes)."""
    import warnings

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = model.to("cpu").eval()
    feed = batch_inputs(_example_batch(model))
    args = tuple(torch.from_numpy(feed[k]) for k in INPUTS)
    B, L, W = torch.export.Dim("batch", min=1), torch.export.Dim("subwords", min=2), torch.export.Dim("words", min=1)
    shapes = {k: {0: B, 1: L} for k in ("input_ids", "attention_mask", "sub_case")}
    shapes.update({k: {0: B, 1: W} for k in ("word_first", "word_last", "case", "lex", "gaz", "rule")})
    enc = model.encoder
    old_attn = getattr(enc.config, "_attn_implementation", None)
    log = logging.getLogger("torch.onnx")
    old_level = log.level
    log.setLevel(logging.ERROR)  # the exporter's notes (opset, torchvision ops) are not ours to act on
    try:
        if old_attn is not None:
            enc.config._attn_implementation = "eager"  # a plain MatMul/Softmax graph that ORT fuses
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            prog = torch.onnx.export(WordStates(model), args, input_names=list(INPUTS), output_names=[OUTPUT],
                                     dynamic_shapes=shapes, opset_version=OPSET, dynamo=True, optimize=True,
                                     verbose=False)
        prog.save(str(path), external_data=False)
    finally:
        log.setLevel(old_level)
        if old_attn is not None:
            enc.config._attn_implementation = old_attn
    return path


class _Calibration:
    """Feeds real windows to ONNX Runtime's static calibrator."""

    def __init__(self, windows: list[Window], batch_size: int = 8):
        self.feeds = [batch_inputs(collate(windows[i:i + batch_size], False))
                      for i in range(0, len(windows), batch_size)]
        self.i = 0

    def get_next(self):
        if self.i >= len(self.feeds):
            return None
        self.i += 1
        return self.feeds[self.i - 1]

    def rewind(self):
        self.i = 0


def float_matmuls(path: str | Path) -> list[str]:
    """MatMuls that stay float: those of two activations (attention scores and their
    weighted sum, where an int8 scale per tensor costs accuracy), and the last one, the
    projection to the word states that the tagger and the relation classifier read."""
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    weights = {i.name for i in graph.initializer}
    consts = {o for n in graph.node if n.op_type == "Constant" for o in n.output}
    mm = [n for n in graph.node if n.op_type in ("MatMul", "Gemm")]
    keep = [n.name for n in mm if not any(i in weights or i in consts for i in n.input)]
    if mm:
        keep.append(mm[-1].name)
    return keep


MODES = ("dynamic", "static", "blockwise")


def ffn_matmuls(path: str | Path, ffn_dim: int) -> list[str]:
    """The feed-forward MatMuls: those whose weight has the encoder's intermediate size."""
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    dims = {i.name: tuple(i.dims) for i in graph.initializer}
    return [n.name for n in graph.node if n.op_type == "MatMul"
            and any(ffn_dim in dims.get(i, ()) for i in n.input)]


def _blockwise(src: Path, out: Path, nodes: list[str], block: int = 128) -> Path:
    import onnx
    from onnxruntime.quantization import matmul_nbits_quantizer as nbits

    model = onnx.load(str(src))
    others = [n.name for n in model.graph.node if n.op_type == "MatMul" and n.name not in nodes]
    algo = nbits.DefaultWeightOnlyQuantConfig(block_size=block, is_symmetric=True, accuracy_level=4, bits=8)
    q = nbits.MatMulNBitsQuantizer(model, bits=8, block_size=block, is_symmetric=True, accuracy_level=4,
                                   nodes_to_exclude=others, algo_config=algo)
    log = logging.getLogger()  # the quantizer logs every node it converts at INFO
    old = log.level
    log.setLevel(logging.WARNING)
    try:
        q.process()
    finally:
        log.setLevel(old)
    q.model.save_model_to_file(str(out))
    return out


def quantize_graph(float_path: str | Path, out_path: str | Path, mode: str = "dynamic",
                   calibration: list[Window] | None = None, ffn_dim: int | None = None) -> Path:
    """int8 version of the float graph (MatMul/Gemm weights per channel); ``ffn_dim`` (the
    encoder's intermediate size) picks the feed-forward MatMuls of ``"blockwise"``."""
    if mode not in MODES:
        raise ValueError(f"int8 mode must be one of {MODES}, not {mode!r}")
    from onnxruntime.quantization import QuantType, quantize_dynamic, quantize_static
    from onnxruntime.quantization.calibrate import CalibrationMethod
    from onnxruntime.quantization.shape_inference import quant_pre_process

    float_path, out_path = Path(float_path), Path(out_path)
    pre = out_path.with_suffix(".pre.onnx")
    quant_pre_process(str(float_path), str(pre), skip_symbolic_shape=True)
    keep_float = float_matmuls(pre)
    blocks = out_path.with_suffix(".blocks.onnx")
    try:
        if mode in ("dynamic", "blockwise"):
            src = pre
            if mode == "blockwise":  # the feed-forward MatMuls first; the dynamic pass skips them
                if not ffn_dim:
                    raise ValueError("blockwise int8 needs the encoder's intermediate size (ffn_dim)")
                ffn = ffn_matmuls(pre, ffn_dim)
                if not ffn:
                    raise ValueError(f"{float_path}: no MatMul with a weight of size {ffn_dim}")
                src = _blockwise(pre, blocks, ffn)
            quantize_dynamic(str(src), str(out_path), weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul", "Gemm"], nodes_to_exclude=keep_float)
        else:  # static
            if not calibration:
                raise ValueError("static int8 needs calibration windows")
            from onnxruntime.quantization import QuantFormat

            quantize_static(str(pre), str(out_path), _Calibration(calibration), quant_format=QuantFormat.QDQ,
                            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8, per_channel=True,
                            op_types_to_quantize=["MatMul", "Gemm"], nodes_to_exclude=keep_float,
                            calibrate_method=CalibrationMethod.Percentile,
                            extra_options={"CalibPercentile": 99.999})
    finally:
        pre.unlink(missing_ok=True)
        blocks.unlink(missing_ok=True)
    return out_path
