"""From network scores to entities and relations: Viterbi decoding under the BIO
constraints, spans cut at sentence boundaries, and prediction over prepared windows."""

from __future__ import annotations

import numpy as np
import torch

from ie.model.batching import Window, collate
from ie.model.crf import START_OK, transition_mask
from ie.model.network import PlanningModel
from ie.model.pairs import pair_candidates
from ie.schema import BIO_TAGS, ENTITY_LABELS

_TRANS = transition_mask()


def viterbi(logprobs: np.ndarray, crf_scores=None) -> list[int]:
    """Best tag sequence under the BIO constraints (plus learned CRF scores when given),
    so only valid spans can come out."""
    n, k = logprobs.shape
    if n == 0:
        return []
    neg = -1e9
    trans = np.where(_TRANS, 0.0, neg)
    start = np.where(START_OK, 0.0, neg)
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


def window_batches(windows: list[Window], batch_size: int, same_length: bool) -> list[list[int]]:
    """Window indices in batches of at most ``batch_size``, shortest windows first."""
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].input_ids))
    out: list[list[int]] = []
    for i in order:
        if out and len(out[-1]) < batch_size and (
                not same_length or len(windows[out[-1][0]].input_ids) == len(windows[i].input_ids)):
            out[-1].append(i)
        else:
            out.append([i])
    return out


@torch.no_grad()
def predict_windows(model: PlanningModel, windows: list[Window], batch_size: int = 16,
                    device: torch.device | str = "cpu", rel_threshold: float = 0.5,
                    same_length: bool = False) -> list[dict]:
    """Entities (owned words only, window word coordinates) and relations for each window.
    Windows are batched shortest first; with ``same_length`` a batch holds windows of one
    length only (no padding, for CPU inference where padded positions cost full price)."""
    model.eval()
    results: list[dict] = [None] * len(windows)  # type: ignore[list-item]
    for idx in window_batches(windows, batch_size, same_length):
        batch = collate([windows[i] for i in idx], False, device)
        h = model.word_states(batch)
        logp, crf_scores = model.decode_scores(model.tagger(h))
        pairs, owners = [], []
        per = []
        for bi, wi in enumerate(idx):
            w = windows[wi]
            owned = [j for j, o in enumerate(w.owned) if o]
            ents = []
            if owned:
                a, b = owned[0], owned[-1] + 1
                tags = viterbi(logp[bi, a:b], crf_scores)
                ents = split_at_sentences([(s + a, e + a, lab) for s, e, lab in tags_to_spans(tags)], w.sent)
            per.append(ents)
            for x, y in pair_candidates(ents, w.sent):
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
