"""The fine-tuning loop (AdamW, warm-up then linear decay, best epoch kept) and the
window-level dev score it selects epochs by."""

from __future__ import annotations

import math
import random
import time

import numpy as np
import torch
from torch import nn

from ie.model.batching import Window, collate
from ie.model.config import TrainConfig
from ie.model.decoding import predict_windows
from ie.model.network import PlanningModel


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def cpu_has_native_bf16() -> bool:
    """Whether this CPU computes bf16 matrix products natively (AVX512-BF16 or AMX), where
    bf16 autocast speeds training up; elsewhere it is emulated and slower than float32."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def amp_dtype(device: torch.device) -> torch.dtype | None:
    """The autocast dtype of the transformer layers in training (``TrainConfig.amp``):
    bf16 on CUDA and on CPUs with native bf16, else None (float32)."""
    if device.type == "cuda" or (device.type == "cpu" and cpu_has_native_bf16()):
        return torch.bfloat16
    return None


def train(model: PlanningModel, train_examples: list[Window], tcfg: TrainConfig, evaluate=None, progress=None,
          log=None, views: list[list[Window]] = ()) -> dict:
    """Fine-tune ``model`` on ``train_examples``; after each epoch call ``evaluate(model)`` (a
    dict with a "score" to maximise) and keep the best weights. Returns the training history.

    ``views``: perturbed copies of the training windows; epoch ``e`` trains on
    ``[train_examples, *views][(e - 1) % (1 + len(views))]``, so augmentation adds variety,
    not steps."""
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
    epoch_sets = [train_examples, *views]

    def epoch_examples(epoch: int) -> list[Window]:
        return epoch_sets[(epoch - 1) % len(epoch_sets)]

    total = sum(math.ceil(len(epoch_examples(e)) / tcfg.batch_size) for e in range(1, tcfg.epochs + 1))
    if tcfg.max_steps:
        total = min(total, tcfg.max_steps)
    warm = max(1, int(total * tcfg.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm))
    )
    amp = amp_dtype(device) if tcfg.amp else None
    rng = random.Random(tcfg.seed)
    history, best, best_state, step = [], -1.0, None, 0
    t0 = time.time()
    for epoch in range(1, tcfg.epochs + 1):
        model.train()
        examples = epoch_examples(epoch)
        order = list(range(len(examples)))
        rng.shuffle(order)
        # batches of similar length cut padding; shuffled batch order keeps training stochastic
        chunks = [order[i : i + tcfg.batch_size * 8] for i in range(0, len(order), tcfg.batch_size * 8)]
        batches = []
        for c in chunks:
            c = sorted(c, key=lambda i: len(examples[i].input_ids))
            batches += [c[i : i + tcfg.batch_size] for i in range(0, len(c), tcfg.batch_size)]
        rng.shuffle(batches)
        tot_loss = tot_n = 0.0
        for idx in batches:
            if tcfg.max_steps and step >= tcfg.max_steps:
                break
            batch = collate([examples[i] for i in idx], True, device)
            model.encoder_amp = amp
            try:
                out = model(batch)
            finally:
                model.encoder_amp = None
            ner_loss = model.ner_loss(out["tag_logits"], batch)
            rl = out["rel_logits"].float()
            rel_loss = nn.functional.cross_entropy(rl, batch.pair_labels) if rl.numel() else ner_loss.new_zeros(())
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
            "device": str(device), "encoder_amp": str(amp).removeprefix("torch.") if amp else "float32"}


def quick_eval(model: PlanningModel, examples: list[Window], batch_size: int = 32, device="cpu") -> dict:
    """Entity F1 (exact word spans + label) and end-to-end relation F1 over labelled windows,
    counted on owned words only. Needs no spaCy, so it also runs on a bare GPU machine."""
    preds = predict_windows(model, examples, batch_size, device)
    etp = efp = efn = rtp = rfp = rfn = 0
    for ex, pr in zip(examples, preds):
        own = ex.owned
        gold_e = [tuple(e) for e in ex.ents if own[e[0]]]
        gset = set(gold_e)
        pset = set(pr["ents"])
        etp += len(gset & pset)
        efp += len(pset - gset)
        efn += len(gset - pset)
        g_rel = {(tuple(ex.ents[h]), tuple(ex.ents[t]), r) for h, t, r in ex.rels if own[ex.ents[h][0]]}
        p_rel = {(pr["ents"][h], pr["ents"][t], r) for h, t, r, _ in pr["rels"]}
        rtp += len(g_rel & p_rel)
        rfp += len(p_rel - g_rel)
        rfn += len(g_rel - p_rel)

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    ent_f1, rel_f1 = f1(etp, efp, efn), f1(rtp, rfp, rfn)
    return {"dev_entity_f1": round(ent_f1, 4), "dev_relation_f1": round(rel_f1, 4),
            "score": round((ent_f1 + rel_f1) / 2, 4)}
