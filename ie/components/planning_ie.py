"""The ``planning_ie`` spaCy component: the fine-tuned encoder with its NER and relation
heads, run over batches of documents. Saved with ``nlp.to_disk`` and read back by
``spacy.load`` (the factory is registered through the package's entry points)."""

from __future__ import annotations

import json
import os
import re
import shutil
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from ie import lexicon
from ie.components.extensions import install_extensions
from ie.schema import ENTITY_LABELS, RELATION_LABELS

if TYPE_CHECKING:  # the network (torch) is loaded when a model is set, not when spaCy lists factories
    from ie.model.config import ModelConfig
    from ie.model.network import PlanningModel

# int8 graphs the component can run on CPU (ie.model.export_onnx.quantize_graph): "dynamic"
# (the fastest), "blockwise" (feed-forward layers quantized per block: closer to float, slower)
INT8_MODES = ("dynamic", "blockwise")
ENCODER_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json")


class PlanningIE:
    """Entities into ``doc.ents``; relations into ``doc._.relations`` as
    ``(head Span, tail Span, label, score)`` tuples."""

    def __init__(self, nlp: Language, name: str, batch_size: int, quantize: bool, threads: int, rel_threshold: float,
                 device: str = "cpu", network: dict | None = None, int8: str = "dynamic"):
        if device not in ("cpu", "cuda") and not device.startswith("cuda:"):
            raise ValueError(f"component {name!r}: device must be 'cpu' or 'cuda[:N]', not {device!r}")
        if int8 not in INT8_MODES:
            raise ValueError(f"component {name!r}: int8 must be one of {INT8_MODES}, not {int8!r}")
        self.int8 = int8
        install_extensions()
        self.nlp = nlp
        self.device = device
        self.name = name
        self.batch_size = batch_size
        self.quantize = quantize
        self.threads = threads
        self.rel_threshold = rel_threshold
        self.model: PlanningModel | None = None
        self._runtime: PlanningModel | None = None
        self._pid = os.getpid()  # another pid later means a worker forked by nlp.pipe(n_process=N)
        self._forked = False
        self._inherited: list = []  # runtimes built before a fork (see _process)
        self.graph_dir: Path | None = None  # where the int8 graph is kept (the saved pipeline's folder)
        self.network = dict(network or {})  # the network's hyperparameters (ModelConfig), kept in config.cfg
        self.cfg: ModelConfig | None = None
        self.hf_tokenizer = None
        self.encoder_dir: Path | None = None
        # activation maxima of the model's encoder on training windows (ie.model.smoothing):
        # the int8 graph smooths outlier channels with them; None for pipelines without one
        self.calibration: dict | None = None

    # -- model management ---------------------------------------------------------------
    def set_model(self, model: PlanningModel, cfg: ModelConfig, encoder_dir: str | Path,
                  calibration: dict | None = None) -> None:
        """Install trained weights; ``calibration``: their activation maxima
        (:func:`ie.model.smoothing.activation_maxima`), which belong to these weights only."""
        from transformers import AutoTokenizer

        from ie.model.config import ModelConfig

        if self.network and ModelConfig(**self.network).to_json() != cfg.to_json():
            raise ValueError(f"component {self.name!r}: the model's settings differ from its config's network section")
        self.model, self.cfg = model.to("cpu").eval(), cfg
        self.calibration = dict(calibration) if calibration else None
        self._runtime = None
        self.encoder_dir = Path(encoder_dir)
        self.hf_tokenizer = AutoTokenizer.from_pretrained(str(encoder_dir), local_files_only=True)
        self.hf_tokenizer.model_max_length = 10**9  # we window ourselves; silence the length warning

    def _require_model(self) -> PlanningModel:
        if self.model is None:
            raise RuntimeError(f"component {self.name!r} has no trained model: train one with `ie train`")
        return self.model

    def _runtime_model(self) -> PlanningModel:
        """The model used for inference. On CPU with ``quantize`` (the default): the
        encoder as an int8 graph on ONNX Runtime (:mod:`ie.model.ort_runtime`; exported
        and quantized on first use, about a minute, then kept beside the weights or in
        the user cache, keyed by the weights), the small heads in float torch. On CPU
        without ``quantize``: the float torch model. On CUDA a float copy on that device.
        ``self.model`` keeps the float weights that ``to_disk`` saves."""
        model = self._require_model()
        if self._runtime is None:
            if self.device != "cpu":
                import copy

                self._runtime = copy.deepcopy(model).to(self.device).eval()
            elif self.quantize:
                from ie.model.ort_runtime import OrtModel, ensure_graph

                graph = ensure_graph(model, self.graph_dir, mode=self.int8, calibration=self.calibration)
                self._runtime = OrtModel(model, graph, threads=self._threads())
            else:
                self._runtime = model
        return self._runtime

    def _threads(self) -> int:
        """Intra-op threads: the ``threads`` setting, else every usable CPU in the main
        process and one in a worker forked by ``nlp.pipe(n_process=N)`` (N workers share
        the cores instead of N x cores threads spinning against each other)."""
        from ie.model.ort_runtime import usable_cpus

        if self.threads:
            return self.threads
        return 1 if self._forked else usable_cpus()

    @property
    def labels(self) -> tuple[str, ...]:
        """Entity labels, then relation labels (spaCy writes them to meta.json)."""
        return tuple(ENTITY_LABELS) + tuple(RELATION_LABELS)

    def score(self, examples, **kwargs) -> dict:
        """Strict entity and relation P/R/F, equal to ``ie evaluate``'s (``spacy evaluate``)."""
        from ie.components.results import score_examples

        return score_examples(examples)

    # -- processing ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        bs = batch_size or self.batch_size
        buf: list[Doc] = []
        for d in docs:
            buf.append(d)
            if len(buf) >= bs:
                yield from self._process(buf)
                buf = []
        if buf:
            yield from self._process(buf)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        import torch

        from ie.model.decoding import predict_windows
        from ie.components.windows import doc_words, make_windows

        if os.getpid() != self._pid:
            # A forked worker: the parent's thread pools (torch's, ONNX Runtime's) do not
            # exist here and entering them deadlocks, so the worker builds its own runtime
            # with its own threads (see _threads). The inherited runtime is kept, never
            # freed: destroying its ONNX Runtime session would join threads that exist only
            # in the parent and hang (the worker leaves through os._exit, freeing nothing).
            self._inherited.append(self._runtime)
            self._pid, self._forked, self._runtime = os.getpid(), True, None
        model = self._runtime_model()
        # torch runs the whole model (float, CUDA) or only the small heads (int8 graph)
        torch.set_num_threads(1 if self.quantize and self.device == "cpu" else self._threads())
        # Windows are batched per document, never across documents: dynamic int8
        # quantization scales activations per tensor, so a batch mixing documents would let
        # one document shift another's scores. This way a text's output depends on that
        # text alone, whatever it is processed with. Within a document only windows of the
        # same length share a batch (no padding: windows end at sentence boundaries, so
        # their lengths vary, and padded positions cost as much as real ones).
        all_windows, owners, words, preds = [], [], [], []
        for di, doc in enumerate(docs):
            dw = doc_words(str(di), doc.text, self.hf_tokenizer, sdoc=doc)
            words.append(dw)
            wins = make_windows(dw, self.cfg, self.hf_tokenizer.cls_token_id, self.hf_tokenizer.sep_token_id)
            all_windows.extend(wins)
            owners.extend([di] * len(wins))
            preds.extend(predict_windows(model, wins, batch_size=16, device=self.device,
                                         rel_threshold=self.rel_threshold, same_length=True))
        ents_per: list[list[Span]] = [[] for _ in docs]
        rels_per: list[list] = [[] for _ in docs]
        for w, p, di in zip(all_windows, preds, owners):
            doc, dw, off = docs[di], words[di], w.offset
            spans = []
            for s, e, lab in p["ents"]:
                s, e = _trim(dw.texts, *_one_cell(dw, s + off, e + off), label=ENTITY_LABELS[lab])
                span = doc.char_span(dw.starts[s], dw.ends[e], label=ENTITY_LABELS[lab]) if s <= e else None
                if span is not None and span.label_ == "FACILITY" and headless_count(span.text):
                    span = None
                spans.append(span)
                if span is not None:
                    ents_per[di].append(span)
            for x, y, r, score in p["rels"]:
                if spans[x] is not None and spans[y] is not None:
                    rels_per[di].append((spans[x], spans[y], RELATION_LABELS[r], round(score, 4)))
        for doc, ents, rels in zip(docs, ents_per, rels_per):
            doc.ents = sorted(ents, key=lambda s: s.start)
            doc._.relations = rels
        return docs

    # -- serialization --------------------------------------------------------------------
    def to_disk(self, path, exclude=tuple()):
        path = Path(path)
        import torch

        path.mkdir(parents=True, exist_ok=True)
        model = self._require_model()
        torch.save({k: v.cpu() for k, v in model.state_dict().items()}, path / "weights.pt")
        if self.calibration:
            from ie.model.smoothing import save_calibration

            save_calibration(self.calibration, path / CALIBRATION_FILE)
        else:
            (path / CALIBRATION_FILE).unlink(missing_ok=True)
        enc = path / "encoder"
        enc.mkdir(exist_ok=True)
        for f in ENCODER_FILES:
            src = self.encoder_dir / f
            if src.exists() and src.resolve() != (enc / f).resolve():
                shutil.copy(src, enc / f)

    def from_disk(self, path, exclude=tuple()):
        import torch

        from ie.model.config import ModelConfig
        from ie.model.network import build_model
        from ie.model.smoothing import load_calibration

        path = Path(path)
        if self.network:
            cfg = ModelConfig(**self.network)
        else:  # pipelines saved before the settings moved into config.cfg
            cfg = ModelConfig(**json.loads((path / "cfg.json").read_text(encoding="utf-8")))
        model = build_model(cfg, path / "encoder", pretrained=False)
        model.load_state_dict(torch.load(path / "weights.pt", map_location="cpu", weights_only=True))
        self.set_model(model, cfg, path / "encoder", calibration=load_calibration(path / CALIBRATION_FILE))
        self.graph_dir = path
        return self


CALIBRATION_FILE = "calibration.pt"  # activation maxima (ie.model.smoothing), beside weights.pt; `ie calibrate`


def saved_network(pipeline_dir: str | Path) -> dict:
    """The network settings of a saved pipeline: the ``network`` section of its
    ``config.cfg``, or ``planning_ie/cfg.json`` in pipelines saved before it existed."""
    from spacy.util import load_config

    pipeline_dir = Path(pipeline_dir)
    network = load_config(pipeline_dir / "config.cfg")["components"]["planning_ie"].get("network") or {}
    legacy = pipeline_dir / "planning_ie" / "cfg.json"
    if not network and legacy.exists():
        network = json.loads(legacy.read_text(encoding="utf-8"))
    return dict(network)


_EDGE_PUNCT = lexicon.edge_punctuation()["trimmed_from_predicted_spans"]
_COUNT = re.compile(r"^\d[\d.,]*(?:[-–]\d[\d.,]*)?$")  # 12, 1,200, 12-15


def _one_cell(dw, s: int, e: int) -> tuple[int, int]:
    """A span never crosses a tab (a table cell boundary): one that does is cut to its
    longest piece between the tabs."""
    cuts = [k for k in range(s, e + 1) if dw.text[dw.starts[k]:dw.ends[k]] == "\t"]
    if not cuts:
        return s, e
    pieces = [(a, b) for a, b in zip([s] + [k + 1 for k in cuts], [k - 1 for k in cuts] + [e]) if a <= b]
    if not pieces:
        return s, s - 1
    return max(pieces, key=lambda p: (dw.ends[p[1]] - dw.starts[p[0]], -p[0]))


def headless_count(text: str) -> bool:
    """A FACILITY span that opens with a count but does not end in a facility noun
    ("three other expanded", "24 new", "47 urban and urban service"): not a counted group
    (GUIDELINES D23) and not a name (a name or code ends in a capitalised word or digits).
    Such spans are dropped from the component's output."""
    words = text.split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    if not (_COUNT.match(first) or first in lexicon.number_words()):
        return False
    last = words[-1].strip(".,;:()[]\"'")
    if not last or any(c.isupper() or c.isdigit() for c in last):
        return False
    from ie.gazetteer import strip_diacritics

    tail = strip_diacritics(text.lower())
    return not any(tail == h or tail.endswith(" " + h) or tail.endswith("-" + h) for h in _ascii_heads())


@cache
def _ascii_heads() -> tuple[str, ...]:
    """The lexicon's counted-group heads without diacritics, made once (not per span)."""
    from ie.gazetteer import strip_diacritics

    return tuple(strip_diacritics(h) for h in lexicon.counted_group_heads())


_CLOSERS = {")": "(", "]": "["}


def _trim(words: list[str], s: int, e: int, label: str | None = None) -> tuple[int, int]:
    """Drop punctuation tokens at a span's edges (the guideline never lets a span start or
    end with punctuation that is not part of the expression), except a closing bracket
    whose opening bracket is inside the span ("Nhon Hoi Industrial Park (Zone A)"); and,
    for FACILITY, leading determiners ("The Cao Bang border-gate economic zone": the
    article is outside, GUIDELINES D1, D23)."""
    dets = lexicon.leading_determiners() if label == "FACILITY" else frozenset()
    while s <= e and (words[s] in _EDGE_PUNCT or (s < e and words[s].lower() in dets)):
        s += 1
    while e >= s and words[e] in _EDGE_PUNCT and not (
            words[e] in _CLOSERS and _CLOSERS[words[e]] in words[s:e]):
        e -= 1
    return s, e


@Language.factory(
    "planning_ie",
    default_config={"batch_size": 32, "quantize": True, "threads": 0, "rel_threshold": 0.5, "device": "cpu",
                    "network": {}, "int8": "dynamic"},
)
def make_planning_ie(nlp: Language, name: str, batch_size: int, quantize: bool, threads: int, rel_threshold: float,
                     device: str, network: dict, int8: str):
    return PlanningIE(nlp, name, batch_size, quantize, threads, rel_threshold, device, network, int8)
