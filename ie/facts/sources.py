"""The one place where the facts store reads the project's vocabularies and text tools.

- provinces: :func:`ie.gazetteer.lookup_province` (canonical pre-2025 unit, post-merger unit);
- named facilities: :func:`ie.lexicon.facility_names` (``ie/lexicon/facilities/*.tsv``) when
  that module exists; without it the store works from the articles alone;
- sentences: :func:`ie.text.tokenize` (the project's sentence splitter), so provenance
  sentences are the ones the extractor and the guideline use.

Other modules of ``ie.facts`` go through these functions only, so a move of the
vocabularies changes this file and nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache


def fold(s: str) -> str:
    """Lower case, no diacritics (đ -> d), dashes and runs of spaces as one space."""
    s = s.replace("Đ", "D").replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return re.sub(r"[\s\-–—]+", " ", s.lower()).strip()


@cache
def province(surface: str) -> tuple[str, str, str] | None:
    """(canonical pre-2025 name, name with diacritics, post-merger unit) of a province
    surface form, or None when the name is unknown."""
    from ie.gazetteer import lookup_province

    found = lookup_province(surface)
    if not found:
        return None
    return found["name"], found.get("name_vi") or found["name"], found["province_2025"]


def province_from_norm(norm: dict | None, surface: str) -> tuple[str, str, str] | None:
    """Province of a PROVINCE mention: the normalizer's value when the result carries one
    (checked against the gazetteer), else a lookup of the surface form."""
    if norm and norm.get("name"):
        known = province(norm["name"])
        if known:
            post = norm.get("province_2025") or known[2]
            return known[0], norm.get("name_vi") or known[1], post
    return province(surface)


@cache
def facility_lexicon() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(name, type, province, aliases) of every named facility the project lists; empty when
    the facility lexicon is not there."""
    try:
        from ie.lexicon import facility_names
    except ImportError:
        return ()
    try:
        rows = facility_names()
    except FileNotFoundError:
        return ()
    return tuple((f.name, f.type, f.province, tuple(f.aliases)) for f in rows)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of ``text``."""
    from ie.text import tokenize

    return [(s.start_char, s.end_char) for s in tokenize(text).sents]
