"""A processed spaCy ``Doc`` -> the shared result format (:class:`ie.docs.Document`;
``.to_json()`` gives the JSON dict every output writes)."""

from __future__ import annotations

from spacy.tokens import Doc

from ie.components.extensions import install_extensions
from ie.docs import Document, Entity, Relation


def doc_to_document(doc: Doc, doc_id: str, with_norm: bool = True) -> Document:
    install_extensions()
    ents, ids = [], {}
    for i, sp in enumerate(doc.ents):
        eid = f"T{i + 1}"
        ids[(sp.start_char, sp.end_char)] = eid
        extra = {}
        if with_norm:
            extra = {"norm": sp._.norm} if sp._.norm is not None else {"norm": None, "norm_error": sp._.norm_error}
        ents.append(Entity(eid, sp.start_char, sp.end_char, sp.label_, None, extra))
    rels = []
    for h, t, lab, score in doc._.relations:
        hid, tid = ids.get((h.start_char, h.end_char)), ids.get((t.start_char, t.end_char))
        if hid and tid:
            rels.append(Relation(hid, tid, lab, score))
    return Document(doc_id, doc.text, ents, rels)


def doc_to_result(doc: Doc, doc_id: str, with_norm: bool = True) -> dict:
    """The JSON-ready result dict of one processed document."""
    return doc_to_document(doc, doc_id, with_norm).to_json()

