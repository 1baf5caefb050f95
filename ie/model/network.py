"""The joint network: encoder -> word states (plus case/lexical/gazetteer/rule
features) -> BIO tag scores (with an optional CRF) and a relation classifier over entity
pairs. Imports only torch and transformers (plus numpy), so training runs on a machine
without spaCy: data tensors in, weights out."""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

from ie.model.batching import Batch
from ie.model.config import ModelConfig
from ie.model.crf import CRF
from ie.model.pairs import DIST_BUCKETS, allowed_matrix, dist_bucket
from ie.schema import BIO_TAGS, ENTITY_LABELS, RELATION_LABELS


class PlanningModel(nn.Module):
    def __init__(self, cfg: ModelConfig, encoder: nn.Module):
        super().__init__()
        self.cfg = cfg
        self.encoder = encoder
        # training only: the transformer layers under this autocast dtype (the heads and
        # losses stay float32); None at inference and in the exported graph
        self.encoder_amp: torch.dtype | None = None
        hid = encoder.config.hidden_size
        fd = cfg.feat_dim if cfg.use_features else 0
        n_feats = 3 + (1 if cfg.use_features and cfg.rule_features else 0)
        if cfg.use_features:
            # case of each subword's word, added to the input embeddings (zero-initialised:
            # training starts from the pretrained encoder exactly)
            self.sub_case = nn.Embedding(cfg.n_case, hid)
            nn.init.zeros_(self.sub_case.weight)
            self.case_emb = nn.Embedding(cfg.n_case, fd)
            self.lex_emb = nn.Embedding(cfg.n_lex, fd)
            self.gaz_emb = nn.Embedding(cfg.n_gaz, fd)
            if cfg.rule_features:
                self.rule_emb = nn.Embedding(cfg.n_rule, fd)
        self.word_proj = nn.Sequential(nn.Linear(2 * hid + n_feats * fd, cfg.hidden), nn.GELU(), nn.Dropout(cfg.dropout))
        self.tagger = nn.Linear(cfg.hidden, len(BIO_TAGS))
        self.crf = CRF(len(BIO_TAGS)) if cfg.use_crf else None
        n_b = 2 * (len(DIST_BUCKETS) + 1)
        self.ent_type = nn.Embedding(len(ENTITY_LABELS), 32)
        self.dist_emb = nn.Embedding(n_b, 32)
        span_dim = 2 * cfg.hidden + 32
        self.rel_mlp = nn.Sequential(
            nn.Linear(2 * span_dim + cfg.hidden + 32, cfg.rel_hidden), nn.GELU(), nn.Dropout(cfg.dropout),
            nn.Linear(cfg.rel_hidden, 1 + len(RELATION_LABELS)),
        )
        self.register_buffer("allowed", allowed_matrix(), persistent=False)

    # -- encoder -> word states -------------------------------------------------------
    def word_states(self, batch: Batch) -> torch.Tensor:
        ids = batch.input_ids
        emb = self.encoder.get_input_embeddings()(ids)
        if self.cfg.use_features:
            emb = emb + self.sub_case(batch.sub_case)
        if self.encoder_amp is None:
            out = self.encoder(inputs_embeds=emb, attention_mask=batch.attention_mask).last_hidden_state
        else:
            with torch.autocast(ids.device.type, dtype=self.encoder_amp):
                out = self.encoder(inputs_embeds=emb, attention_mask=batch.attention_mask).last_hidden_state
            out = out.float()
        B, W = batch.word_first.shape
        first = torch.gather(out, 1, batch.word_first.unsqueeze(-1).expand(B, W, out.size(-1)))
        last = torch.gather(out, 1, batch.word_last.unsqueeze(-1).expand(B, W, out.size(-1)))
        parts = [first, last]
        if self.cfg.use_features:
            parts += [self.case_emb(batch.case), self.lex_emb(batch.lex), self.gaz_emb(batch.gaz)]
            if self.cfg.rule_features:
                parts.append(self.rule_emb(batch.rule))
        return self.word_proj(torch.cat(parts, -1))

    def relation_logits(self, h: torch.Tensor, pairs: torch.Tensor) -> torch.Tensor:
        """pairs: [P, 8] = (batch, h_first, h_last, h_label, t_first, t_last, t_label, unused)."""
        if pairs.numel() == 0:
            return h.new_zeros((0, 1 + len(RELATION_LABELS)))
        b = pairs[:, 0]
        hs, he, hl, ts, te, tl = (pairs[:, k] for k in range(1, 7))
        head = torch.cat([h[b, hs], h[b, he], self.ent_type(hl)], -1)
        tail = torch.cat([h[b, ts], h[b, te], self.ent_type(tl)], -1)
        # mean of the word states strictly between the two spans (zeros when adjacent)
        csum = torch.cat([h.new_zeros(h.size(0), 1, h.size(-1)), h.cumsum(1)], 1)
        lo = torch.minimum(he, te) + 1
        hi = torch.maximum(hs, ts)
        hi = torch.maximum(hi, lo)
        between = (csum[b, hi] - csum[b, lo]) / (hi - lo).clamp(min=1).unsqueeze(-1).to(h.dtype)
        d = ts - hs
        buckets = torch.tensor([dist_bucket(int(x)) for x in d.tolist()], device=h.device)
        feats = torch.cat([head, tail, between, self.dist_emb(buckets)], -1)
        logits = self.rel_mlp(feats)
        mask = self.allowed[hl, tl]
        return logits.masked_fill(~mask, -1e4)

    def ner_loss(self, tag_logits: torch.Tensor, batch: Batch) -> torch.Tensor:
        mask = batch.word_mask
        if self.crf is not None:
            return self.crf.nll(tag_logits, batch.tags, mask)
        return nn.functional.cross_entropy(tag_logits.float()[mask], batch.tags[mask])

    def decode_scores(self, tag_logits: torch.Tensor):
        """Emission scores and (transition, start, end) for Viterbi decoding."""
        if self.crf is not None:
            return tag_logits.float().cpu().numpy(), self.crf.numpy_scores()
        return torch.log_softmax(tag_logits.float(), -1).cpu().numpy(), None

    def forward(self, batch: Batch) -> dict:
        h = self.word_states(batch)
        out = {"tag_logits": self.tagger(h), "states": h}
        if batch.pairs is not None:
            out["rel_logits"] = self.relation_logits(h, batch.pairs)
        return out


def build_model(cfg: ModelConfig, encoder_path: str | Path, pretrained: bool = True) -> PlanningModel:
    from transformers import AutoConfig, AutoModel

    if pretrained:
        enc = AutoModel.from_pretrained(str(encoder_path), local_files_only=True)
    else:
        enc = AutoModel.from_config(AutoConfig.from_pretrained(str(encoder_path), local_files_only=True))
    return PlanningModel(cfg, truncate_layers(enc, cfg.encoder_layers))


def truncate_layers(encoder: nn.Module, n: int) -> nn.Module:
    """The encoder with only its first ``n`` transformer layers (``n`` = 0: unchanged).
    Dropping the top layers of a pretrained encoder before fine-tuning keeps most of
    what the lower ones learned and halves the cost at ``n`` = half the depth."""
    layers = encoder.encoder.layer
    if n < 0 or n > len(layers):
        raise ValueError(f"encoder_layers must be between 0 and {len(layers)}, not {n}")
    if n:
        encoder.encoder.layer = layers[:n]
        encoder.config.num_hidden_layers = n
    return encoder
