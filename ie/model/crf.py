"""BIO constraints and the linear-chain CRF over BIO tags."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from ie.schema import BIO_TAGS


def transition_mask() -> np.ndarray:
    """allowed[prev, cur]: I-X may only follow B-X or I-X."""
    n = len(BIO_TAGS)
    m = np.ones((n, n), dtype=bool)
    for cur, tag in enumerate(BIO_TAGS):
        if tag.startswith("I-"):
            lab = tag[2:]
            for prev, ptag in enumerate(BIO_TAGS):
                m[prev, cur] = ptag in (f"B-{lab}", f"I-{lab}")
    return m


START_OK = np.array([not t.startswith("I-") for t in BIO_TAGS])


class CRF(nn.Module):
    """Linear-chain CRF over BIO tags: learned transition/start/end scores, with the
    invalid transitions (O -> I-X, B-X -> I-Y) fixed at -inf, so decoding can only
    produce valid spans and learns that, e.g., two MONEY spans rarely touch."""

    NEG = -1e4

    def __init__(self, n_tags: int):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))
        self.register_buffer("allowed", torch.tensor(transition_mask()), persistent=False)
        self.register_buffer("start_ok", torch.tensor(START_OK), persistent=False)

    def scores(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return (self.trans.masked_fill(~self.allowed, self.NEG), self.start.masked_fill(~self.start_ok, self.NEG), self.end)

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Negative log-likelihood per word. emissions [B,W,K], tags [B,W], mask [B,W] (prefix mask)."""
        trans, start, end = self.scores()
        B, W, K = emissions.shape
        em = emissions.float()
        gold = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
        alpha = start.unsqueeze(0) + em[:, 0]
        for i in range(1, W):
            m = mask[:, i]
            step = trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(1, tags[:, i : i + 1]).squeeze(1)
            gold = gold + step * m
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, i]
            alpha = torch.where(m.unsqueeze(1), nxt, alpha)
        last = tags.gather(1, (mask.sum(1) - 1).clamp(min=0).unsqueeze(1)).squeeze(1)
        gold = gold + end[last]
        log_z = torch.logsumexp(alpha + end.unsqueeze(0), dim=1)
        return (log_z - gold).sum() / mask.sum().clamp(min=1)

    def numpy_scores(self):
        trans, start, end = self.scores()
        return trans.detach().float().cpu().numpy(), start.detach().float().cpu().numpy(), end.detach().float().cpu().numpy()
