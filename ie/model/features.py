"""Per-token features fed to the model next to the subword states.

The encoder is uncased (it lower-cases and strips accents), so capitalisation, digit
shape and membership in our name lists are given to the classifier explicitly.
"""

from __future__ import annotations

import re

from ie.gazetteer import (
    APPROXIMATORS,
    AREA_UNITS,
    BELOW_PROVINCE,
    CURRENCY_WORDS,
    FACILITY_NOUNS,
    MAGNITUDE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PROVINCE_TOKEN_SEQS,
    MAX_PROVINCE_WORDS,
    ROMAN,
    strip_diacritics,
)

CASE_CLASSES = ("pad", "lower", "title", "upper", "mixed", "digit", "punct", "other")
LEX_CLASSES = ("pad", "none", "facility_noun", "currency", "magnitude", "area_unit", "month", "number_word",
               "roman", "year", "number", "approximator", "province_word", "below_province", "currency_number")
GAZ_CLASSES = ("pad", "O", "B-PROV", "I-PROV")
RULE_CLASSES = ("pad", "O") + tuple(f"{p}-{lab}" for lab in ("PROVINCE", "FACILITY", "MONEY", "AREA", "DATE") for p in ("B", "I"))
N_CASE, N_LEX, N_GAZ, N_RULE = len(CASE_CLASSES), len(LEX_CLASSES), len(GAZ_CLASSES), len(RULE_CLASSES)

_APPROX_WORDS = {w for a in APPROXIMATORS for w in a.split()}
_YEAR = re.compile(r"^(19|20)\d\d$")
_NUM = re.compile(r"^[\d.,]*\d[\d.,]*$")
_CUR_NUM = re.compile(r"^(?:US\$|\$|VND|USD)\d")


def case_class(text: str) -> int:
    if any(c.isdigit() for c in text):
        return CASE_CLASSES.index("digit")
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return CASE_CLASSES.index("punct")
    if all(c.islower() for c in letters):
        return CASE_CLASSES.index("lower")
    if all(c.isupper() for c in letters):
        return CASE_CLASSES.index("upper") if len(letters) > 1 else CASE_CLASSES.index("title")
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return CASE_CLASSES.index("title")
    return CASE_CLASSES.index("mixed")


def lex_class(text: str) -> int:
    low = strip_diacritics(text).lower()
    if ROMAN.match(text):
        return LEX_CLASSES.index("roman")
    if _YEAR.match(text):
        return LEX_CLASSES.index("year")
    if _CUR_NUM.match(text):
        return LEX_CLASSES.index("currency_number")
    if _NUM.match(text):
        return LEX_CLASSES.index("number")
    for name, words in (("facility_noun", FACILITY_NOUNS), ("currency", CURRENCY_WORDS), ("magnitude", MAGNITUDE_WORDS),
                        ("area_unit", AREA_UNITS), ("month", MONTHS), ("number_word", NUMBER_WORDS),
                        ("below_province", BELOW_PROVINCE)):
        if low in words:
            return LEX_CLASSES.index(name)
    if low in {"province", "provincial", "provinces"}:
        return LEX_CLASSES.index("province_word")
    if low in _APPROX_WORDS:
        return LEX_CLASSES.index("approximator")
    return LEX_CLASSES.index("none")


def province_tags(words: list[str]) -> list[int]:
    """B/I tags of the longest gazetteer province names in a token sequence (dashes inside names skipped)."""
    keys = [strip_diacritics(w).lower() for w in words]
    out = [GAZ_CLASSES.index("O")] * len(words)
    i = 0
    dash = {"-", "–", "—"}
    while i < len(words):
        best = 0
        seq: list[str] = []
        j = i
        while j < len(words) and len(seq) < MAX_PROVINCE_WORDS:
            if keys[j] in dash and seq:
                j += 1
                continue
            seq.append(keys[j])
            j += 1
            if tuple(seq) in PROVINCE_TOKEN_SEQS:
                best = j - i
        if best:
            out[i] = GAZ_CLASSES.index("B-PROV")
            for k in range(i + 1, i + best):
                out[k] = GAZ_CLASSES.index("I-PROV")
            i += best
        else:
            i += 1
    return out


def token_features(words: list[str]) -> tuple[list[int], list[int], list[int]]:
    return [case_class(w) for w in words], [lex_class(w) for w in words], province_tags(words)


def rule_classes(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """What the rule grammars (ie.rules) say about each word, as B-/I-LABEL classes: a
    strong hint for amounts, areas and dates, which follow a closed grammar."""
    from ie.rules import rule_entities

    out = [RULE_CLASSES.index("O")] * len(starts)
    if not starts:
        return out
    import bisect

    for s, e, lab in rule_entities(text):
        i = bisect.bisect_left(starts, s)
        first = True
        while i < len(starts) and ends[i] <= e:
            out[i] = RULE_CLASSES.index(("B-" if first else "I-") + lab)
            first = False
            i += 1
    return out
