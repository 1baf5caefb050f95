"""The label schema of ../shared/ANNOTATION.md, defined once for the whole project."""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = ("PROVINCE", "FACILITY", "MONEY", "AREA", "DATE")

# relation label -> (allowed head labels, allowed tail labels)
RELATION_ARGS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "LOCATED_IN": (frozenset({"FACILITY"}), frozenset({"PROVINCE"})),
    "HAS_AREA": (frozenset({"FACILITY", "PROVINCE"}), frozenset({"AREA"})),
    "HAS_INVESTMENT": (frozenset({"FACILITY", "PROVINCE"}), frozenset({"MONEY"})),
    "HAS_VALUE": (frozenset({"FACILITY", "PROVINCE"}), frozenset({"MONEY"})),
    "DATE_OF": (frozenset({"MONEY", "AREA", "FACILITY"}), frozenset({"DATE"})),
}
RELATION_LABELS: tuple[str, ...] = tuple(RELATION_ARGS)

# BIO tags for token classification, in a fixed order.
BIO_TAGS: tuple[str, ...] = ("O",) + tuple(f"{p}-{lab}" for lab in ENTITY_LABELS for p in ("B", "I"))


# Word-feature classes the model is fed next to the subword states (ie.components.features);
# their counts size the network's feature embeddings (ie.model.config).
CASE_CLASSES = ("pad", "lower", "title", "upper", "mixed", "digit", "punct", "other")
LEX_CLASSES = ("pad", "none", "facility_noun", "currency", "magnitude", "area_unit", "month", "number_word",
               "roman", "year", "number", "approximator", "province_word", "below_province", "currency_number")
GAZ_CLASSES = ("pad", "O", "B-PROV", "I-PROV")
RULE_CLASSES = ("pad", "O") + tuple(f"{p}-{lab}" for lab in ENTITY_LABELS for p in ("B", "I"))


def relation_allowed(label: str, head_label: str, tail_label: str) -> bool:
    heads, tails = RELATION_ARGS[label]
    return head_label in heads and tail_label in tails
