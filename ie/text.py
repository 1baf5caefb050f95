"""Text -> tokens and sentences, shared by the corpus tools, the model and the scorer.

Everything that turns text into tokens goes through :func:`make_nlp`, so gold spans,
training labels and predictions are all aligned to the same token boundaries. The
tokenizer and sentence splitter themselves are in :mod:`ie.components.tokenizer`
(found by spaCy through the package's entry points).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc


def make_nlp() -> Language:
    """A blank English pipeline with the project tokenizer and sentence splitter."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "ie.tokenizer.v1"}}})
    nlp.add_pipe("planning_sentencizer")
    return nlp


_NLP: Language | None = None


def shared_nlp() -> Language:
    """One process-wide tokenizer pipeline (cheap to reuse, costly to build)."""
    global _NLP
    if _NLP is None:
        _NLP = make_nlp()
    return _NLP


def tokenize(text: str) -> Doc:
    return shared_nlp()(text)
