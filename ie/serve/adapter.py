"""The only two places where the server reaches into the rest of ``ie``: loading a
pipeline, and turning an annotated spaCy ``Doc`` into the shared JSON result. If either
moves, repoint it here and nothing else in ``ie.serve`` changes."""

from __future__ import annotations


def load_pipeline(name: str):
    """A trained pipeline directory, or ``"rules"`` for the rule-based extractor."""
    import ie

    return ie.load(name)


def doc_to_json(doc, doc_id: str) -> dict:
    """The shared-format result (entities with ``norm``, relations with ``score``)."""
    from ie.components.results import doc_to_result

    return doc_to_result(doc, doc_id)
