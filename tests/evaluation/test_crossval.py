"""K-fold cross-validation: per-fold training, pooled and mean scores, reuse."""

import json

from ie.corpus.markup import parse_markup
from ie.docs import write_jsonl
from tests.components.samples import TRAIN_MD


def test_cross_validation_trains_per_fold_and_reports_mean_and_spread(tmp_path):
    from ie.cli import main

    docs = [d for i in range(4) for d in parse_markup(TRAIN_MD.replace("{i}", str(i)), "t.md")]
    write_jsonl(docs[:2], tmp_path / "train.jsonl")
    write_jsonl(docs, tmp_path / "gold.jsonl")
    cfg = json.loads(open("training/configs/default.json").read())
    cfg["data"] = {"train": [str(tmp_path / "train.jsonl")], "dev": [], "cache": str(tmp_path / "cache")}
    cfg["training"].update({"epochs": 1, "batch_size": 4})
    (tmp_path / "cfg.json").write_text(json.dumps(cfg))
    rc = main(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--cv", "2", "--config", str(tmp_path / "cfg.json"),
               "--cv-max-steps", "1", "--report", str(tmp_path / "cv"), "--cv-work", str(tmp_path / "work")])
    assert rc == 0
    res = json.loads((tmp_path / "cv" / "cv.json").read_text())
    assert res["k"] == 2 and len(res["folds"]) == 2
    assert sorted(sum((f["test_documents"] for f in res["folds"]), [])) == sorted(d.id for d in docs)
    assert set(res["entity_f1"]["micro"]) == {"mean", "stdev", "folds", "pooled", "support"}
    assert res["entity_f1"]["micro"]["support"] == sum(len(d.entities) for d in docs)
    weights = tmp_path / "work" / "fold1" / "model" / "planning_ie" / "weights.pt"
    assert weights.exists()
    assert not (tmp_path / "cv" / "fold1").exists()  # fold models stay out of the report folder
    # re-scoring reuses the fold models trained on the same documents and settings
    mtime = weights.stat().st_mtime_ns
    assert main(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--cv", "2", "--config", str(tmp_path / "cfg.json"),
                 "--cv-max-steps", "1", "--report", str(tmp_path / "cv"), "--cv-work", str(tmp_path / "work"),
                 "--cv-reuse"]) == 0
    again = json.loads((tmp_path / "cv" / "cv.json").read_text())
    assert all(f["reused_model"] for f in again["folds"]) and weights.stat().st_mtime_ns == mtime
    assert again["folds"] == [dict(f, reused_model=True) for f in res["folds"]]


def test_cross_validation_leaves_undefined_labels_out_of_the_mean():
    from ie.evaluation.crossval import _aggregate

    def fold(tp, fp, fn):
        return {"relations": {"HAS_VALUE": {"tp": tp, "fp": fp, "fn": fn, "f1": None if tp + fp + fn == 0
                                            else 2 * tp / (2 * tp + fp + fn)}}}

    agg = _aggregate([fold(1, 0, 0), fold(0, 0, 0), fold(0, 1, 1)], "relations")["HAS_VALUE"]
    assert agg["folds"] == 2 and agg["mean"] == 0.5 and agg["support"] == 2
    assert agg["pooled"] == round(2 * 1 / (2 + 1 + 1), 4)
