"""Checks that a document follows the annotation standard and the tokenizer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ie import lexicon
from ie.docs import Document
from ie.schema import ENTITY_LABELS, RELATION_ARGS, relation_allowed
from ie.text import tokenize

_EDGE = lexicon.edge_punctuation()


@dataclass
class Problem:
    where: str  # file:line(doc id)
    item: str  # entity id, relation description, or "" for the document
    reason: str

    def __str__(self) -> str:
        return f"{self.where}:{self.item}: {self.reason}" if self.item else f"{self.where}: {self.reason}"


def validate_doc(doc: Document, check_tokens: bool = True) -> list[Problem]:
    probs: list[Problem] = []

    def bad(item: str, reason: str) -> None:
        probs.append(Problem(doc.where, item, reason))

    n = len(doc.text)
    if not doc.text.strip():
        bad("", "empty text")
    seen: dict[str, object] = {}
    good = []
    for e in doc.entities:
        if e.id in seen:
            bad(e.id, "duplicate entity id")
            continue
        seen[e.id] = e
        if e.label not in ENTITY_LABELS:
            bad(e.id, f"unknown label {e.label!r} (allowed: {', '.join(ENTITY_LABELS)})")
        if not (0 <= e.start < e.end <= n):
            bad(e.id, f"offsets {e.start}-{e.end} outside the text (length {n}) or empty")
            continue
        s = doc.text[e.start : e.end]
        if s != s.strip():
            bad(e.id, f"span {s!r} has outer whitespace")
        elif s[0] in _EDGE["never_at_either_edge"] | _EDGE["never_first"] or s[-1] in _EDGE["never_at_either_edge"] | _EDGE["never_last"]:
            bad(e.id, f"span {s!r} starts or ends with punctuation")
        elif s.count("(") != s.count(")"):
            bad(e.id, f"span {s!r} has unbalanced parentheses")
        good.append(e)
    good.sort(key=lambda e: (e.start, e.end))
    for a, b in zip(good, good[1:]):
        if b.start < a.end:
            bad(b.id, f"overlaps {a.id} ({doc.text[a.start:a.end]!r} / {doc.text[b.start:b.end]!r})")
    sent_of: dict[str, int] = {}
    if check_tokens and doc.text:
        sdoc = tokenize(doc.text)
        starts = {t.idx for t in sdoc}
        ends = {t.idx + len(t) for t in sdoc}
        sent_ids = {}
        for si, sent in enumerate(sdoc.sents):
            for t in sent:
                sent_ids[t.idx] = si
        for e in good:
            if e.start not in starts or e.end not in ends:
                toks = [t.text for t in sdoc if t.idx < e.end and t.idx + len(t) > e.start]
                bad(e.id, f"span {doc.text[e.start:e.end]!r} is not aligned to token boundaries (tokens {toks})")
                continue
            sent_of[e.id] = sent_ids[e.start]
            end_tok = sdoc.char_span(e.start, e.end)
            if end_tok is not None and sent_ids[end_tok[-1].idx] != sent_of[e.id]:
                bad(e.id, "span crosses a sentence boundary")
    rel_seen = set()
    for r in doc.relations:
        desc = f"{r.head}-{r.label}->{r.tail}"
        if r.label not in RELATION_ARGS:
            bad(desc, f"unknown relation label {r.label!r}")
            continue
        h, t = seen.get(r.head), seen.get(r.tail)
        if h is None or t is None:
            missing = r.head if h is None else r.tail
            bad(desc, f"relation points to missing entity id {missing!r}")
            continue
        if r.head == r.tail:
            bad(desc, "relation from an entity to itself")
        if not relation_allowed(r.label, h.label, t.label):
            bad(desc, f"{r.label} does not allow {h.label} -> {t.label}")
        if (r.head, r.tail) in rel_seen:
            bad(desc, "second relation between the same ordered pair")
        rel_seen.add((r.head, r.tail))
        if sent_of and r.head in sent_of and r.tail in sent_of and sent_of[r.head] != sent_of[r.tail]:
            bad(desc, f"relation crosses a sentence boundary ({doc.text[h.start:h.end]!r} / {doc.text[t.start:t.end]!r})")
    return probs


def validate_docs(docs: Iterable[Document], check_tokens: bool = True) -> list[Problem]:
    probs: list[Problem] = []
    ids: dict[str, str] = {}
    for d in docs:
        if d.id in ids:
            probs.append(Problem(d.where, "", f"duplicate document id (first at {ids[d.id]})"))
        else:
            ids[d.id] = d.where
        probs.extend(validate_doc(d, check_tokens))
    return probs
