"""A real :class:`PlanningModel` (CRF, relation head with its schema mask) around a stub
encoder, whose tags are chosen by the test: each word's tag id is read from the word's
first subword id through ``tag_of`` (subword id -> BIO tag id; others are O). The
relation head's last layer is zeroed and its bias set, so every relation class has a
fixed logit before the schema mask: pair probabilities are known in closed form."""

from __future__ import annotations

import math

import torch
from torch import nn

from ie.model.config import ModelConfig
from ie.model.network import PlanningModel
from ie.schema import RELATION_LABELS

# relation logits before the mask (class 0 = no relation stays 0)
REL_BIAS = {"LOCATED_IN": 5.0, "HAS_AREA": math.log(4), "HAS_INVESTMENT": 3.0, "HAS_VALUE": 2.0, "DATE_OF": 4.0}


def prob(label: str, *others: str) -> float:
    """Softmax probability of ``label`` among no-relation and the other allowed labels."""
    z = 1 + math.exp(REL_BIAS[label]) + sum(math.exp(REL_BIAS[o]) for o in others)
    return math.exp(REL_BIAS[label]) / z


class _Enc(nn.Module):
    class config:  # noqa: N801  (what PlanningModel reads from a transformers encoder)
        hidden_size = 4


class _OneHot(nn.Module):
    def __init__(self, n: int):
        super().__init__()
        self.n = n

    def forward(self, h):
        return nn.functional.one_hot(h[..., 0].long(), self.n).float() * 10


def stub_model(tag_of: dict[int, int]) -> PlanningModel:
    cfg = ModelConfig(hidden=8, rel_hidden=8, use_features=False, dropout=0.0)
    model = PlanningModel(cfg, _Enc()).eval()
    n_tags = model.tagger.out_features

    def word_states(batch):
        first_ids = torch.gather(batch.input_ids, 1, batch.word_first)
        tags = torch.tensor([[tag_of.get(int(i), 0) for i in row] for row in first_ids])
        h = torch.zeros(*tags.shape, cfg.hidden)
        h[..., 0] = tags.float()  # the stub tagger below turns it into a one-hot emission
        return h

    model.word_states = word_states
    model.tagger = _OneHot(n_tags)
    last = model.rel_mlp[-1]
    with torch.no_grad():
        last.weight.zero_()
        last.bias.copy_(torch.tensor([0.0] + [REL_BIAS[r] for r in RELATION_LABELS]))
    return model
