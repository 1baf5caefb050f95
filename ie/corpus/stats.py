"""Counts over a corpus: documents, words, entities and relations per label."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ie.docs import Document
from ie.schema import ENTITY_LABELS, RELATION_LABELS


def corpus_stats(docs: Iterable[Document]) -> dict:
    n_docs = words = 0
    ents: Counter = Counter()
    rels: Counter = Counter()
    for d in docs:
        n_docs += 1
        words += len(d.text.split())
        ents.update(e.label for e in d.entities)
        rels.update(r.label for r in d.relations)
    return {
        "documents": n_docs,
        "words": words,
        "entities": {lab: ents[lab] for lab in ENTITY_LABELS} | {"total": sum(ents.values())},
        "relations": {lab: rels[lab] for lab in RELATION_LABELS} | {"total": sum(rels.values())},
    }


def format_stats(st: dict) -> str:
    lines = [f"documents  {st['documents']:>8}", f"words      {st['words']:>8}", "entities"]
    lines += [f"  {k:<16}{v:>8}" for k, v in st["entities"].items()]
    lines.append("relations")
    lines += [f"  {k:<16}{v:>8}" for k, v in st["relations"].items()]
    return "\n".join(lines)


def facility_surfaces(docs) -> set[str]:
    """Distinct FACILITY surfaces (exact strings) of ``docs``."""
    return {d.text[e.start:e.end] for d in docs for e in d.entities if e.label == "FACILITY"}


def unseen_share(docs, reference_docs) -> dict:
    """How many distinct FACILITY surfaces of ``docs`` the ``reference_docs`` never contain
    (the OOD set's measure of novelty against the training corpus)."""
    mine, seen = facility_surfaces(docs), facility_surfaces(reference_docs)
    unseen = mine - seen
    return {"facility_surfaces": len(mine), "unseen": len(unseen),
            "share": round(len(unseen) / len(mine), 3) if mine else 0.0}
