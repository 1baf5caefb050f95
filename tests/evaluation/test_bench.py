"""``ie bench``: every row in its own process over the same texts, the JSON record with the
command and machine, the ratios the issue-12 targets are read from, and the memory rows."""

import json

import pytest

from ie.cli import main
from ie.evaluation.bench import make_texts
from ie.evaluation.bench_systems import ratios, short_texts


def test_make_texts_varies_the_seed_articles(tmp_path, root):
    texts = make_texts(root.parent / "shared" / "seeds", 6, tmp_path / "t.jsonl")
    docs = [json.loads(x)["text"] for x in texts.read_text().splitlines()]
    assert len(docs) == 6 and len(set(docs)) == 6


def test_bench_command_runs_the_chosen_rows_and_writes_json(tmp_path, root):
    out = tmp_path / "bench.json"
    assert main(["bench", "--rows", "rules", "--news-docs", "4", "--long-docs", "3", "--seeds",
                 str(root.parent / "shared" / "seeds"), "--memory", "30", "--memory-model", "rules",
                 "--repeats", "3", "--rounds", "2", "--json", str(out)]) == 0
    res = json.loads(out.read_text())
    assert res["command"].startswith("ie bench --rows rules")
    assert res["machine"]["cpu_count"] >= 1 and res["machine"]["torch"]
    assert "3 variations" in res["texts"]["long"] and "4 documents of 200-300 words" in res["texts"]["news"]
    news, long_, mem = res["rows"]
    assert (news["texts"], news["row"], news["documents"]) == ("news", "rules", 4)
    assert 200 * 4 <= news["words"] <= 300 * 4 and news["words_per_s"] > 0 and news["peak_rss_mb"] > 0
    # three timed passes, the row's figure from the middle one; two rounds, both kept
    assert len(news["runs_s"]) == 3 and news["run_s"] == sorted(news["runs_s"])[1]
    assert len(news["rounds_words_per_s"]) == 2 and news["words_per_s"] in news["rounds_words_per_s"]
    assert (long_["texts"], long_["documents"]) == ("long", 3)
    assert (mem["row"], mem["documents"], mem["output_lines"]) == ("memory-30", 30, 30) and mem["peak_rss_mb"] > 20


def test_an_unknown_row_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["bench", "--rows", "nonsense"])
    assert exc.value.code == 2


def test_ratios_take_the_best_new_row_of_each_text_set():
    rows = [{"texts": "news", "row": "old-int8", "words_per_s": 1000.0},
            {"texts": "news", "row": "int8-1t", "words_per_s": 1500.0},
            {"texts": "news", "row": "int8-procs", "words_per_s": 2400.0},
            {"texts": "news", "row": "int8-busy", "words_per_s": 9999.0},  # busy rows never count
            {"texts": "news", "row": "spacy-ner", "words_per_s": 1600.0},
            {"texts": "long", "row": "int8", "words_per_s": 500.0},
            {"texts": "long", "row": "spacy-ner", "skipped": "optional package not installed"}]
    assert ratios(rows) == [
        {"texts": "news", "new_row": "int8-procs", "new_words_per_s": 2400.0, "vs_old_int8": 2.4, "vs_spacy_ner_only": 1.5},
        {"texts": "long", "new_row": "int8", "new_words_per_s": 500.0}]


def test_short_texts_are_distinct_and_short(tmp_path):
    docs = [json.loads(x) for x in short_texts(tmp_path / "s.jsonl", 200).read_text().splitlines()]
    assert len({d["id"] for d in docs}) == 200 and len({d["text"] for d in docs}) == 200
    assert all(len(d["text"].split()) <= 20 for d in docs)


def test_ratios_give_the_blockwise_graph_its_own_figures():
    rows = [{"texts": "news", "row": "old-int8", "words_per_s": 1000.0},
            {"texts": "news", "row": "int8-procs", "words_per_s": 2400.0},
            {"texts": "news", "row": "blockwise-procs", "words_per_s": 1800.0},
            {"texts": "news", "row": "spacy-ner", "words_per_s": 1600.0}]
    (r,) = ratios(rows)
    assert r["new_row"] == "int8-procs"  # the blockwise row is reported beside the best row, not as it
    assert (r["blockwise_words_per_s"], r["blockwise_vs_old_int8"], r["blockwise_vs_spacy_ner_only"]) == (1800.0, 1.8, 1.12)


def test_old_path_rows_run_the_baseline_model(monkeypatch):
    import ie.evaluation.bench_systems as bs

    calls = []
    monkeypatch.setattr(bs, "child", lambda args, busy=False, repeats=1: calls.append(args) or {"words_per_s": 1.0})
    rows = bs.scale_rows("models/new", {"news": "t.jsonl"}, keys=["old-int8", "int8"], baseline="models/old", rounds=1)
    assert [c[1] for c in calls] == ["models/old", "models/new"]
    assert rows[0]["system"] == "models/old old torch int8" and rows[1]["system"] == "models/new onnx int8"


def test_multi_process_rows_deal_every_worker_several_batches():
    from ie.evaluation.bench_systems import process_batch_size

    assert process_batch_size(20, 16, 1) == 16  # one process: the batch size asked for
    assert process_batch_size(20, 16, 2) == 2  # not 16 + 4 documents: ten batches of two
    assert process_batch_size(200, 16, 2) == 16
    assert process_batch_size(3, 16, 2) == 1


def test_rounds_interleave_the_rows_and_keep_the_median_round(monkeypatch):
    import ie.evaluation.bench_systems as bs

    calls = []
    speeds = iter([100.0, 10.0, 300.0, 30.0, 200.0, 20.0])  # old, new, old, new, old, new

    def child(args, busy=False, repeats=1):
        calls.append(args[1])
        return {"words_per_s": next(speeds), "run_s": 1.0}

    monkeypatch.setattr(bs, "child", child)
    rows = bs.scale_rows("models/new", {"news": "t.jsonl"}, keys=["old-int8", "int8"], baseline="models/old", rounds=3)
    assert calls == ["models/old", "models/new"] * 3  # round by round, not row by row
    assert [r["words_per_s"] for r in rows] == [200.0, 20.0]
    assert rows[0]["rounds_words_per_s"] == [100.0, 300.0, 200.0]
    assert bs.merge_rounds([{"words_per_s": 1.0}, {"error": "boom"}]) == {"error": "boom"}
