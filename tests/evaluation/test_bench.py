import json

from ie.cli import main
from ie.evaluation.bench import format_rows, make_texts, run_bench


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
