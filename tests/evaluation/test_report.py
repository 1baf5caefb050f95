import json

from ie.cli import main
from ie.docs import write_jsonl
from ie.evaluation.report import error_analysis, normalization_accuracy
from tests.evaluation.samples import sample_docs


def test_error_analysis_separates_label_and_boundary_errors():
    g, p = sample_docs()
    an = error_analysis([g], [p])
    k = an["error_kinds"]
    assert k["label error"] == 1 and k["boundary error"] == 1 and k["correct"] == 1
    assert k["missed"] == 2 and k["spurious"] == 1
    assert an["confusion"]["PROVINCE"] == {"FACILITY": 1}
    assert an["confusion"]["FACILITY"] == {"(missed)": 1}


def test_normalization_accuracy_against_gold_norm_and_normalizer():
    g, p = sample_docs()
    n = normalization_accuracy([g], [p])
    assert n["MONEY"] == {"matched_spans": 1, "accuracy_vs_normalizer": 1.0, "with_gold_norm": 1,
                          "accuracy_vs_gold_norm": 1.0, "wrong": []}
    assert n["AREA"]["matched_spans"] == 0


def test_report_files_for_rules_and_a_prediction_file(tmp_path, root):
    out = tmp_path / "rep"
    rc = main(["evaluate", "--model", "rules", "--gold", str(root / "corpus/gold/seeds.jsonl"), "--report", str(out)])
    assert rc == 0
    m = json.loads((out / "metrics.json").read_text())
    r = m["systems"]["rules"]
    assert m["gold_entities"] == 255
    assert set(r["entities"]["strict"]["per_label"]) == {"PROVINCE", "FACILITY", "MONEY", "AREA", "DATE"}
    assert r["timing"]["words_per_s"] > 0
    md = (out / "report.md").read_text()
    assert "## Systems compared" in md and "False negatives" in md and "Confusion" in md
    assert (out / "prf.png").read_bytes()[:4] == b"\x89PNG"
    assert "data:image/png;base64," in (out / "report.html").read_text()
    # the report counts must equal the plain scorer's
    g, p = sample_docs()
    write_jsonl([g], tmp_path / "g.jsonl")
    write_jsonl([p], tmp_path / "p.jsonl")
    assert main(["evaluate", "--gold", str(tmp_path / "g.jsonl"), "--pred", str(tmp_path / "p.jsonl"),
                 "--report", str(tmp_path / "rep2")]) == 0
    m2 = json.loads((tmp_path / "rep2" / "metrics.json").read_text())
    s = next(iter(m2["systems"].values()))["entities"]["strict"]["micro"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 3, 4)
