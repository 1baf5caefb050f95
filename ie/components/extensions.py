"""The custom attributes our components write, installed in one place (as
spacy-transformers does): ``Doc._.relations`` and ``Span._.norm`` / ``Span._.norm_error``.

Components call :func:`install_extensions` when they are built; importing a module
installs nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

REL_KEY = "planning_ie.relations"


def _get_relations(doc: Doc) -> list:
    """(head Span, tail Span, label, score) tuples, built from the serializable form."""
    return [(doc[hs:he], doc[ts:te], lab, score) for hs, he, ts, te, lab, score in doc.user_data.get(REL_KEY, [])]


def _set_relations(doc: Doc, rels) -> None:
    # stored as token offsets so Doc.to_bytes (DocBin, nlp.pipe(n_process>1)) can carry them
    doc.user_data[REL_KEY] = [(h.start, h.end, t.start, t.end, lab, float(score)) for h, t, lab, score in (rels or [])]


def install_extensions() -> None:
    """Install the attributes if they are not there yet (safe to call any number of times)."""
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", getter=_get_relations, setter=_set_relations)
    for ext in ("norm", "norm_error"):
        if not Span.has_extension(ext):
            Span.set_extension(ext, default=None)
