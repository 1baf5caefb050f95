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



def reference_document(doc: Doc, doc_id: str = "doc") -> Document:
    """A gold spaCy ``Doc`` as written by ``ie corpus convert --to docbin`` (entities in
    ``doc.ents``, relations in ``doc.user_data["relations"]`` as character offsets of both
    arguments and the label) -> :class:`ie.docs.Document`."""
    ents, ids = [], {}
    for i, sp in enumerate(doc.ents):
        ids[(sp.start_char, sp.end_char)] = f"T{i + 1}"
        ents.append(Entity(f"T{i + 1}", sp.start_char, sp.end_char, sp.label_))
    rels = []
    for hs, he, ts, te, lab in doc.user_data.get("relations", []):
        hid, tid = ids.get((hs, he)), ids.get((ts, te))
        if hid and tid:
            rels.append(Relation(hid, tid, lab))
    return Document(doc_id, doc.text, ents, rels)


def score_examples(examples) -> dict:
    """spaCy scores of predicted vs reference docs, computed by :mod:`ie.evaluation.scoring`
    (so ``spacy evaluate`` reports the strict figures of ``ie evaluate``): ``ents_p/r/f`` and
    ``ents_per_type``; relations as ``rel_micro_p/r/f`` and ``rel_per_type``, repeated as
    ``spans_rel_*`` so that ``spacy evaluate ... --spans-key rel`` prints them."""
    from ie.evaluation.scoring import score

    gold, pred = [], []
    for i, ex in enumerate(examples):
        gold.append(reference_document(ex.reference, f"doc{i}"))
        pred.append(doc_to_document(ex.predicted, f"doc{i}", with_norm=False))
    res = score(gold, pred, with_errors=False)
    out: dict = {}
    for key, table in (("ents", res["entities"]["strict"]), ("rel_micro", res["relations"]["strict"]),
                       ("spans_rel", res["relations"]["strict"])):
        m = table["micro"]
        out[f"{key}_p"], out[f"{key}_r"], out[f"{key}_f"] = m["precision"], m["recall"], m["f1"]
        per = {lab: {"p": v["precision"], "r": v["recall"], "f": v["f1"]} for lab, v in table["per_label"].items()}
        out["ents_per_type" if key == "ents" else f"{key.replace('_micro', '')}_per_type"] = per
    return out
