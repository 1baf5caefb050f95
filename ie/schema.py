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


def relation_allowed(label: str, head_label: str, tail_label: str) -> bool:
    heads, tails = RELATION_ARGS[label]
    return head_label in heads and tail_label in tails


def allowed_relations(head_label: str, tail_label: str) -> tuple[str, ...]:
    """Relation labels that may hold from an entity of ``head_label`` to one of ``tail_label``."""
    return tuple(r for r in RELATION_LABELS if relation_allowed(r, head_label, tail_label))


def candidate_pair(head_label: str, tail_label: str) -> bool:
    return bool(allowed_relations(head_label, tail_label))
