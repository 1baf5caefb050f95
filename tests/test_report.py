import json

from ie.evaluation.bench import format_rows, make_texts, run_bench
from ie.cli import main
from ie.docs import Document, Entity, write_jsonl
from ie.evaluation.report import error_analysis, normalization_accuracy


def _docs():
    text = "Bac Ninh drew US$17.5 million and 500 ha in Que Vo IP by 2030."
    g = Document("d", text, [Entity("T1", 0, 8, "PROVINCE"), Entity("T2", 14, 29, "MONEY", {"amount": 17500000, "currency": "USD"}),
                             Entity("T3", 34, 40, "AREA"), Entity("T4", 44, 53, "FACILITY"), Entity("T5", 57, 61, "DATE")])
    p = Document("d", text, [Entity("P1", 0, 8, "FACILITY"),  # label error
                             Entity("P2", 14, 29, "MONEY", extra={"norm": {"amount": 17500000, "currency": "USD"}}),
                             Entity("P3", 34, 37, "AREA"),  # boundary error
                             Entity("P4", 62, 63, "DATE")])  # spurious ('.' is outside any gold span)
    return g, p


def test_error_analysis_separates_label_and_boundary_errors():
    g, p = _docs()
    an = error_analysis([g], [p])
    k = an["error_kinds"]
    assert k["label error"] == 1 and k["boundary error"] == 1 and k["correct"] == 1
    assert k["missed"] == 2 and k["spurious"] == 1
    assert an["confusion"]["PROVINCE"] == {"FACILITY": 1}
    assert an["confusion"]["FACILITY"] == {"(missed)": 1}


def test_normalization_accuracy_against_gold_norm_and_normalizer():
    g, p = _docs()
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
    g, p = _docs()
    write_jsonl([g], tmp_path / "g.jsonl")
    write_jsonl([p], tmp_path / "p.jsonl")
    assert main(["evaluate", "--gold", str(tmp_path / "g.jsonl"), "--pred", str(tmp_path / "p.jsonl"),
                 "--report", str(tmp_path / "rep2")]) == 0
    m2 = json.loads((tmp_path / "rep2" / "metrics.json").read_text())
    s = next(iter(m2["systems"].values()))["entities"]["strict"]["micro"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 3, 4)


def test_bench_measures_the_rule_system(tmp_path, root):
    texts = make_texts(root.parent / "shared" / "seeds", 6, tmp_path / "t.jsonl")
    assert len(texts.read_text().splitlines()) == 6
    rows = run_bench(["rules"], texts, spacy_model="definitely_not_installed_model")
    row = rows[0]
    assert row["system"] == "rules" and row["documents"] == 6 and row["words_per_s"] > 0 and row["peak_rss_mb"] > 0
    assert rows[-1]["skipped"]
    assert "rules" in format_rows(rows)


def test_bench_command_writes_json_with_command_and_machine(tmp_path, root):
    out = tmp_path / "bench.json"
    assert main(["bench", "--model", "rules", "--n-docs", "3", "--seeds", str(root.parent / "shared" / "seeds"),
                 "--spacy-model", "definitely_not_installed_model", "--json", str(out)]) == 0
    res = json.loads(out.read_text())
    assert res["command"].startswith("ie bench --model rules")
    assert res["machine"]["cpu_count"] >= 1 and res["machine"]["torch"]
    assert "3 variations" in res["texts"]
    assert res["rows"][0]["system"] == "rules" and res["rows"][0]["device"] == "cpu"
