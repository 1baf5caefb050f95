"""Ablation table: default minus arm per set, with the paired p-value ``ie evaluate``
wrote, read from the files of each arm's report folder."""

import json

import pytest

from ie.evaluation.ablation import ablation, main


def arm_folder(root, name, sets):
    d = root / name
    rows = []
    for set_name, (arm_e, def_e, arm_r, def_r, p) in sets.items():
        base = {"set": set_name, "documents": 4, "entity_per_label": {"FACILITY": arm_e - 0.05}}
        rows.append({**base, "system": f"models/{name}", "entity_micro": arm_e, "relation_micro": arm_r})
        rows.append({**base, "system": "models/planning-ie", "entity_micro": def_e, "relation_micro": def_r,
                     "entity_per_label": {"FACILITY": def_e - 0.05}})
        (d / set_name).mkdir(parents=True)
        paired = {"models/planning-ie": {"entities": {"delta": round(def_e - arm_e, 4), "p_value": p},
                                         "relations": {"delta": round(def_r - arm_r, 4), "p_value": 0.5}}}
        (d / set_name / "metrics.json").write_text(json.dumps(
            {"systems": {f"models/{name}": {"system": {"train_seconds": 700.0}}}, "paired": paired}))
    (d / "summary.json").write_text(json.dumps({"rows": rows}))
    return d


def test_default_minus_arm_with_p_values(tmp_path):
    a = arm_folder(tmp_path, "no_mention", {"dev": (0.95, 0.96, 0.85, 0.84, 0.2), "ood": (0.90, 0.93, 0.75, 0.80, 0.0004)})
    b = arm_folder(tmp_path, "no_case", {"ood": (0.94, 0.93, 0.81, 0.80, 0.6)})
    res = ablation([a, b])
    ood = [r for r in res["rows"] if r["set"] == "ood"]
    assert [r["arm"] for r in ood] == ["no_mention", "no_case"]
    assert ood[0]["entities"] == {"default": 0.93, "arm": 0.90, "delta": pytest.approx(0.03), "p_value": 0.0004}
    assert ood[1]["entities"]["delta"] == pytest.approx(-0.01)
    assert res["train_seconds"] == {"no_mention": 700.0, "no_case": 700.0}
    assert main([str(a), str(b), "--out", str(tmp_path / "out")]) == 0
    md = (tmp_path / "out" / "summary.md").read_text()
    assert "| no_mention | 4 | 0.930 / 0.900 | +0.030 | < 0.001 | 0.800 / 0.750 | +0.050 | 0.500 | 0.880 / 0.850 |" in md
    assert "| no_case | 4 | 0.930 / 0.940 | -0.010 | 0.600 |" in md


def test_an_arm_without_a_compare_row_or_paired_figures_is_refused(tmp_path):
    d = arm_folder(tmp_path, "x", {"dev": (0.9, 0.9, 0.8, 0.8, 0.5)})
    s = json.loads((d / "summary.json").read_text())
    (d / "summary.json").write_text(json.dumps({"rows": s["rows"][:1]}))
    with pytest.raises(ValueError, match="no --compare row"):
        ablation([d])
    (d / "summary.json").write_text(json.dumps(s))
    (d / "dev" / "metrics.json").write_text(json.dumps({"paired": {}}))
    with pytest.raises(ValueError, match="no paired bootstrap"):
        ablation([d])
