"""Confidence intervals and significance by resampling documents.

Test sets here are small (five seed articles, a few dozen dev and OOD documents), so a
micro F1 alone cannot tell a change from noise. Both functions resample *documents* with
replacement (errors within an article are correlated, so documents are the unit):

- :func:`bootstrap_ci`: percentile 95 % interval of micro F1 for one system;
- :func:`paired_bootstrap`: the same resamples applied to two systems scored on the same
  gold; the p-value is the two-sided share of resamples whose F1 difference has the
  opposite sign of the observed one (or is zero), doubled (Koehn 2004; Efron & Tibshirani).
"""

from __future__ import annotations

import random
from typing import Sequence

from ie.evaluation.prf import PRF

# per-document (tp, fp, fn) triples, one per gold document, in gold order
Counts = Sequence[tuple[int, int, int]]

N_RESAMPLES = 1000
SEED = 13


def micro_f1(counts: Counts, index: Sequence[int] | None = None) -> float:
    idx = range(len(counts)) if index is None else index
    return PRF(sum(counts[i][0] for i in idx), sum(counts[i][1] for i in idx), sum(counts[i][2] for i in idx)).f1


def _resamples(n: int, n_resamples: int, seed: int):
    rng = random.Random(seed)
    for _ in range(n_resamples):
        yield [rng.randrange(n) for _ in range(n)]


def bootstrap_ci(counts: Counts, n_resamples: int = N_RESAMPLES, seed: int = SEED, level: float = 0.95) -> dict:
    """Micro F1 with its percentile bootstrap interval over documents."""
    if not counts:
        return {"f1": 0.0, "low": 0.0, "high": 0.0, "n_docs": 0, "n_resamples": 0}
    stats = sorted(micro_f1(counts, idx) for idx in _resamples(len(counts), n_resamples, seed))
    lo = stats[int((1 - level) / 2 * n_resamples)]
    hi = stats[min(n_resamples - 1, int((1 + level) / 2 * n_resamples))]
    return {"f1": round(micro_f1(counts), 4), "low": round(lo, 4), "high": round(hi, 4),
            "n_docs": len(counts), "n_resamples": n_resamples, "level": level}


def paired_bootstrap(a: Counts, b: Counts, n_resamples: int = N_RESAMPLES, seed: int = SEED) -> dict:
    """Is system ``a`` different from ``b``? Both count lists follow the same gold documents."""
    if len(a) != len(b):
        raise ValueError("paired bootstrap needs both systems scored on the same documents")
    observed = micro_f1(a) - micro_f1(b)
    if not a:
        return {"delta": 0.0, "p_value": 1.0, "n_resamples": 0}
    opposite = 0
    for idx in _resamples(len(a), n_resamples, seed):
        d = micro_f1(a, idx) - micro_f1(b, idx)
        if (d <= 0 if observed > 0 else d >= 0):
            opposite += 1
    p = min(1.0, 2 * opposite / n_resamples) if observed else 1.0
    return {"delta": round(observed, 4), "p_value": round(p, 4), "n_resamples": n_resamples}
