import csv
import io
import json
import subprocess
import sys

import pytest

from ie.cli import main
from ie.extract import completed_ids, run_extract

GOOD = "Bac Ninh has 16 industrial parks covering 6,397.68 ha, with VND4,128 billion invested by 2030."


def lines(p):
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "b.md").write_text("HẢI PHÒNG — Hai Phong plans 12 new industrial clusters.", encoding="utf-8")
    (d / "empty.txt").write_text("   \n", encoding="utf-8")
    (d / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (d / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (d / "docs.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Dong Nai attracted US$1.2 billion in 2024."}) + "\n"
        + json.dumps({"id": "j2"}) + "\n" + "{broken\n" + json.dumps({"id": "j3", "text": ""}) + "\n",
        encoding="utf-8",
    )
    return d


def test_every_document_gets_one_line_in_input_order(inputs, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    rc = main(["extract", str(inputs), "--model", "rules", "--out", str(out), "--quiet",
               "--csv", str(tmp_path / "f.csv"), "--html", str(tmp_path / "r.html")])
    assert rc == 1  # errors are reported by the exit code...
    got = lines(out)
    ids = [g["id"] for g in got]
    # ...but nothing is lost: sorted walk order, JSONL lines in file order
    # ...but nothing is lost: sorted walk order, JSONL lines in file order; ids are paths
    assert ids == ["in/a.txt", "in/b.md", "j1", "j2", "in/docs.jsonl:3", "j3", "in/empty.txt", "in/latin1.txt",
                   "in/sub/binary.txt"]
    by = {g["id"]: g for g in got}
    assert len(got) == 9
    assert "entities" in by["in/a.txt"] and by["in/a.txt"]["text"] == GOOD
    assert "empty document" in by["in/empty.txt"]["error"]
    assert "not UTF-8" in by["in/latin1.txt"]["error"]
    assert "binary" in by["in/sub/binary.txt"]["error"]
    assert "missing 'text'" in by["j2"]["error"]
    assert "not valid JSON" in by["in/docs.jsonl:3"]["error"]
    assert "empty document" in by["j3"]["error"]
    assert by["j1"]["entities"]
    err = capsys.readouterr().err
    assert "9 documents: 3 extracted, 6 errors" in err
    money = [e for e in by["in/a.txt"]["entities"] if e["label"] == "MONEY"][0]
    assert money["norm"] == {"amount": 4128000000000, "currency": "VND"}
    rows = list(csv.DictReader((tmp_path / "f.csv").open(encoding="utf-8")))
    assert any(r["relation"] == "HAS_AREA" and r["value"] == "6397.68" and r["unit"] == "ha" for r in rows)
    assert "displacy" in (tmp_path / "r.html").read_text() or "entity" in (tmp_path / "r.html").read_text()


def test_resume_repairs_a_cut_line_and_skips_finished_ids(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    run_extract([str(inputs / "a.txt"), str(inputs / "b.md")], out, "rules", progress=False)
    full = out.read_text(encoding="utf-8").splitlines()
    # simulate a crash in the middle of writing the second line
    out.write_text(full[0] + "\n" + full[1][: len(full[1]) // 2], encoding="utf-8")
    assert completed_ids(out) == {str(inputs / "a.txt")}
    assert out.read_text(encoding="utf-8") == full[0] + "\n"  # the cut line is gone
    st = run_extract([str(inputs / "a.txt"), str(inputs / "b.md")], out, "rules", resume=True, progress=False)
    assert st["skipped"] == 1 and st["ok"] == 1
    assert out.read_text(encoding="utf-8").splitlines() == full


def test_stdin_and_the_real_console_script(tmp_path):
    out = tmp_path / "o.jsonl"
    p = subprocess.run([sys.executable, "-m", "ie", "extract", "-", "--model", "rules", "--out", str(out), "--quiet"],
                       input=GOOD.encode(), capture_output=True)
    assert p.returncode == 0, p.stderr.decode()
    assert lines(out)[0]["id"] == "stdin"
    st = run_extract(["-"], tmp_path / "o2.jsonl", "rules", progress=False,
                     stdin=io.BytesIO(b'{"id": "x", "text": "Hanoi plans Ring Road 4 by 2027."}\n'))
    assert st["ok"] == 1


def test_missing_model_is_a_clear_error(tmp_path, capsys):
    rc = main(["extract", "-", "--model", str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl")])
    assert rc == 3  # the model cannot be loaded
    assert "no trained pipeline" in capsys.readouterr().err


def test_one_megabyte_document_is_processed_whole(tmp_path):
    big = (GOOD + "\n") * (1_000_000 // len(GOOD) + 1)
    assert len(big) > 1_000_000
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    st = run_extract([str(tmp_path / "big.txt")], tmp_path / "o.jsonl", "rules", progress=False)
    assert st["ok"] == 1
    got = lines(tmp_path / "o.jsonl")[0]
    assert got["text"] == big
    assert max(e["end"] for e in got["entities"]) > len(big) - len(GOOD) - 2  # tagged to the end


def test_multiprocess_extraction_gives_the_same_output(inputs, tmp_path):
    files = [str(inputs / "a.txt"), str(inputs / "b.md")]
    run_extract(files, tmp_path / "one.jsonl", "rules", progress=False)
    run_extract(files, tmp_path / "two.jsonl", "rules", n_process=2, batch_size=1, progress=False)
    assert (tmp_path / "one.jsonl").read_text() == (tmp_path / "two.jsonl").read_text()
    assert lines(tmp_path / "two.jsonl")[0]["relations"]
