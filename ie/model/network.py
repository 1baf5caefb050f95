"""The network, decoding and training loop. Imports only torch and transformers (plus
numpy), so the training core runs on a machine without spaCy: data tensors in, weights out.

Examples (one per encoder window) are plain dicts of lists, as written by ``ie.model.prep``:

    input_ids   [L]   subword ids, with [CLS] ... [SEP]
    sub_case    [L]   case class of the word each subword belongs to (0 for specials)
    word_first  [W]   position of each word's first subword
    word_last   [W]   position of each word's last subword
    case, lex, gaz [W] word features (ie.model.features)
    owned       [W]   1 for words this window predicts, 0 for context words
    tags        [W]   BIO tag ids (training only)
    sent        [W]   sentence index of each word
    ents        [E,3] (first word, last word, label id) of entities (gold in training)
    rels        [R,3] (head entity, tail entity, relation id)
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

# The schema module is plain Python (no spaCy), so the torch-only core shares it.
from ie.schema import BIO_TAGS, ENTITY_LABELS, RELATION_ARGS, RELATION_LABELS  # noqa: E402

DIST_BUCKETS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64)


@dataclass
class ModelConfig:
    encoder: str = "all-MiniLM-L6-v2"
    use_features: bool = True
    feat_dim: int = 32
    hidden: int = 256
    rel_hidden: int = 256
    dropout: float = 0.1
    n_case: int = 8
    n_lex: int = 15
    n_gaz: int = 4
    max_subwords: int = 128
    context_subwords: int = 12
    use_crf: bool = True
    rule_features: bool = False
    n_rule: int = 12

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class TrainConfig:
    epochs: int = 8
    batch_size: int = 16
    lr_encoder: float = 8e-5
    lr_head: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.06
    rel_loss_weight: float = 1.0
    seed: int = 13
    device: str = "auto"
    amp: bool = True
    threads: int = 0
    max_steps: int = 0  # >0 stops early (tests)
    freeze_embeddings: bool = True  # the 30k x 384 word-embedding matrix: costly to update on CPU, little gain
    extra: dict = field(default_factory=dict)


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
        self.register_buffer("allowed", torch.tensor(_transition_mask()), persistent=False)
        self.register_buffer("start_ok", torch.tensor(_START_OK), persistent=False)

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


class PlanningModel(nn.Module):
    def __init__(self, cfg: ModelConfig, encoder: nn.Module):
        super().__init__()
        self.cfg = cfg
        self.encoder = encoder
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
    def word_states(self, batch: dict) -> torch.Tensor:
        ids = batch["input_ids"]
        emb = self.encoder.get_input_embeddings()(ids)
        if self.cfg.use_features:
            emb = emb + self.sub_case(batch["sub_case"])
        out = self.encoder(inputs_embeds=emb, attention_mask=batch["attention_mask"]).last_hidden_state
        B, W = batch["word_first"].shape
        first = torch.gather(out, 1, batch["word_first"].unsqueeze(-1).expand(B, W, out.size(-1)))
        last = torch.gather(out, 1, batch["word_last"].unsqueeze(-1).expand(B, W, out.size(-1)))
        parts = [first, last]
        if self.cfg.use_features:
            parts += [self.case_emb(batch["case"]), self.lex_emb(batch["lex"]), self.gaz_emb(batch["gaz"])]
            if self.cfg.rule_features:
                parts.append(self.rule_emb(batch["rule"]))
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

    def ner_loss(self, tag_logits: torch.Tensor, batch: dict) -> torch.Tensor:
        mask = batch["word_mask"]
        if self.crf is not None:
            return self.crf.nll(tag_logits, batch["tags"], mask)
        return nn.functional.cross_entropy(tag_logits.float()[mask], batch["tags"][mask])

    def decode_scores(self, tag_logits: torch.Tensor):
        """Emission scores and (transition, start, end) for Viterbi decoding."""
        if self.crf is not None:
            return tag_logits.float().cpu().numpy(), self.crf.numpy_scores()
        return torch.log_softmax(tag_logits.float(), -1).cpu().numpy(), None

    def forward(self, batch: dict) -> dict:
        h = self.word_states(batch)
        out = {"tag_logits": self.tagger(h), "states": h}
        if "pairs" in batch:
            out["rel_logits"] = self.relation_logits(h, batch["pairs"])
        return out


# -- batching ------------------------------------------------------------------------------

def collate(examples: list[dict], with_labels: bool, device: torch.device | str = "cpu") -> dict:
    B = len(examples)
    L = max(len(e["input_ids"]) for e in examples)
    W = max(max(len(e["word_first"]), 1) for e in examples)
    t = lambda shape: torch.zeros(shape, dtype=torch.long)  # noqa: E731
    batch = {k: t((B, L)) for k in ("input_ids", "attention_mask", "sub_case")}
    for k in ("word_first", "word_last", "case", "lex", "gaz", "rule", "owned", "tags"):
        batch[k] = t((B, W))
    batch["word_mask"] = torch.zeros((B, W), dtype=torch.bool)
    pairs, pair_labels = [], []
    for i, e in enumerate(examples):
        n, w = len(e["input_ids"]), len(e["word_first"])
        batch["input_ids"][i, :n] = torch.tensor(e["input_ids"])
        batch["attention_mask"][i, :n] = 1
        batch["sub_case"][i, :n] = torch.tensor(e["sub_case"])
        if w:
            for k in ("word_first", "word_last", "case", "lex", "gaz", "owned"):
                batch[k][i, :w] = torch.tensor(e[k])
            if "rule" in e:
                batch["rule"][i, :w] = torch.tensor(e["rule"])
            batch["word_mask"][i, :w] = True
            if with_labels:
                batch["tags"][i, :w] = torch.tensor(e["tags"])
        if with_labels:
            ents = e["ents"]
            gold = {(h, tl): r for h, tl, r in e["rels"]}
            for a, bb in pair_candidates(ents, e["sent"]):
                (s1, e1, l1), (s2, e2, l2) = ents[a], ents[bb]
                if not (e["owned"][s1] or e["owned"][s2]):
                    continue
                pairs.append((i, s1, e1, l1, s2, e2, l2, 0))
                pair_labels.append(gold.get((a, bb), -1) + 1)
    if with_labels:
        batch["pairs"] = torch.tensor(pairs, dtype=torch.long).reshape(-1, 8)
        batch["pair_labels"] = torch.tensor(pair_labels, dtype=torch.long)
    return {k: v.to(device) for k, v in batch.items()}


# -- decoding ------------------------------------------------------------------------------

def _transition_mask() -> np.ndarray:
    """allowed[prev, cur]: I-X may only follow B-X or I-X."""
    n = len(BIO_TAGS)
    m = np.ones((n, n), dtype=bool)
    for cur, tag in enumerate(BIO_TAGS):
        if tag.startswith("I-"):
            lab = tag[2:]
            for prev, ptag in enumerate(BIO_TAGS):
                m[prev, cur] = ptag in (f"B-{lab}", f"I-{lab}")
    return m


_TRANS = _transition_mask()
_START_OK = np.array([not t.startswith("I-") for t in BIO_TAGS])


def viterbi(logprobs: np.ndarray, crf_scores=None) -> list[int]:
    """Best tag sequence under the BIO constraints (plus learned CRF scores when given),
    so only valid spans can come out."""
    n, k = logprobs.shape
    if n == 0:
        return []
    neg = -1e9
    trans = np.where(_TRANS, 0.0, neg)
    start = np.where(_START_OK, 0.0, neg)
    end = np.zeros(k)
    if crf_scores is not None:
        t, s0, e0 = crf_scores
        trans, start, end = trans + t, start + s0, e0
    score = start + logprobs[0]
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)
        score = cand.max(0) + logprobs[i]
    score = score + end
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def tags_to_spans(tags: list[int]) -> list[tuple[int, int, int]]:
    """(first word, last word, entity label id) from a valid BIO sequence."""
    spans, start, lab = [], None, None
    for i, t in enumerate(list(tags) + [0]):
        tag = BIO_TAGS[t]
        if tag == "O" or tag.startswith("B-"):
            if start is not None:
                spans.append((start, i - 1, ENTITY_LABELS.index(lab)))
                start = None
            if tag.startswith("B-"):
                start, lab = i, tag[2:]
    return spans


def split_at_sentences(spans: list[tuple[int, int, int]], sent: list[int]) -> list[tuple[int, int, int]]:
    """No entity crosses a sentence (or line) boundary: cut such spans into pieces."""
    out = []
    for s, e, lab in spans:
        start = s
        for i in range(s + 1, e + 1):
            if sent[i] != sent[i - 1]:
                out.append((start, i - 1, lab))
                start = i
        out.append((start, e, lab))
    return out


# -- loading / saving ---------------------------------------------------------------------

def build_model(cfg: ModelConfig, encoder_path: str | Path, pretrained: bool = True) -> PlanningModel:
    from transformers import AutoConfig, AutoModel

    if pretrained:
        enc = AutoModel.from_pretrained(str(encoder_path), local_files_only=True)
    else:
        enc = AutoModel.from_config(AutoConfig.from_pretrained(str(encoder_path), local_files_only=True))
    return PlanningModel(cfg, enc)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


# -- training ------------------------------------------------------------------------------

def train(model: PlanningModel, train_examples: list[dict], tcfg: TrainConfig, evaluate=None, progress=None,
          log=None) -> dict:
    """Fine-tune ``model`` on ``train_examples``; after each epoch call ``evaluate(model)`` (a
    dict with a "score" to maximise) and keep the best weights. Returns the training history."""
    seed_everything(tcfg.seed)
    device = pick_device(tcfg.device)
    if tcfg.threads:
        torch.set_num_threads(tcfg.threads)
    model.to(device)
    if tcfg.freeze_embeddings:
        model.encoder.get_input_embeddings().weight.requires_grad_(False)
    enc_params = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.") and p.requires_grad]
    opt = torch.optim.AdamW(
        [{"params": enc_params, "lr": tcfg.lr_encoder}, {"params": head_params, "lr": tcfg.lr_head}],
        weight_decay=tcfg.weight_decay,
    )
    steps_per_epoch = math.ceil(len(train_examples) / tcfg.batch_size)
    total = steps_per_epoch * tcfg.epochs
    if tcfg.max_steps:
        total = min(total, tcfg.max_steps)
    warm = max(1, int(total * tcfg.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm))
    )
    use_amp = tcfg.amp and device.type == "cuda"
    amp_dtype = torch.bfloat16
    rng = random.Random(tcfg.seed)
    history, best, best_state, step = [], -1.0, None, 0
    t0 = time.time()
    for epoch in range(1, tcfg.epochs + 1):
        model.train()
        order = list(range(len(train_examples)))
        rng.shuffle(order)
        # batches of similar length cut padding; shuffled batch order keeps training stochastic
        chunks = [order[i : i + tcfg.batch_size * 8] for i in range(0, len(order), tcfg.batch_size * 8)]
        batches = []
        for c in chunks:
            c = sorted(c, key=lambda i: len(train_examples[i]["input_ids"]))
            batches += [c[i : i + tcfg.batch_size] for i in range(0, len(c), tcfg.batch_size)]
        rng.shuffle(batches)
        tot_loss = tot_n = 0.0
        for idx in batches:
            if tcfg.max_steps and step >= tcfg.max_steps:
                break
            batch = collate([train_examples[i] for i in idx], True, device)
            with torch.autocast(device.type, dtype=amp_dtype, enabled=use_amp):
                out = model(batch)
                ner_loss = model.ner_loss(out["tag_logits"], batch)
                rl = out["rel_logits"].float()
                rel_loss = nn.functional.cross_entropy(rl, batch["pair_labels"]) if rl.numel() else ner_loss.new_zeros(())
                loss = ner_loss + tcfg.rel_loss_weight * rel_loss
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
            opt.step()
            sched.step()
            step += 1
            tot_loss += float(loss.detach())
            tot_n += 1
            if progress:
                progress(step, total, float(loss.detach()), epoch)
        rec = {"epoch": epoch, "step": step, "train_loss": round(tot_loss / max(tot_n, 1), 5),
               "elapsed_s": round(time.time() - t0, 1)}
        if evaluate is not None:
            model.eval()
            rec.update(evaluate(model))
            if rec.get("score", -1) > best:
                best = rec["score"]
                best_state = {k: v.detach().to("cpu").clone() for k, v in model.state_dict().items()}
                rec["best"] = True
        history.append(rec)
        if log:
            log(rec)
        if tcfg.max_steps and step >= tcfg.max_steps:
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    return {"history": history, "best_score": best, "steps": step, "seconds": round(time.time() - t0, 1),
            "device": str(device)}


def save_weights(model: PlanningModel, path: Path) -> None:
    torch.save({k: v.to("cpu") for k, v in model.state_dict().items()}, path)


def load_weights(model: PlanningModel, path: Path) -> None:
    model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))


def write_json(obj, path: Path) -> None:
    path.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8")


# -- inference on prepared windows -------------------------------------------------------

@torch.no_grad()
def predict_windows(model: PlanningModel, windows: list[dict], batch_size: int = 16,
                    device: torch.device | str = "cpu", rel_threshold: float = 0.5) -> list[dict]:
    """Entities (owned words only, window word coordinates) and relations for each window."""
    model.eval()
    results: list[dict] = [None] * len(windows)  # type: ignore[list-item]
    order = sorted(range(len(windows)), key=lambda i: len(windows[i]["input_ids"]))
    for k in range(0, len(order), batch_size):
        idx = order[k : k + batch_size]
        batch = collate([windows[i] for i in idx], False, device)
        h = model.word_states(batch)
        logp, crf_scores = model.decode_scores(model.tagger(h))
        pairs, owners = [], []
        per = []
        for bi, wi in enumerate(idx):
            w = windows[wi]
            owned = [j for j, o in enumerate(w["owned"]) if o]
            ents = []
            if owned:
                a, b = owned[0], owned[-1] + 1
                tags = viterbi(logp[bi, a:b], crf_scores)
                ents = split_at_sentences([(s + a, e + a, lab) for s, e, lab in tags_to_spans(tags)], w["sent"])
            per.append(ents)
            for x, y in pair_candidates(ents, w["sent"]):
                (s1, e1, l1), (s2, e2, l2) = ents[x], ents[y]
                pairs.append((bi, s1, e1, l1, s2, e2, l2, 0))
                owners.append((bi, x, y))
        rels: list[list] = [[] for _ in idx]
        if pairs:
            logits = model.relation_logits(h, torch.tensor(pairs, dtype=torch.long, device=h.device)).float()
            probs = torch.softmax(logits, -1).cpu().numpy()
            for (bi, x, y), p in zip(owners, probs):
                c = int(p.argmax())
                if c > 0 and p[c] >= rel_threshold:
                    rels[bi].append((x, y, c - 1, float(p[c])))
        for bi, wi in enumerate(idx):
            results[wi] = {"ents": per[bi], "rels": rels[bi]}
    return results


def quick_eval(model: PlanningModel, examples: list[dict], batch_size: int = 32, device="cpu") -> dict:
    """Entity F1 (exact word spans + label) and end-to-end relation F1 over labelled windows,
    counted on owned words only. Needs no spaCy, so it also runs on a bare GPU machine."""
    preds = predict_windows(model, examples, batch_size, device)
    etp = efp = efn = rtp = rfp = rfn = 0
    for ex, pr in zip(examples, preds):
        own = ex["owned"]
        gold_e = [tuple(e) for e in ex["ents"] if own[e[0]]]
        gset = set(gold_e)
        pset = set(pr["ents"])
        etp += len(gset & pset)
        efp += len(pset - gset)
        efn += len(gset - pset)
        g_rel = {(tuple(ex["ents"][h]), tuple(ex["ents"][t]), r) for h, t, r in ex["rels"] if own[ex["ents"][h][0]]}
        p_rel = {(pr["ents"][h], pr["ents"][t], r) for h, t, r, _ in pr["rels"]}
        rtp += len(g_rel & p_rel)
        rfp += len(p_rel - g_rel)
        rfn += len(g_rel - p_rel)

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    ent_f1, rel_f1 = f1(etp, efp, efn), f1(rtp, rfp, rfn)
    return {"dev_entity_f1": round(ent_f1, 4), "dev_relation_f1": round(rel_f1, 4),
            "score": round((ent_f1 + rel_f1) / 2, 4)}
