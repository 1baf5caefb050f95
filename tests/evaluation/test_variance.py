"""Training-variance summary: mean, sample sd and range over runs, from the files
``ie evaluate`` writes."""

import json

import pytest

from ie.evaluation.variance import main, variance


def summary(ent: float, rel: float, fac: float) -> dict:
    row = {"set": "ood", "documents": 3, "system": "m", "entity_micro": ent, "relation_micro": rel,
           "entity_per_label": {"PROVINCE": 1.0, "FACILITY": fac}, "relation_per_label": {"LOCATED_IN": rel}}
    other = {**row, "system": "rules", "entity_micro": 0.1}  # a --compare row: ignored
    return {"command": "ie evaluate", "rows": [row, other]}


def test_mean_sd_and_range_by_hand(tmp_path):
    dirs = []
    for i, (e, r, f) in enumerate([(0.90, 0.70, 0.80), (0.92, 0.74, 0.86), (0.94, 0.78, 0.83)]):
        d = tmp_path / f"seed-{i}"
        d.mkdir()
        (d / "summary.json").write_text(json.dumps(summary(e, r, f)))
        dirs.append(d)
    res = variance(dirs)
    ent = res["sets"]["ood"]["entity micro"]
    assert ent["mean"] == pytest.approx(0.92) and ent["sd"] == pytest.approx(0.02)
    assert (ent["min"], ent["max"]) == (0.90, 0.94)
    assert res["sets"]["ood"]["entity FACILITY"]["sd"] == pytest.approx(0.03)
    assert main([str(d) for d in dirs] + ["--out", str(tmp_path / "v")]) == 0
    md = (tmp_path / "v" / "variance.md").read_text()
    assert "| entity micro | 0.920 | 0.020 | 0.900 | 0.940 | 0.900, 0.920, 0.940 |" in md
    assert json.loads((tmp_path / "v" / "variance.json").read_text())["runs"] == ["seed-0", "seed-1", "seed-2"]


def test_training_time_is_read_from_the_report_folders(tmp_path):
    from ie.evaluation.variance import train_seconds

    d = tmp_path / "seed-1" / "dev"
    d.mkdir(parents=True)
    (d / "metrics.json").write_text(json.dumps({"systems": {"m": {"system": {"train_seconds": 873.5}},
                                                            "rules": {"system": {"kind": "rules"}}}}))
    assert train_seconds(tmp_path / "seed-1") == 873.5
    assert train_seconds(tmp_path) is None
