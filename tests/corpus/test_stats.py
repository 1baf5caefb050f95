import json

from ie.cli import main
from ie.docs import write_jsonl
from tests.corpus.samples import demo


def test_stats_counts(tmp_path, capsys):
    p = tmp_path / "c.jsonl"
    write_jsonl([demo()], p)
    assert main(["corpus", "stats", str(p), "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["documents"] == 1
    assert st["entities"]["MONEY"] == 2 and st["entities"]["total"] == 8
    assert st["relations"]["HAS_INVESTMENT"] == 2 and st["relations"]["total"] == 6
