

from ie.cli import main
from ie.corpus.validate import validate_doc
from ie.docs import write_jsonl
from tests.corpus.samples import bad_doc, demo


def test_validate_reports_every_problem_with_its_place():
    probs = [str(p) for p in validate_doc(bad_doc())]
    text = "\n".join(probs)
    for needle in ["f.jsonl:7(bad):T1: duplicate entity id", "T3: offsets 200-210 outside the text",
                   "T4: span ' Que Vo IP' has outer whitespace", "T5: unknown label 'DISTRICT'", "T6: overlaps",
                   "T7: span 'ac Ninh' is not aligned to token boundaries",
                   "LOCATED_IN does not allow PROVINCE -> PROVINCE", "missing entity id 'T99'",
                   "HAS_AREA does not allow AREA -> PROVINCE", "T2-LOCATED_IN->T8: relation crosses a sentence boundary"]:
        assert needle in text, needle
    assert all(p.startswith("f.jsonl:7(bad)") for p in probs)


def test_validate_cli_exit_codes(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    write_jsonl([demo()], good)
    assert main(["corpus", "validate", str(good)]) == 0
    bad = tmp_path / "bad.jsonl"
    write_jsonl([bad_doc()], bad)
    assert main(["corpus", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1(bad):T1: duplicate entity id" in out
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x"}\n{not json\n')
    assert main(["corpus", "validate", str(broken)]) == 1
    assert f"{broken}:2" in capsys.readouterr().err
