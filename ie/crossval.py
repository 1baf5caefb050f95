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
from ie.scoring import score


def cross_validate(gold: list[Document], k: int, config: Path, out_dir: Path, max_steps: int = 0,
                   epochs: int = 0, work_dir: Path | None = None) -> dict:
    """Writes ``cv.json`` into ``out_dir``; the fold models (large) go to ``work_dir``
    (default: ``out_dir``), e.g. the git-ignored ``models/cv``."""
    from ie.runner import predict_documents
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
        write_jsonl(extra, fdir / "gold_train.jsonl")
        overrides = {"data": {"train": list(base["data"].get("train", [])) + [str((fdir / "gold_train.jsonl").resolve())]},
                     "training": {}}
        if max_steps:
            overrides["training"]["max_steps"] = max_steps
        if epochs:
            overrides["training"]["epochs"] = epochs
        train_pipeline(config, fdir / "model", overrides=overrides, show_progress=False)
        r = score(test, predict_documents(str(fdir / "model"), test), with_errors=False)
        per_fold.append({"fold": i + 1, "test_documents": [d.id for d in test],
                         "entity_f1": {lab: r["entities"]["strict"]["per_label"][lab]["f1"] for lab in ENTITY_LABELS}
                         | {"micro": r["entities"]["strict"]["micro"]["f1"]},
                         "relation_f1": {lab: r["relations"]["strict"]["per_label"][lab]["f1"] for lab in RELATION_LABELS}
                         | {"micro": r["relations"]["strict"]["micro"]["f1"]}})

    def agg(kind):
        keys = per_fold[0][kind].keys()
        return {key: {"mean": round(statistics.mean(f[kind][key] for f in per_fold), 4),
                      "stdev": round(statistics.pstdev(f[kind][key] for f in per_fold), 4)} for key in keys}

    result = {"k": k, "config": str(config), "epochs": epochs or base["training"].get("epochs"),
              "max_steps": max_steps or None, "folds": per_fold, "entity_f1": agg("entity_f1"), "relation_f1": agg("relation_f1")}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "cv.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def format_cv(res: dict, command: str | None = None) -> str:
    lines = [f"# {res['k']}-fold cross-validation (strict F1, mean ± stdev over folds)", ""]
    if command:
        lines += [f"Command: `{command}`  "]
    lines += [f"Training: {res.get('config')} plus the other folds, {res.get('epochs')} epochs per fold"
              + (f", at most {res['max_steps']} steps" if res.get("max_steps") else ""), ""]
    for kind, title in (("entity_f1", "Entities"), ("relation_f1", "Relations")):
        lines += [f"## {title}", "", "| label | F1 mean | stdev |", "|---|---|---|"]
        lines += [f"| {key} | {v['mean']:.3f} | {v['stdev']:.3f} |" for key, v in res[kind].items()]
        lines.append("")
    lines += ["## Folds", "", "| fold | test documents | entity micro F1 | relation micro F1 |", "|---|---|---|---|"]
    lines += [f"| {f['fold']} | {', '.join(f['test_documents'])} | {f['entity_f1']['micro']:.3f} | "
              f"{f['relation_f1']['micro']:.3f} |" for f in res["folds"]]
    return "\n".join(lines) + "\n"
