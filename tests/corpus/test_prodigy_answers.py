"""Issue 15 item 14: only accepted Prodigy tasks become gold."""

import json

from ie.cli import main


def task(doc_id, answer=None):
    t = {"text": "Bac Ninh grew.", "meta": {"id": doc_id},
         "spans": [{"start": 0, "end": 8, "label": "PROVINCE", "token_start": 0, "token_end": 1}], "relations": []}
    if answer:
        t["answer"] = answer
    return json.dumps(t)


def test_rejected_and_ignored_tasks_are_not_imported(tmp_path, capsys):
    src = tmp_path / "prodigy.jsonl"
    src.write_text("\n".join([task("a", "accept"), task("b", "reject"), task("c", "ignore"), task("d")]) + "\n")
    out = tmp_path / "gold.jsonl"
    assert main(["corpus", "convert", str(src), "--out", str(out), "--to", "jsonl"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "d"]
    err = capsys.readouterr().err
    assert "skipped 1 Prodigy tasks answered 'reject'" in err and "skipped 1 Prodigy tasks answered 'ignore'" in err


def test_an_unknown_answer_is_an_error(tmp_path, capsys):
    src = tmp_path / "prodigy.jsonl"
    src.write_text(task("a", "maybe") + "\n")
    assert main(["corpus", "convert", str(src), "--out", str(tmp_path / "g.jsonl"), "--to", "jsonl"]) == 1
    assert "unknown Prodigy answer 'maybe'" in capsys.readouterr().err
