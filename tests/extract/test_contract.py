"""Issue 15's contract for ``ie extract``, item by item, through the real command
(``ie.cli.main`` in-process, or ``python -m ie`` where a process boundary matters)."""

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from ie.cli import main

GOOD = "Bac Ninh has 16 industrial parks covering 6,397.68 ha, with VND4,128 billion invested by 2030."


def lines(p):
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]


def ie(*args):
    return main(["extract", *map(str, args), "--model", "rules", "--quiet"])


def cli(*args, **kw):
    return subprocess.run([sys.executable, "-m", "ie", "extract", *map(str, args), "--quiet"], capture_output=True,
                          timeout=120, **kw)


# 1. outputs never destroy inputs; nothing is touched before the model loads
def test_out_equal_to_an_input_is_refused_and_the_input_kept(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(GOOD)
    for opt in ("--out", "--csv", "--html", "--db"):
        args = [src, "--out", tmp_path / "o.jsonl"] if opt != "--out" else [src]
        assert ie(*args, opt, src) == 2
        assert src.read_text() == GOOD
    assert ie(src, "--out", src, "--resume") == 2
    assert src.read_text() == GOOD
    assert "is also an input" in capsys.readouterr().err


def test_a_bad_model_leaves_the_old_results_alone(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    out = tmp_path / "o.jsonl"
    out.write_text("precious\n")
    rc = main(["extract", str(tmp_path / "a.txt"), "--out", str(out), "--model", str(tmp_path / "typo")])
    assert rc == 3 and out.read_text() == "precious\n"
    bad = tmp_path / "broken"
    bad.mkdir()
    (bad / "config.cfg").write_text("[nlp\nthis is not a config")
    rc = main(["extract", str(tmp_path / "a.txt"), "--out", str(out), "--model", str(bad)])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 3 and out.read_text() == "precious\n"
    assert err[-1].startswith(f"error: cannot load model {bad}") and "Traceback" not in "".join(err)


# 2. one bad document never stops the run, and --resume does not crash on it again
def test_a_lone_surrogate_or_a_5000_digit_amount_is_one_error_line(tmp_path):
    jl = tmp_path / "docs.jsonl"
    jl.write_text("\n".join([json.dumps({"id": "s", "text": "Bac Ninh \ud800 grew."}),
                             json.dumps({"id": "big", "text": "It cost VND" + "9" * 5000 + " and 1" + "0" * 5000 + " ha."}),
                             json.dumps({"id": "ok", "text": GOOD})]) + "\n")
    out = tmp_path / "o.jsonl"
    assert ie(jl, "--out", out) == 1
    got = {d["id"]: d for d in lines(out)}
    assert list(got) == ["s", "big", "ok"]
    assert "lone surrogate (U+D800) at position 9" in got["s"]["error"]
    assert "entities" in got["big"] and "entities" in got["ok"]
    assert ie(jl, "--out", out, "--resume") == 1  # retried, fails the same way, no crash
    assert [d["id"] for d in lines(out)] == ["s", "big", "ok"]


def test_the_normalizer_and_the_writer_guard_each_document(tmp_path):
    """A span the grammars no longer produce (a 5,000-digit amount, as the trained model
    could) still gets a norm_error instead of an unwritable integer."""
    from spacy.tokens import Span

    from ie.components.results import doc_to_result
    from ie.extract.writers import result_line
    from ie.text import make_nlp

    nlp = make_nlp()
    nlp.add_pipe("planning_normalizer")
    doc = nlp.make_doc("VND" + "9" * 5000)
    doc.ents = [Span(doc, 0, len(doc), label="MONEY")]
    doc = nlp.get_pipe("planning_normalizer")(doc)
    res = doc_to_result(doc, "d")
    assert res["entities"][0]["norm"] is None and "5000 digits" in res["entities"][0]["norm_error"]
    json.loads(result_line(res))


# 3. CSV and HTML always cover the whole output file
def test_resume_rewrites_csv_and_html_over_the_whole_output(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(4):
        (d / f"{i}.txt").write_text(f"Province {i}: Bac Ninh plans Yen Phong {i} Industrial Park of {i + 1}00 ha.")
    full, part = tmp_path / "full", tmp_path / "part"
    assert ie(d, "--out", full / "o.jsonl", "--csv", full / "f.csv", "--html", full / "r.html") == 0
    assert ie(d / "0.txt", d / "1.txt", "--out", part / "o.jsonl", "--csv", part / "f.csv", "--html", part / "r.html") == 0
    # the same ids as the directory run: resume over the directory
    (part / "o.jsonl").write_text("\n".join(json.dumps(dict(x, id=x["id"].replace(str(d), "in")), ensure_ascii=False)
                                            for x in lines(part / "o.jsonl")) + "\n")
    assert ie(d, "--out", part / "o.jsonl", "--csv", part / "f.csv", "--html", part / "r.html", "--resume") == 0
    for name in ("o.jsonl", "f.csv", "r.html"):
        assert (part / name).read_bytes() == (full / name).read_bytes(), name
    assert len({r["document"] for r in csv.DictReader((full / "f.csv").open())}) == 4


# 4. ids are stable and unique
def test_same_file_names_in_two_folders_and_a_real_numbered_id(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "a.txt").write_text("Bac Ninh grew.")
    (tmp_path / "y" / "a.txt").write_text("Hai Phong grew.")
    jl = tmp_path / "d.jsonl"
    jl.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in
                          [("a", "Long An"), ("a#2", "Dong Nai"), ("a", "Tay Ninh"), ("a#2", "Ca Mau")]))
    out = tmp_path / "o.jsonl"
    assert ie(tmp_path / "x", tmp_path / "y", jl, "--out", out) == 0
    got = [(d["id"], d["text"]) for d in lines(out)]
    assert got == [("x/a.txt", "Bac Ninh grew."), ("y/a.txt", "Hai Phong grew."), ("a", "Long An"), ("a#2", "Dong Nai"),
                   ("a#3", "Tay Ninh"), ("a#2#2", "Ca Mau")]
    assert ie(tmp_path / "x", tmp_path / "y", jl, "--out", out, "--resume") == 0
    assert [(d["id"], d["text"]) for d in lines(out)] == got


# 5. an output inside an input directory is never read back
def test_output_inside_an_input_directory_is_refused(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    assert ie(d, "--out", d / "results.jsonl") == 2
    assert ie(d, "--out", tmp_path / "o.jsonl", "--csv", d / "sub" / "f.csv") == 2
    assert not (d / "results.jsonl").exists()
    assert "inside the input directory" in capsys.readouterr().err


# 6. failed documents are retried, and the exit code reflects the final file
def test_resume_retries_error_lines_and_exits_on_the_final_file(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    (d / "b.txt").write_text("")
    (d / "c.txt").write_text("Hai Phong plans 12 new industrial clusters.")
    out = tmp_path / "o.jsonl"
    assert ie(d, "--out", out) == 1
    first = lines(out)
    assert "error" in first[1]
    (d / "b.txt").write_text("Dong Nai attracted US$1.2 billion in 2024.")
    assert ie(d, "--out", out, "--resume") == 0
    final = lines(out)
    assert [x["id"] for x in final] == ["in/a.txt", "in/b.txt", "in/c.txt"]
    assert final[0] == first[0] and final[2] == first[2] and "entities" in final[1]


# 7. every input named or found yields one line
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable folders")
def test_unreadable_subdirectory_and_a_path_inside_it(tmp_path):
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "a.txt").write_text(GOOD)
    (d / "locked" / "b.txt").write_text(GOOD)
    os.chmod(d / "locked", 0)
    try:
        out = tmp_path / "o.jsonl"
        assert ie(d, d / "locked" / "b.txt", "--out", out) == 1
        got = lines(out)
        assert [x["id"] for x in got] == ["in/a.txt", "in/locked", str(d / "locked" / "b.txt")]
        assert all("error" in x for x in got[1:])
    finally:
        os.chmod(d / "locked", 0o755)


def test_missing_path_fifo_in_a_folder_and_a_broken_link_each_get_a_line(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    os.mkfifo(d / "pipe.txt")
    os.symlink(d / "gone.txt", d / "link.txt")
    out = tmp_path / "o.jsonl"
    assert ie(d, tmp_path / "missing.txt", "--out", out) == 1
    got = {x["id"]: x for x in lines(out)}
    assert list(got) == ["in/a.txt", "in/link.txt", "in/pipe.txt", f"{tmp_path}/missing.txt"]
    assert "not a regular file" in got["in/pipe.txt"]["error"]
    assert "cannot read" in got["in/link.txt"]["error"] and "cannot read" in got[f"{tmp_path}/missing.txt"]["error"]


# 9. formula-neutral CSV
def test_csv_cells_never_start_a_formula(tmp_path):
    jl = tmp_path / "d.jsonl"
    jl.write_text(json.dumps({"id": "=HYPERLINK(\"http://x\")", "text": "+Bac Ninh has -VSIP Industrial Park."}) + "\n"
                  + json.dumps({"id": "@SUM(A1)", "text": GOOD}) + "\n")
    f = tmp_path / "f.csv"
    assert ie(jl, "--out", tmp_path / "o.jsonl", "--csv", f) == 0
    cells = [c for row in csv.reader(f.open(encoding="utf-8")) for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'@SUM(A1)" in cells
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)


# 10. one-line errors and distinct exit codes
@pytest.mark.parametrize("opt,val", [("--batch-size", "0"), ("--batch-size", "-1"), ("--n-process", "0")])
def test_out_of_range_options(tmp_path, capsys, opt, val):
    (tmp_path / "a.txt").write_text(GOOD)
    assert ie(tmp_path / "a.txt", "--out", tmp_path / "o.jsonl", opt, val) == 2
    assert capsys.readouterr().err.strip() == f"error: {opt} must be at least 1 (got {val})"


def test_output_errors_are_one_line_with_exit_code_4(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "file").write_text("x")
    for target, msg in ((tmp_path / "file" / "o.jsonl", "cannot create the folder"), ("/dev/full", "No space left")):
        assert ie(tmp_path / "a.txt", "--out", target) == 4
        err = capsys.readouterr().err.strip()
        assert msg in err and len(err.splitlines()) == 1, err
    assert ie(tmp_path / "a.txt", "--out", tmp_path) == 2
    assert "is a directory" in capsys.readouterr().err


def test_sigint_is_exit_130_with_complete_lines(tmp_path):
    jl = tmp_path / "d.jsonl"
    jl.write_text("".join(json.dumps({"id": str(i), "text": GOOD * 20}) + "\n" for i in range(20000)))
    out = tmp_path / "o.jsonl"
    # SIGINT as a terminal delivers it, whatever this test runs under: a shell that starts a job
    # in the background (`cmd &`, nohup) makes it ignore SIGINT, and the child would inherit that
    p = subprocess.Popen([sys.executable, "-m", "ie", "extract", str(jl), "--model", "rules", "--out", str(out),
                          "--quiet", "--batch-size", "1"], stderr=subprocess.PIPE,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 10_000):
        time.sleep(0.1)
    p.send_signal(2)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert err.decode().strip().splitlines()[-1].startswith("interrupted:")
    assert out.read_bytes().endswith(b"\n") and all("entities" in x for x in lines(out))


# 11. stdin format, FIFO, resume after a bad line, NUL anywhere, UTF-16
def test_stdin_text_starting_with_a_brace_is_text(tmp_path):
    import io

    from ie.extract import run_extract

    text = "{Draft} Bac Ninh plans 16 industrial parks."
    p = cli("-", "--model", "rules", "--out", tmp_path / "o.jsonl", input=text.encode())
    assert p.returncode == 0, p.stderr
    assert lines(tmp_path / "o.jsonl")[0]["text"] == text
    jl = (json.dumps({"id": "x", "text": GOOD}) + "\n").encode()
    for fmt, want in (("auto", "x"), ("jsonl", "x"), ("text", "stdin")):
        run_extract(["-"], tmp_path / "o.jsonl", "rules", progress=False, stdin=io.BytesIO(jl), fmt=fmt)
        assert lines(tmp_path / "o.jsonl")[0]["id"] == want


def test_a_jsonl_fifo_is_processed_as_it_arrives(tmp_path):
    fifo = tmp_path / "live.jsonl"
    os.mkfifo(fifo)
    out = tmp_path / "o.jsonl"
    p = subprocess.Popen([sys.executable, "-m", "ie", "extract", str(fifo), "--model", "rules", "--out", str(out),
                          "--quiet", "--batch-size", "1"], stderr=subprocess.PIPE)
    seen_before_eof = []
    try:
        with open(fifo, "w") as w:
            w.write(json.dumps({"id": "first", "text": GOOD}) + "\n")
            w.flush()
            deadline = time.time() + 60
            while time.time() < deadline and not (out.exists() and out.read_text().count("\n") >= 1):
                time.sleep(0.1)
            seen_before_eof = lines(out) if out.exists() else []
            w.write(json.dumps({"id": "second", "text": GOOD}) + "\n")
        assert p.wait(timeout=60) == 0
    finally:
        if p.poll() is None:
            p.kill()
    assert [x["id"] for x in seen_before_eof] == ["first"]  # written while the stream was still open
    assert [x["id"] for x in lines(out)] == ["first", "second"]


def test_resume_keeps_valid_lines_after_a_garbled_one(tmp_path, capsys):
    jl = tmp_path / "d.jsonl"
    jl.write_text("".join(json.dumps({"id": str(i), "text": GOOD}) + "\n" for i in range(4)))
    out = tmp_path / "o.jsonl"
    assert ie(jl, "--out", out) == 0
    good = out.read_bytes()
    rows = good.splitlines(keepends=True)
    out.write_bytes(rows[0] + b"{garbled\n" + rows[2] + rows[3][:10])
    capsys.readouterr()
    assert ie(jl, "--out", out, "--resume") == 0
    assert "2 extracted, 0 errors, 2 already done" in capsys.readouterr().err  # line 3 kept, not redone
    assert out.read_bytes() == good


def test_nul_after_8kb_and_utf16(tmp_path):
    (tmp_path / "late_nul.txt").write_bytes(GOOD.encode() * 200 + b"\x00")
    (tmp_path / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (tmp_path / "utf16nobom.txt").write_bytes(GOOD.encode("utf-16-le"))
    out = tmp_path / "o.jsonl"
    assert ie(tmp_path / "late_nul.txt", tmp_path / "utf16.txt", tmp_path / "utf16nobom.txt", "--out", out) == 1
    a, b, c = lines(out)
    assert "NUL byte at offset 18800" in a["error"]
    assert b["text"] == GOOD and b["entities"]
    assert "UTF-16 text without a byte-order mark" in c["error"]


# issue 12: lazy inputs, bounded memory
def test_inputs_are_read_lazily(tmp_path):
    from ie.extract.inputs import iter_inputs

    jl = tmp_path / "d.jsonl"
    jl.write_text("".join(json.dumps({"id": str(i), "text": GOOD}) + "\n" for i in range(3)))
    it = iter_inputs([str(jl), str(tmp_path / "later.txt")])
    assert next(it).id == "0"
    (tmp_path / "later.txt").write_text("written after the run began")  # not read yet
    assert [x.text for x in it][-1] == "written after the run began"


def test_db_is_written_over_the_whole_output(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    (d / "b.txt").write_text("Hai Phong plans the Deep C Industrial Park of 300 ha.")
    db = tmp_path / "f.duckdb"
    assert ie(d / "a.txt", "--out", tmp_path / "o.jsonl", "--db", db) == 0
    assert ie(d / "a.txt", d / "b.txt", "--out", tmp_path / "o.jsonl", "--db", db, "--resume") == 0
    con = duckdb.connect(str(db), read_only=True)
    assert sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()) == [f"{d}/a.txt", f"{d}/b.txt"]


def test_two_processes_write_the_same_bytes(tmp_path):
    jl = tmp_path / "d.jsonl"
    jl.write_text("".join(json.dumps({"id": str(i), "text": GOOD}) + "\n" for i in range(6)))
    assert ie(jl, "--out", tmp_path / "one.jsonl") == 0
    assert ie(jl, "--out", tmp_path / "two.jsonl", "--n-process", "2", "--batch-size", "2") == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
