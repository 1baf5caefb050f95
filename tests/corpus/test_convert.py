import json

from ie.cli import main
from ie.corpus.convert import from_docbin, from_prodigy, read_any, to_docbin, to_prodigy
from ie.docs import read_jsonl
from tests.corpus.samples import MARKUP, demo, same_document


def test_docbin_round_trip(tmp_path):
    d = demo()
    to_docbin([d], tmp_path / "c.spacy")
    back = from_docbin(tmp_path / "c.spacy")
    assert len(back) == 1
    same_document(d, back[0])
    assert back[0].meta == {"title": "Demo"}


def test_prodigy_round_trip(tmp_path):
    d = demo()
    task = to_prodigy(d)
    assert {"text", "tokens", "spans", "relations"} <= set(task)
    assert task["relations"][0]["label"] == "LOCATED_IN"
    same_document(d, from_prodigy(json.loads(json.dumps(task))))
    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps(task) + "\n")
    same_document(d, read_any(p)[0])


def test_convert_cli_through_all_formats(tmp_path):
    src = tmp_path / "demo.md"
    src.write_text(MARKUP)
    assert main(["corpus", "convert", str(src), "--out", str(tmp_path / "a.spacy")]) == 0
    assert main(["corpus", "convert", str(tmp_path / "a.spacy"), "--out", str(tmp_path / "b.jsonl"), "--to", "prodigy"]) == 0
    assert main(["corpus", "convert", str(tmp_path / "b.jsonl"), "--out", str(tmp_path / "c.jsonl"), "--to", "jsonl"]) == 0
    same_document(demo(), list(read_jsonl(tmp_path / "c.jsonl"))[0])
