"""The ``planning_normalizer`` component: ``span._.norm`` (or ``span._.norm_error`` with
the reason) for every entity, from :func:`ie.normalize.normalize`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ie.components.extensions import install_extensions
from ie.normalize import NormError, normalize


def normalize_doc(doc: Doc) -> Doc:
    """Attach ``span._.norm`` (or ``span._.norm_error`` with the reason) to every entity."""
    text = doc.text  # built once: Doc.text joins every token on each access
    for ent in doc.ents:
        left = text[max(0, ent.start_char - 30) : ent.start_char]
        try:
            ent._.norm = normalize(ent.label_, ent.text, left)
        except NormError as exc:
            ent._.norm = None
            ent._.norm_error = str(exc)
        except Exception as exc:  # a normalizer bug must not cost the document: report it on the span
            ent._.norm = None
            ent._.norm_error = f"normalizer failed: {type(exc).__name__}: {exc}"[:300]
    return doc


@Language.factory("planning_normalizer")
def planning_normalizer(nlp: Language, name: str):
    install_extensions()
    return normalize_doc
