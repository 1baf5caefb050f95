"""Province names the system knows (before and after the 1 July 2025 merger), read from
:mod:`ie.lexicon`, and lookups over them.

Used by the model's input features, the normalizer and the rule-based extractor.
"""

from __future__ import annotations

import re
import unicodedata

from ie import lexicon

# canonical pre-merger name (63) -> (name with diacritics, post-merger unit)
PROVINCES_2024: dict[str, tuple[str, str]] = lexicon.provinces()

# The 34 units after 1 July 2025 (28 provinces and 6 centrally-run cities).
PROVINCES_2025: tuple[str, ...] = tuple(sorted({post for _, post in PROVINCES_2024.values()} | {"Hue"}))

# Extra surface forms written in text -> canonical name (pre-merger canonical)
VARIANTS: dict[str, str] = lexicon.province_variants()


def strip_diacritics(s: str) -> str:
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _key(s: str) -> str:
    s = strip_diacritics(s).lower()
    s = re.sub(r"[\s\-–—]+", " ", s).strip()
    return s


def _build_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    for canon, (dia, _post) in PROVINCES_2024.items():
        for form in (canon, dia):
            idx[_key(form)] = canon
    for form, canon in lexicon.province_variants(include_lookup_only=True).items():
        idx[_key(form)] = canon
    return idx


PROVINCE_INDEX: dict[str, str] = _build_index()
# word sequences (lower-cased, without diacritics) that name a province, for token features
PROVINCE_TOKEN_SEQS: set[tuple[str, ...]] = {tuple(k.split()) for k in PROVINCE_INDEX}
MAX_PROVINCE_WORDS = max(len(s) for s in PROVINCE_TOKEN_SEQS)


def lookup_province(surface: str) -> dict | None:
    """Canonical name of a province surface form, and its unit after the 2025 merger."""
    key = _key(surface)
    key = re.sub(r"^(the )?(province of|city of) ", "", key)
    key = re.sub(r"'s$", "", key)
    canon = PROVINCE_INDEX.get(key)
    if canon is None and key.endswith(" city") and key != "ho chi minh city":
        canon = PROVINCE_INDEX.get(key[: -len(" city")])
    if canon is None:
        return None
    dia, post = PROVINCES_2024[canon]
    if canon == "Thua Thien Hue":
        post = "Hue"
    return {"name": canon, "name_vi": dia, "province_2025": post}
