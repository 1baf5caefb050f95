"""``ie extract --resume`` with every writer at once (--csv, --html, --db) and two
processes, after a run cut in the middle of a line: the outputs equal those of one
uninterrupted single-process run (what test_contract.py checks writer by writer)."""

import json

import pytest

from ie.cli import main

TEXTS = ["Bac Ninh has 16 industrial parks covering 6,397.68 ha by 2030.",
         "Hai Phong plans the Deep C Industrial Park of 300 ha, with VND4,128 billion invested in 2024.",
         "Long An drew US$1.2 billion in 2023 for 12 new industrial clusters.",
         "Dong Nai has 32 IPs."]


def ie(*args):
    return main(["extract", *map(str, args), "--model", "rules", "--quiet"])


def test_resume_with_csv_html_db_and_two_processes_equals_one_run(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    jl = tmp_path / "d.jsonl"
    jl.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    full, part = tmp_path / "full", tmp_path / "part"
    outs = lambda d: ["--out", d / "o.jsonl", "--csv", d / "f.csv", "--html", d / "r.html", "--db", d / "f.duckdb"]  # noqa: E731
    assert ie(jl, *outs(full)) == 0
    # an interrupted run: two finished lines and half of the third
    lines = (full / "o.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    part.mkdir()
    (part / "o.jsonl").write_text(lines[0] + lines[1] + lines[2][: len(lines[2]) // 2], encoding="utf-8")
    assert ie(jl, *outs(part), "--resume", "--n-process", "2", "--batch-size", "1") == 0
    for name in ("o.jsonl", "f.csv", "r.html"):
        assert (part / name).read_bytes() == (full / name).read_bytes(), name

    def db_rows(d):
        con = duckdb.connect(str(d / "f.duckdb"), read_only=True)
        try:
            docs = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
            tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
            counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
        finally:
            con.close()
        return docs, counts

    docs, counts = db_rows(part)
    assert docs == ["d0", "d1", "d2", "d3"]
    assert (docs, counts) == db_rows(full)
