import csv
import io
import json
import subprocess
import sys

import pytest

from ie.facts.cli import main
from ie.facts.query import csv_safe
from tests.conftest import SHARED
from tests.facts.docs import all_docs, record

ARTICLES = {
    "hue.txt": ("HUẾ — The Phu Bai Industrial Park covers 818 ha, Thua Thien Hue officials said.\n\n"
                "Phu Bai Industrial Park drew 250 million USD in 2023.\n"),
    "hue2.txt": ("Hue plans more land for industry\n\n"
                 "Phu Bai Industrial Park covers 820 ha, the provincial board said.\n"),
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Our two articles and the seed articles, through the rule baseline of `ie extract`."""
    d = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    inputs = [str(d)]
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        inputs.append(str(seeds))
    out = tmp_path_factory.mktemp("results") / "results.jsonl"  # never inside an input folder (ie extract refuses)
    subprocess.run([sys.executable, "-m", "ie", "extract", *inputs, "--model", "rules", "--out", str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture
def db_path(tmp_path):
    res = tmp_path / "hand.jsonl"
    res.write_text("".join(json.dumps(d) + "\n" for d in all_docs()), encoding="utf-8")
    db = tmp_path / "facts.duckdb"
    assert main(["ingest", "--db", str(db), str(res), "--model-version", "hand"]) == 0
    return db


def test_extract_then_ingest_is_idempotent_and_finds_the_conflict(extracted, tmp_path, capsys):
    db = tmp_path / "f.duckdb"
    assert main(["ingest", "--db", str(db), str(extracted)]) == 0
    first = capsys.readouterr().err
    assert " added" in first
    assert main(["ingest", "--db", str(db), str(extracted)]) == 0
    assert "0 added, 0 replaced" in capsys.readouterr().err
    assert main(["--db", str(db), "--facility", "Phu Bai", "--format", "json"]) == 0
    subjects = json.loads(capsys.readouterr().out)
    assert [s["subject"] for s in subjects] == ["Phu Bai Industrial Park"]
    areas = {f["number"]: f for f in subjects[0]["facts"] if f["attribute"] == "area"}
    assert set(areas) == {818.0, 820.0}  # two articles disagree: both kept, each marked
    assert "820 ha" in areas[818.0]["conflict"] and "818 ha" in areas[820.0]["conflict"]
    # ids of files found in a folder are their paths (folder/name)
    assert {s["document"].split("/")[-1] for f in areas.values() for s in f["sources"]} == {"hue.txt", "hue2.txt"}


def test_seed_extraction_shows_bac_ninh_parks_with_areas_and_sources(extracted, tmp_path, capsys):
    if not (SHARED / "seeds").is_dir():
        pytest.skip("seed articles not present")
    db = tmp_path / "seeds.duckdb"
    assert main(["ingest", "--db", str(db), str(extracted)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "--province", "Bac Ninh"]) == 0
    table = capsys.readouterr().out
    # the article writes "Yen Phong Industrial Park II-A"; the lexicon names it "Yen Phong II-A Industrial Park"
    assert "Yen Phong II-A Industrial Park  [industrial park; Bac Ninh]" in table
    assert "16 concentrated industrial parks" in table
    assert "6,397.68 ha" in table and "000_aa6c0136b7f1dd25.txt:" in table
    assert "Bac Giang" not in table  # merged into Bac Ninh in 2025, but a different pre-2025 unit
    assert main(["--db", str(db), "--province", "Bac Ninh", "--merged", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["province"] for r in rows} == {"Bac Ninh", "Bac Giang"}


def test_formats_filters_and_plot(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "--province", "Thừa Thiên Huế", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["subject"] for r in rows} == {"Phu Bai Industrial Park", "9 industrial clusters"}
    assert all(r["sentence"] and r["document"] for r in rows)
    assert main(["--db", str(db_path), "--since", "2025", "--format", "json"]) == 0
    facts = [f for s in json.loads(capsys.readouterr().out) for f in s["facts"]]
    assert facts and all(f["date_end"] >= 2025 for f in facts)
    out = tmp_path / "f.parquet"
    assert main(["--db", str(db_path), "--format", "parquet", "--out", str(out)]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows > 5
    png = tmp_path / "bn.png"
    assert main(["--db", str(db_path), "--province", "Bac Ninh", "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "conflicting values, also: 720 ha (vsip-b)" in capsys.readouterr().out
    lite = tmp_path / "f.sqlite"
    assert main(["export", "--db", str(db_path), "--sqlite", str(lite)]) == 0


def test_csv_is_formula_neutral(tmp_path, capsys):
    doc = record("formula", "=HYPERLINK Industrial Park covers 5 ha in Bac Ninh.",
                 [("FACILITY", "=HYPERLINK Industrial Park"), ("AREA", "5 ha"), ("PROVINCE", "Bac Ninh")],
                 [(0, "HAS_AREA", 1), (0, "LOCATED_IN", 2)])
    res = tmp_path / "r.jsonl"
    res.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    assert main(["ingest", "--db", str(db), str(res)]) == 0
    assert main(["--db", str(db), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert not any(c[:1] in "=+-@" and c for c in cells)
    assert "'=HYPERLINK Industrial Park" in cells
    assert csv_safe("-3") == "'-3" and csv_safe(None) == ""


def test_clear_errors(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.duckdb")]) == 2
    assert "none.duckdb: no facts database" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": 5}\n', encoding="utf-8")
    assert main(["ingest", "--db", str(tmp_path / "f.duckdb"), str(bad)]) == 2
    assert f"{bad}:1 (a): missing 'text'" in capsys.readouterr().err
    db = tmp_path / "f.duckdb"
    assert main(["--db", str(db), "--province", "Atlantis"]) == 2
    assert "unknown province 'Atlantis'" in capsys.readouterr().err


def test_python_m_entry_point(db_path):
    out = subprocess.run([sys.executable, "-m", "ie.facts", "--db", str(db_path), "--facility", "VSIP"],
                         check=True, capture_output=True, text=True).stdout
    assert out.startswith("VSIP Bac Ninh  [industrial park; Bac Ninh]")


def test_plugs_into_an_ie_style_parser(db_path, capsys):
    import argparse

    from ie.facts import cli

    root = argparse.ArgumentParser(prog="ie")
    sub = root.add_subparsers(dest="cmd", required=True)
    cli.add_commands(sub)
    args = root.parse_args(["facts", "--db", str(db_path), "--province", "Hue", "--format", "json"])
    assert args.func(args) == 0
    assert json.loads(capsys.readouterr().out)[0]["province_2025"] == "Hue"
    args = root.parse_args(["facts", "ingest", "--db", str(db_path), str(db_path.parent / "hand.jsonl")])
    assert args.func(args) == 0
    assert "0 added, 0 replaced, 4 unchanged" in capsys.readouterr().err
