"""K-fold cross-validation by document over a gold set: for each fold, train on the
training corpus plus the other K-1 gold folds, test on the held-out fold; report the
mean and spread of F1 per label. (The default model is never trained on the seeds;
cross-validation models live in their own folder.)"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from ie.docs import Document, write_jsonl
from ie.schema import ENTITY_LABELS, RELATION_LABELS
from ie.evaluation.scoring import PRF, score


def cross_validate(gold: list[Document], k: int, config: Path, out_dir: Path, max_steps: int = 0,
                   epochs: int = 0, work_dir: Path | None = None, reuse: bool = False) -> dict:
    """Writes ``cv.json`` into ``out_dir``; the fold models (large) go to ``work_dir``
    (default: ``out_dir``), e.g. the git-ignored ``models/cv``. With ``reuse``, a fold
    whose model was already trained on the same documents and settings is only re-scored."""
    from ie.evaluation.predict import predict_documents
    from ie.training import load_config, train_pipeline

    if not 2 <= k <= len(gold):
        raise ValueError(f"--cv needs 2 <= K <= number of gold documents ({len(gold)}), got {k}")
    base = load_config(config)
    folds = [gold[i::k] for i in range(k)]
    per_fold = []
    for i, test in enumerate(folds):
        fdir = (work_dir or out_dir) / f"fold{i + 1}"
        fdir.mkdir(parents=True, exist_ok=True)
        extra = [d for j, f in enumerate(folds) if j != i for d in f]
        overrides = {"data": {"train": list(base["data"].get("train", [])) + [str((fdir / "gold_train.jsonl").resolve())]},
                     "training": {}}
        if max_steps:
            overrides["training"]["max_steps"] = max_steps
        if epochs:
            overrides["training"]["epochs"] = epochs
        stamp = json.dumps({"config": base, "overrides": overrides, "train_ids": [d.id for d in extra]}, sort_keys=True)
        trained = (fdir / "model" / "config.cfg").exists() and (fdir / "stamp.json").exists() \
            and (fdir / "stamp.json").read_text(encoding="utf-8") == stamp
        if not (reuse and trained):
            write_jsonl(extra, fdir / "gold_train.jsonl")
            train_pipeline(config, fdir / "model", overrides=overrides, show_progress=False)
            (fdir / "stamp.json").write_text(stamp, encoding="utf-8")
        r = score(test, predict_documents(str(fdir / "model"), test), with_errors=False)
        ents, rels = r["entities"]["strict"], r["relations"]["strict"]
        per_fold.append({"fold": i + 1, "test_documents": [d.id for d in test], "reused_model": reuse and trained,
                         "entities": _counts(ents, ENTITY_LABELS), "relations": _counts(rels, RELATION_LABELS)})

    result = {"k": k, "config": str(config), "epochs": epochs or base["training"].get("epochs"),
              "max_steps": max_steps or None, "folds": per_fold,
              "entity_f1": _aggregate(per_fold, "entities"), "relation_f1": _aggregate(per_fold, "relations")}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "cv.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def _f1(tp: int, fp: int, fn: int) -> float | None:
    """F1 as the scorer computes it, or None where a fold has neither gold nor predicted
    spans of a label (F1 undefined)."""
    return round(PRF(tp, fp, fn).f1, 4) if tp + fp + fn else None


def _counts(table: dict, labels) -> dict:
    out = {}
    for key in list(labels) + ["micro"]:
        c = table["micro"] if key == "micro" else table["per_label"][key]
        out[key] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "f1": _f1(c["tp"], c["fp"], c["fn"])}
    return out


def _aggregate(per_fold: list[dict], kind: str) -> dict:
    """Per label: mean and spread of F1 over the folds where it is defined, and the F1 of
    the counts pooled over all folds (the steadier figure when folds are small)."""
    out = {}
    for key in per_fold[0][kind]:
        vals = [f[kind][key]["f1"] for f in per_fold if f[kind][key]["f1"] is not None]
        tp, fp, fn = (sum(f[kind][key][c] for f in per_fold) for c in ("tp", "fp", "fn"))
        out[key] = {"mean": round(statistics.mean(vals), 4) if vals else None,
                    "stdev": round(statistics.pstdev(vals), 4) if vals else None,
                    "folds": len(vals), "pooled": _f1(tp, fp, fn), "support": tp + fn}
    return out


def format_cv(res: dict, command: str | None = None) -> str:
    def num(x):
        return "n/a" if x is None else f"{x:.3f}"

    lines = [f"# {res['k']}-fold cross-validation (strict F1)", ""]
    if command:
        lines += [f"Command: `{command}`  "]
    lines += [f"Training: {res.get('config')} plus the other folds, {res.get('epochs')} epochs per fold"
              + (f", at most {res['max_steps']} steps" if res.get("max_steps") else ""), "",
              "Mean and spread are over the folds where the label occurs (in the gold or the output); "
              "pooled F1 sums TP/FP/FN over all folds.", ""]
    for kind, title in (("entity_f1", "Entities"), ("relation_f1", "Relations")):
        lines += [f"## {title}", "", "| label | pooled F1 | mean F1 | stdev | folds | gold |", "|---|---|---|---|---|---|"]
        lines += [f"| {key} | {num(v['pooled'])} | {num(v['mean'])} | {num(v['stdev'])} | {v['folds']} | {v['support']} |"
                  for key, v in res[kind].items()]
        lines.append("")
    lines += ["## Folds", "", "| fold | test documents | entity micro F1 | relation micro F1 | relations TP/FP/FN |",
              "|---|---|---|---|---|"]
    for f in res["folds"]:
        rm = f["relations"]["micro"]
        lines.append(f"| {f['fold']} | {', '.join(f['test_documents'])} | {num(f['entities']['micro']['f1'])} | "
                     f"{num(rm['f1'])} | {rm['tp']}/{rm['fp']}/{rm['fn']} |")
    return "\n".join(lines) + "\n"
