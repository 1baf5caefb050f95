"""Parquet through ``ie extract``: Parquet files as input (named or found in a folder)
read like JSONL of {id, text}, and ``--parquet`` writing the whole output as Parquet."""

import json

import pyarrow as pa
import pyarrow.parquet as pq

from ie.cli import main
from ie.extract.parquet import read_results

TEXTS = ["Long An has 35 industrial parks on 12,000 ha.", " ", "Hai Phong drew US$3 billion in 2024.",
         "The Que Vo II Industrial Park in Bac Ninh drew VND4,128 billion in 2021-25."]


def ie(*args):
    return main(["extract", *map(str, args), "--model", "rules", "--quiet"])


def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_parquet_input_gives_the_jsonl_input_output_and_parquet_output_round_trips(tmp_path):
    ids = [f"n{i}" for i in range(len(TEXTS))]
    src = tmp_path / "src"
    src.mkdir()
    pq.write_table(pa.table({"id": ids, "text": TEXTS}), src / "in.parquet", row_group_size=2)
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, TEXTS)),
                                       encoding="utf-8")
    assert ie(tmp_path / "in.jsonl", "--out", tmp_path / "a.jsonl") == 1  # the blank text is an error line
    assert ie(src, "--out", tmp_path / "b.jsonl", "--parquet", tmp_path / "b.parquet") == 1
    a, b = lines(tmp_path / "a.jsonl"), lines(tmp_path / "b.jsonl")
    assert [d["id"] for d in b] == ids
    assert [d.get("entities") for d in b] == [d.get("entities") for d in a]
    assert "error" in b[1] and "src/in.parquet:2(n1): empty document" in b[1]["error"]
    assert list(read_results(tmp_path / "b.parquet")) == b
    assert pq.ParquetFile(tmp_path / "b.parquet").metadata.num_rows == len(TEXTS)


def test_a_parquet_main_output_is_refused_with_the_option_to_use(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Long An has 35 industrial parks.", encoding="utf-8")
    assert ie(tmp_path / "a.txt", "--out", tmp_path / "out.parquet") == 2
    assert "--parquet FILE" in capsys.readouterr().err
    assert not (tmp_path / "out.parquet").exists()


def test_parquet_without_a_text_column_is_one_error_line_naming_the_file(tmp_path):
    pq.write_table(pa.table({"id": ["x"], "body": ["Long An"]}), tmp_path / "bad.parquet")
    assert ie(tmp_path / "bad.parquet", "--out", tmp_path / "o.jsonl") == 1
    (err,) = lines(tmp_path / "o.jsonl")
    assert "bad.parquet" in err["error"] and "'text'" in err["error"]
