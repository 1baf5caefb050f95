"""Which entity pairs may hold a relation, and the distance buckets of a pair."""

from __future__ import annotations

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
    allowed = allowed_matrix()[:, :, 1:].any(-1)
    out = []
    for i, (s1, e1, l1) in enumerate(ents):
        for j, (s2, e2, l2) in enumerate(ents):
            if i != j and sent[s1] == sent[s2] and allowed[l1, l2]:
                out.append((i, j))
    return out


def dist_bucket(d: int) -> int:
    sign = 0 if d >= 0 else 1
    d = abs(d)
    b = next((k for k, lim in enumerate(DIST_BUCKETS) if d <= lim), len(DIST_BUCKETS))
    return sign * (len(DIST_BUCKETS) + 1) + b
