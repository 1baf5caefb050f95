"""Per-token features fed to the model next to the subword states.

The encoder is uncased (it lower-cases and strips accents), so capitalisation, digit
shape and membership in our name lists are given to the classifier explicitly.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ie import lexicon
from ie.gazetteer import MAX_PROVINCE_WORDS, PROVINCE_TOKEN_SEQS, strip_diacritics
from ie.schema import CASE_CLASSES, GAZ_CLASSES, LEX_CLASSES, RULE_CLASSES

_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)(?:-[A-Z])?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_NUM = re.compile(r"^[\d.,]*\d[\d.,]*$")
_CUR_NUM = re.compile(r"^(?:US\$|\$|VND|USD)\d")


@lru_cache(maxsize=1 << 16)  # words repeat: each distinct word is classed once
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


@cache
def _word_classes() -> tuple[tuple[str, frozenset[str]], ...]:
    """Lexical classes of whole words, checked in this order."""
    return (("facility_noun", lexicon.facility_type_words()), ("currency", lexicon.currency_words()),
            ("magnitude", lexicon.magnitude_feature_words()), ("area_unit", lexicon.area_unit_words()),
            ("month", frozenset(lexicon.months())), ("number_word", frozenset(lexicon.number_words())),
            ("below_province", lexicon.below_province_words()), ("province_word", lexicon.province_words()),
            ("approximator", lexicon.approximator_words()))


@lru_cache(maxsize=1 << 16)
def lex_class(text: str) -> int:
    low = _key(text)
    if _ROMAN.match(text):
        return LEX_CLASSES.index("roman")
    if _YEAR.match(text):
        return LEX_CLASSES.index("year")
    if _CUR_NUM.match(text):
        return LEX_CLASSES.index("currency_number")
    if _NUM.match(text):
        return LEX_CLASSES.index("number")
    for name, words in _word_classes():
        if low in words:
            return LEX_CLASSES.index(name)
    return LEX_CLASSES.index("none")


def province_tags(words: list[str]) -> list[int]:
    """B/I tags of the longest gazetteer province names in a token sequence (dashes inside names skipped)."""
    keys = [_key(w) for w in words]
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


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    return strip_diacritics(word).lower()


def token_features(words: list[str]) -> tuple[list[int], list[int], list[int]]:
    return [case_class(w) for w in words], [lex_class(w) for w in words], province_tags(words)


def rule_classes(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """What the rule grammars (ie.components.rules) say about each word, as B-/I-LABEL classes: a
    strong hint for amounts, areas and dates, which follow a closed grammar."""
    from ie.components.rules import rule_entities

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
