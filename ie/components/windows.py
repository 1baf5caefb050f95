"""Documents -> encoder windows with labels and relation candidates.

A document is tokenized by the project tokenizer (``ie.text``); space tokens are dropped
and the remaining tokens ("words") are split into subwords by the encoder's tokenizer.
Whole sentences are packed into windows of at most ``max_subwords`` subwords; each
window also carries up to ``context_subwords`` subwords of the neighbouring text on each
side as context it does not predict. Every word is owned by exactly one window, so a
document of any length is tagged whole, and a relation (same sentence) always lies
inside one window. A sentence longer than a window is cut into pieces.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ie.docs import Document
from ie.model.batching import Window
from ie.model.config import ModelConfig
from ie.components.features import rule_classes, token_features
from ie.schema import BIO_TAGS, ENTITY_LABELS, RELATION_LABELS
from ie.text import tokenize


@dataclass
class DocWords:
    """The words of one document and where they are in the text."""

    doc_id: str
    starts: list[int]
    ends: list[int]
    texts: list[str]
    sent: list[int]
    sub_ids: list[list[int]]
    text: str = ""


# What the model reads for a tab: a table cell boundary, written as the "|" of the pipe
# tables it was trained on (tab-separated tables come from PDF and spreadsheet copies; a
# whitespace token is otherwise invisible to the model). See GUIDELINES.md D82.
CELL_SEPARATOR = "|"


def doc_words(doc_id: str, text: str, hf_tokenizer, sdoc=None) -> DocWords:
    """The words the model reads: every non-space token, and one cell separator word
    (:data:`CELL_SEPARATOR`, on the tab character) for each whitespace token holding a tab."""
    sdoc = sdoc if sdoc is not None else tokenize(text)
    starts, ends, texts, sent = [], [], [], []
    for si, s in enumerate(sdoc.sents):
        for t in s:
            if t.is_space or not t.text.strip():
                if "\t" in t.text:
                    k = t.idx + t.text.index("\t")
                    starts.append(k)
                    ends.append(k + 1)
                    texts.append(CELL_SEPARATOR)
                    sent.append(si)
                continue
            starts.append(t.idx)
            ends.append(t.idx + len(t.text))
            texts.append(t.text)
            sent.append(si)
    sub_ids: list[list[int]] = [[] for _ in texts]
    if texts:
        enc = hf_tokenizer(texts, is_split_into_words=True, add_special_tokens=False)
        for pos, wi in enumerate(enc.word_ids()):
            if wi is not None:
                sub_ids[wi].append(enc["input_ids"][pos])
    unk = hf_tokenizer.unk_token_id
    for i, s in enumerate(sub_ids):
        if not s:
            sub_ids[i] = [unk]
        elif len(s) > 24:  # pathological "words" (long numbers, URLs): keep the head and tail
            sub_ids[i] = s[:12] + s[-12:]
    return DocWords(doc_id, starts, ends, texts, sent, sub_ids, text)


def _chunks(dw: DocWords, budget: int) -> list[tuple[int, int]]:
    """Word ranges [a, b) of whole sentences packed up to ``budget`` subwords."""
    out: list[tuple[int, int]] = []
    n = len(dw.texts)
    a = cur = 0
    i = 0
    while i < n:
        j = i
        size = 0
        while j < n and dw.sent[j] == dw.sent[i]:
            size += len(dw.sub_ids[j])
            j += 1
        if size > budget:  # a long sentence: close the open chunk, cut the sentence
            if cur:
                out.append((a, i))
            k = i
            while k < j:
                s, m = 0, k
                while m < j and s + len(dw.sub_ids[m]) <= budget:
                    s += len(dw.sub_ids[m])
                    m += 1
                m = max(m, k + 1)
                out.append((k, m))
                k = m
            a, cur = j, 0
        elif cur + size > budget:
            out.append((a, i))
            a, cur = i, size
        else:
            cur += size
        i = j
    if a < n and (cur or not out or out[-1][1] < n):
        out.append((a, n))
    return [c for c in out if c[1] > c[0]]


def make_windows(dw: DocWords, cfg: ModelConfig, cls_id: int, sep_id: int) -> list[Window]:
    budget = cfg.max_subwords - 2 - 2 * cfg.context_subwords
    case, lex, gaz = token_features(dw.texts)
    rule = rule_classes(dw.text, dw.starts, dw.ends) if cfg.rule_features else [0] * len(dw.texts)
    windows = []
    n = len(dw.texts)
    for a, b in _chunks(dw, budget):
        la, used = a, 0
        while la > 0 and used + len(dw.sub_ids[la - 1]) <= cfg.context_subwords:
            la -= 1
            used += len(dw.sub_ids[la])
        rb, used = b, 0
        while rb < n and used + len(dw.sub_ids[rb]) <= cfg.context_subwords:
            used += len(dw.sub_ids[rb])
            rb += 1
        ids, sub_case, first, last = [cls_id], [0], [], []
        for w in range(la, rb):
            first.append(len(ids))
            ids.extend(dw.sub_ids[w])
            sub_case.extend([case[w]] * len(dw.sub_ids[w]))
            last.append(len(ids) - 1)
        ids.append(sep_id)
        sub_case.append(0)
        windows.append(Window(
            doc_id=dw.doc_id, offset=la, own_start=a, own_end=b,
            input_ids=ids, sub_case=sub_case, word_first=first, word_last=last,
            case=case[la:rb], lex=lex[la:rb], gaz=gaz[la:rb], rule=rule[la:rb],
            owned=[1 if a <= w < b else 0 for w in range(la, rb)],
            sent=dw.sent[la:rb],
        ))
    return windows


def word_spans(doc: Document, dw: DocWords) -> dict[str, tuple[int, int]]:
    """Entity id -> (first word, last word); entities not aligned to words are reported."""
    start_at = {s: i for i, s in enumerate(dw.starts)}
    end_at = {e: i for i, e in enumerate(dw.ends)}
    out = {}
    for e in doc.entities:
        if e.start in start_at and e.end in end_at:
            out[e.id] = (start_at[e.start], end_at[e.end])
        else:
            raise ValueError(f"{doc.where}:{e.id}: span {doc.text[e.start:e.end]!r} is not aligned to tokens")
    return out


def label_windows(doc: Document, dw: DocWords, windows: list[Window]) -> None:
    spans = word_spans(doc, dw)
    labels = {e.id: e.label for e in doc.entities}
    tags = [0] * len(dw.texts)
    for eid, (s, e) in spans.items():
        tags[s] = BIO_TAGS.index(f"B-{labels[eid]}")
        for k in range(s + 1, e + 1):
            tags[k] = BIO_TAGS.index(f"I-{labels[eid]}")
    for w in windows:
        off, width = w.offset, len(w.word_first)
        w.tags = tags[off : off + width]
        if w.tags and BIO_TAGS[w.tags[0]].startswith("I-"):
            # context cut into an entity: the window sees its tail as a (partial) span
            w.tags[0] = BIO_TAGS.index("B-" + BIO_TAGS[w.tags[0]][2:])
        idx = {}
        ents = []
        for eid, (s, e) in sorted(spans.items(), key=lambda kv: kv[1]):
            if off <= s and e < off + width:
                idx[eid] = len(ents)
                ents.append([s - off, e - off, ENTITY_LABELS.index(labels[eid])])
        w.ents = ents
        w.rels = [[idx[r.head], idx[r.tail], RELATION_LABELS.index(r.label)] for r in doc.relations
                     if r.head in idx and r.tail in idx]


def prepare(docs: Iterable[Document], hf_tokenizer, cfg: ModelConfig, with_labels: bool = True) -> list[Window]:
    out = []
    for d in docs:
        dw = doc_words(d.id, d.text, hf_tokenizer)
        wins = make_windows(dw, cfg, hf_tokenizer.cls_token_id, hf_tokenizer.sep_token_id)
        if with_labels:
            label_windows(d, dw, wins)
        out.extend(wins)
    return out


# Modules whose code decides what the model is fed (tokens, windows, features, rule tags).
INPUT_MODULES = ("ie.text", "ie.components.tokenizer", "ie.components.windows", "ie.components.features",
                 "ie.components.rules", "ie.model.batching", "ie.gazetteer", "ie.schema", "ie.lexicon",
                 "ie.corpus.perturb")


def input_files() -> list[Path]:
    """Source files and lexicon data files that shape the model's input."""
    import importlib

    from ie import lexicon

    return [Path(importlib.import_module(m).__file__) for m in INPUT_MODULES] + lexicon.data_files()


def cache_key(paths: list[Path], cfg: ModelConfig, tokenizer_name: str, view: dict | None = None) -> str:
    h = hashlib.sha256()
    if view:
        h.update(json.dumps(view, sort_keys=True).encode())
    for p in paths:
        h.update(str(p).encode())
        h.update(Path(p).read_bytes())
    h.update(json.dumps(cfg.to_json(), sort_keys=True).encode())
    h.update(tokenizer_name.encode())
    for p in input_files():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def prepared_dataset(paths: list[Path], hf_tokenizer, cfg: ModelConfig, cache_dir: Path, tokenizer_name: str,
                     view: dict | None = None):
    """A ``datasets.Dataset`` of labelled windows, built once and cached on disk.

    ``view`` (``{"seed": int, **PerturbSettings fields}``) makes a perturbed copy of the
    documents first (:mod:`ie.corpus.perturb`): one training "view" per seed.
    """
    import datasets

    from ie.corpus.reader import read_docs

    key = cache_key(paths, cfg, tokenizer_name, view)
    target = Path(cache_dir) / key
    if (target / "dataset_info.json").exists():
        return datasets.load_from_disk(str(target))
    docs = read_docs(paths)
    if view:
        docs = perturbed(docs, view)
    rows = prepare(docs, hf_tokenizer, cfg, with_labels=True)
    ds = datasets.Dataset.from_list([w.to_row() for w in rows])
    target.parent.mkdir(parents=True, exist_ok=True)
    ds.save_to_disk(str(target))
    return datasets.load_from_disk(str(target))


def perturbed(docs, view: dict):
    """The documents of one augmented training view (deterministic for its seed)."""
    import random

    from ie.corpus.perturb import PerturbLexicon, PerturbSettings, perturb

    from ie.corpus.validate import validate_docs

    settings = PerturbSettings(**{k: v for k, v in view.items() if k != "seed"})
    lex = PerturbLexicon.load()
    rng = random.Random(view["seed"])
    for doc in docs:
        out = perturb(doc, lex, rng, settings)
        # a swapped name can change tokenization next to it ("Sa Dec." reads as a month
        # abbreviation): such a copy is not gold any more, so the original stands in
        yield doc if validate_docs([out]) else out
