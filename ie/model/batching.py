"""Encoder windows (one training / inference example each) and padded tensor batches.

A :class:`Window` is written by :mod:`ie.model.prep` (and stored in the cached
``datasets.Dataset`` as a plain row); :func:`collate` pads windows into a :class:`Batch`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np
import torch

from ie.model.pairs import pair_candidates


@dataclass
class Window:
    """One encoder window of a document. Word-level lists cover the window's words (its
    own words and the context words around them)."""

    doc_id: str
    offset: int  # document index of the window's first word
    own_start: int  # document words [own_start, own_end) are predicted by this window
    own_end: int
    input_ids: list[int]  # [L] subword ids, with [CLS] ... [SEP]
    sub_case: list[int]  # [L] case class of each subword's word (0 for specials)
    word_first: list[int]  # [W] position of each word's first subword
    word_last: list[int]  # [W] position of each word's last subword
    case: list[int]  # [W] word features (ie.model.features)
    lex: list[int]
    gaz: list[int]
    rule: list[int]
    owned: list[int]  # [W] 1 for words this window predicts, 0 for context words
    sent: list[int]  # [W] sentence index of each word
    tags: list[int] | None = None  # [W] BIO tag ids (training only)
    ents: list[list[int]] | None = None  # [E, 3] (first word, last word, label id)
    rels: list[list[int]] | None = None  # [R, 3] (head entity, tail entity, relation id)

    def to_row(self) -> dict:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict) -> Window:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})


@dataclass
class Batch:
    """Padded tensors of a list of windows: [B, L] subword-level, [B, W] word-level."""

    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    sub_case: torch.Tensor
    word_first: torch.Tensor
    word_last: torch.Tensor
    case: torch.Tensor
    lex: torch.Tensor
    gaz: torch.Tensor
    rule: torch.Tensor
    owned: torch.Tensor
    tags: torch.Tensor
    word_mask: torch.Tensor
    pairs: torch.Tensor | None = None  # [P, 8] (batch, h_first, h_last, h_label, t_first, t_last, t_label, 0)
    pair_labels: torch.Tensor | None = None  # [P] relation id + 1, 0 = no relation

    def to(self, device: torch.device | str) -> Batch:
        return Batch(**{f.name: (None if getattr(self, f.name) is None else getattr(self, f.name).to(device))
                        for f in fields(self)})


def collate(windows: list[Window], with_labels: bool, device: torch.device | str = "cpu") -> Batch:
    B = len(windows)
    L = max(len(w.input_ids) for w in windows)
    W = max(max(len(w.word_first), 1) for w in windows)
    # filled as numpy arrays (one slice assignment per list) and handed to torch without a copy
    t = {k: np.zeros((B, L), dtype=np.int64) for k in ("input_ids", "attention_mask", "sub_case")}
    for k in ("word_first", "word_last", "case", "lex", "gaz", "rule", "owned", "tags"):
        t[k] = np.zeros((B, W), dtype=np.int64)
    word_mask = np.zeros((B, W), dtype=bool)
    pairs, pair_labels = [], []
    for i, e in enumerate(windows):
        n, w = len(e.input_ids), len(e.word_first)
        t["input_ids"][i, :n] = e.input_ids
        t["attention_mask"][i, :n] = 1
        t["sub_case"][i, :n] = e.sub_case
        if w:
            for k in ("word_first", "word_last", "case", "lex", "gaz", "owned"):
                t[k][i, :w] = getattr(e, k)
            if e.rule:
                t["rule"][i, :w] = e.rule
            word_mask[i, :w] = True
            if with_labels:
                t["tags"][i, :w] = e.tags
        if with_labels:
            ents = e.ents
            gold = {(h, tl): r for h, tl, r in e.rels}
            for a, bb in pair_candidates(ents, e.sent):
                (s1, e1, l1), (s2, e2, l2) = ents[a], ents[bb]
                if not (e.owned[s1] or e.owned[s2]):
                    continue
                pairs.append((i, s1, e1, l1, s2, e2, l2, 0))
                pair_labels.append(gold.get((a, bb), -1) + 1)
    batch = Batch(**{k: torch.from_numpy(v) for k, v in t.items()}, word_mask=torch.from_numpy(word_mask))
    if with_labels:
        batch.pairs = torch.tensor(pairs, dtype=torch.long).reshape(-1, 8)
        batch.pair_labels = torch.tensor(pair_labels, dtype=torch.long)
    return batch.to(device)
