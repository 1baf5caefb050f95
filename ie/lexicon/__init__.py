"""The vocabulary of the system, stored as data next to this module and read here only.

- ``provinces.tsv``: the 63 province-level units before the 1 July 2025 merger, their
  Vietnamese names and the unit each belongs to after it;
- ``province_variants.tsv``: other surface forms of those names (``kind`` = ``variant``
  for forms written in text, ``lookup_only`` for forms only recognised);
- ``words.json``: facility type words, units, currencies, magnitudes, number words,
  months, approximators and the punctuation that may not open or close a span;
- ``facilities/*.tsv``: named facilities (``name``, ``type``, ``province``, ``aliases``
  separated by ``|``).
- ``augment_rosters.json``: what the training augmenter writes sentences from (facility
  kinds with their type nouns, facilities by province, districts, regions, companies, people).

Every function is cached: the files are read once per process. Nothing here imports
spaCy or torch.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent


def data_files(root: Path | None = None) -> list[Path]:
    """Every data file of the lexicon (default: this package's folder), which a cache of
    model inputs must depend on."""
    root = Path(root or LEXICON_DIR)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".tsv", ".json"))


def _tsv(name: str) -> list[dict[str, str]]:
    with open(LEXICON_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@cache
def _words() -> dict:
    return json.loads((LEXICON_DIR / "words.json").read_text(encoding="utf-8"))


# -- provinces --------------------------------------------------------------------------
@cache
def provinces() -> dict[str, tuple[str, str]]:
    """Canonical pre-merger name (63) -> (name with diacritics, post-merger unit)."""
    return {r["name"]: (r["name_vi"], r["province_2025"]) for r in _tsv("provinces.tsv")}


@cache
def province_variants(include_lookup_only: bool = False) -> dict[str, str]:
    """Other surface forms -> canonical pre-merger name, in file order."""
    return {r["form"]: r["name"] for r in _tsv("province_variants.tsv")
            if include_lookup_only or r["kind"] == "variant"}


@cache
def city_forms_before_city() -> frozenset[str]:
    """Province forms (lower case, no diacritics) that stay a province name before "city"."""
    return frozenset(_words()["city_forms_before_city"])


# -- facilities -------------------------------------------------------------------------
@dataclass(frozen=True)
class Facility:
    name: str
    type: str
    province: str
    aliases: tuple[str, ...]


@cache
def facility_names(root: Path = LEXICON_DIR) -> tuple[Facility, ...]:
    """Named facilities from every ``facilities/*.tsv`` under ``root`` (files in name order,
    rows in file order; rows without a name are skipped)."""
    out = []
    for path in sorted((Path(root) / "facilities").glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                name = (row.get("name") or "").strip()
                if not name:
                    continue
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                out.append(Facility(name, (row.get("type") or "").strip(), (row.get("province") or "").strip(), aliases))
    return tuple(out)


@cache
def facility_type_words() -> frozenset[str]:
    """Lower-case single words that name a kind of facility (park, port, ip...)."""
    return frozenset(_words()["facility_type_words"])


@cache
def facility_type_names() -> tuple[str, ...]:
    """Written facility type names that close a facility name (in the rule grammar's order)."""
    return tuple(_words()["facility_type_names"])


@cache
def facility_type_groups() -> tuple[tuple[str, ...], ...]:
    """Interchangeable facility type phrases (singular and plural forms in separate groups),
    for the training-time type-word substitution of :mod:`ie.corpus.perturb`."""
    return tuple(tuple(g) for g in _words()["facility_type_groups"])


@cache
def counted_group_heads() -> tuple[str, ...]:
    """Lower-case facility nouns (and Vietnamese type phrases) a counted group may end
    with (GUIDELINES D23: number + modifiers + facility noun), longest first."""
    return tuple(sorted(_words()["counted_group_heads"], key=len, reverse=True))


@cache
def leading_determiners() -> frozenset[str]:
    """Lower-case words that never open a facility span ("the", "these", "its"...;
    GUIDELINES D1 and D23): trimmed from the front of predicted FACILITY spans."""
    return frozenset(_words()["leading_determiners"])


@cache
def province_words() -> frozenset[str]:
    return frozenset(_words()["province_words"])


@cache
def below_province_words() -> frozenset[str]:
    return frozenset(_words()["below_province_words"])


# -- numbers, units, money ---------------------------------------------------------------
@cache
def months() -> dict[str, int]:
    """Month names and their three-letter (and other) abbreviations, lower case -> 1..12."""
    names = _words()["months"]
    out = {m: i + 1 for i, m in enumerate(names)}
    out.update({m[:3]: i + 1 for i, m in enumerate(names)})
    out.update(_words()["month_abbreviations"])
    return out


@cache
def month_names() -> tuple[str, ...]:
    """Full month names, capitalised, January first."""
    return tuple(m.capitalize() for m in _words()["months"])


@cache
def number_words(in_amounts: bool = False) -> dict[str, float]:
    """Spelled-out numbers -> value; ``in_amounts`` adds words that count only inside an
    amount ("a", "an", "half")."""
    out = dict(_words()["number_words"])
    if in_amounts:
        out.update(_words()["number_words_in_amounts_only"])
    return out


@cache
def magnitudes() -> dict[str, int]:
    """Magnitude words and abbreviations -> factor (million -> 10**6)."""
    return dict(_words()["magnitudes"])


@cache
def magnitude_feature_words() -> frozenset[str]:
    """The magnitude words the model's lexical feature marks (a subset of :func:`magnitudes`)."""
    return frozenset(_words()["magnitude_feature_words"])


@cache
def currencies() -> tuple[tuple[str, str], ...]:
    """(regular expression of the written forms, ISO code), longest forms first."""
    return tuple((c["pattern"], c["code"]) for c in _words()["currencies"])


@cache
def currency_words() -> frozenset[str]:
    """Single-token currency words the model's lexical feature marks."""
    return frozenset(w for c in _words()["currencies"] for w in c["feature_words"])


@cache
def area_units() -> tuple[tuple[str, Decimal], ...]:
    """(regular expression of the unit, hectares per unit), larger units first."""
    return tuple((u["pattern"], Decimal(u["hectares"])) for u in _words()["area_units"])


@cache
def area_unit_words() -> frozenset[str]:
    """Single-token area-unit words the model's lexical feature marks."""
    return frozenset(w for u in _words()["area_units"] for w in u["feature_words"])


@cache
def approximators() -> tuple[tuple[str, str], ...]:
    """(words as written, normalized approximator), in matching order."""
    return tuple((said, norm) for said, norm in _words()["approximators"])


@cache
def approximator_words() -> frozenset[str]:
    return frozenset(w for said, _ in approximators() for w in said.split())


@cache
def rule_grammar() -> dict[str, tuple[str, ...]]:
    """Word lists of the rule baseline's grammars (``spelled_amounts``, ``spelled_counts_extra``,
    ``written_magnitudes``, ``counted_group_modifiers``, ``counted_group_nouns``,
    ``facility_name_modifiers``), each in the order the grammar tries them."""
    return {k: tuple(v) for k, v in _words()["rule_grammar"].items() if not k.startswith("_")}


# -- punctuation -------------------------------------------------------------------------
@cache
def edge_punctuation() -> dict[str, frozenset[str]]:
    """Characters a span may not start or end with: ``trimmed_from_predicted_spans`` (whole
    punctuation tokens dropped from predicted spans), ``never_at_either_edge``,
    ``never_first``, ``never_last`` (what the corpus validator reports)."""
    return {k: frozenset(v) for k, v in _words()["edge_punctuation"].items()}


# -- augmenter rosters -------------------------------------------------------------------
@cache
def augment_rosters() -> dict:
    """The names the training augmenter (``training/augment``) writes from, in drawing order:
    facility kinds and their type nouns, facilities by province, districts, regions, companies,
    people... (``augment_rosters.json``). Callers must not modify the result."""
    return json.loads((LEXICON_DIR / "augment_rosters.json").read_text(encoding="utf-8"))
