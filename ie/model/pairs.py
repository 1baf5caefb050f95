"""Which entity pairs may hold a relation, and the distance buckets of a pair."""

from __future__ import annotations

from functools import cache

import torch

from ie.schema import ENTITY_LABELS, RELATION_ARGS, RELATION_LABELS

DIST_BUCKETS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64)


def allowed_matrix() -> torch.Tensor:
    """[n_ent_labels, n_ent_labels, 1 + n_rel] mask of allowed relation classes (class 0 = none)."""
    m = torch.zeros(len(ENTITY_LABELS), len(ENTITY_LABELS), 1 + len(RELATION_LABELS), dtype=torch.bool)
    m[:, :, 0] = True
    for ri, r in enumerate(RELATION_LABELS):
        heads, tails = RELATION_ARGS[r]
        for h in heads:
            for t in tails:
                m[ENTITY_LABELS.index(h), ENTITY_LABELS.index(t), ri + 1] = True
    return m


def pair_candidates(ents, sent) -> list[tuple[int, int]]:
    """Ordered pairs (i, j) of entities in one sentence whose labels allow some relation."""
    allowed = _allowed_label_pairs()
    out = []
    for i, (s1, e1, l1) in enumerate(ents):
        for j, (s2, e2, l2) in enumerate(ents):
            if i != j and (l1, l2) in allowed and sent[s1] == sent[s2]:
                out.append((i, j))
    return out


@cache
def _allowed_label_pairs() -> frozenset[tuple[int, int]]:
    """(head label id, tail label id) pairs that allow some relation (made once, not per window)."""
    allowed = allowed_matrix()[:, :, 1:].any(-1)
    return frozenset((int(a), int(b)) for a, b in allowed.nonzero().tolist())


def dist_bucket(d: int) -> int:
    sign = 0 if d >= 0 else 1
    d = abs(d)
    b = next((k for k, lim in enumerate(DIST_BUCKETS) if d <= lim), len(DIST_BUCKETS))
    return sign * (len(DIST_BUCKETS) + 1) + b
