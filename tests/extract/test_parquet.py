"""Parquet input and output of extraction: documents read a batch at a time, results
written a row group at a time and read back as the JSONL objects they came from."""

import json

import pyarrow as pa
import pyarrow.parquet as pq

from ie.extract.parquet import ParquetResults, iter_parquet_items, read_results

RESULT = {"id": "a", "text": "Bac Ninh has 6,397.68 ha.",
          "entities": [{"id": "T1", "start": 0, "end": 8, "label": "PROVINCE", "norm": {"name": "Bac Ninh", "unit_2025": "Bac Ninh"}},
                       {"id": "T2", "start": 13, "end": 24, "label": "AREA", "norm": {"hectares": 6397.68}},
                       {"id": "T3", "start": 0, "end": 3, "label": "DATE"},
                       {"id": "T4", "start": 0, "end": 3, "label": "MONEY", "norm": None, "norm_error": "unknown number word"}],
          "relations": [{"head": "T1", "tail": "T2", "label": "HAS_AREA", "score": 0.9731},
                        {"head": "T1", "tail": "T2", "label": "HAS_AREA"}]}


def test_results_round_trip_through_row_groups(tmp_path):
    objs = [dict(RESULT, id=f"d{i}") for i in range(7)] + [{"id": "bad", "error": "bad: empty document"}]
    with ParquetResults(tmp_path / "r.parquet", rows_per_group=3) as w:
        for o in objs:
            w.write(o)
    assert pq.ParquetFile(tmp_path / "r.parquet").num_row_groups == 3
    assert list(read_results(tmp_path / "r.parquet")) == objs
    assert json.dumps(list(read_results(tmp_path / "r.parquet"))) == json.dumps(objs)  # same key order too


def test_documents_are_read_from_selected_row_groups_with_row_numbers(tmp_path):
    table = pa.table({"id": ["a", "b", None, "d", "5"], "text": ["Bac Ninh.", "  ", "x", None, "Long An."]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    items = list(iter_parquet_items(tmp_path / "in.parquet"))
    assert [(i.id, i.text) for i in items if i.error is None] == [("a", "Bac Ninh."), ("5", "Long An.")]
    errs = {i.id: i.error for i in items if i.error}
    assert "empty document" in errs["b"] and "in.parquet:2(b)" in errs["b"]
    assert f"{(tmp_path / 'in.parquet').as_posix()}:3" in errs and "missing 'text'" in errs["d"]
    later = list(iter_parquet_items(tmp_path / "in.parquet", row_groups=[2]))
    assert [(i.id, i.source.rsplit(":", 1)[1]) for i in later] == [("5", "5")]
    pq.write_table(pa.table({"id": [7], "text": ["Hai Phong."]}), tmp_path / "ints.parquet")
    assert [(i.id, i.text) for i in iter_parquet_items(tmp_path / "ints.parquet")] == [("7", "Hai Phong.")]


def test_a_file_without_the_text_column_is_one_error(tmp_path):
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), tmp_path / "x.parquet")
    (item,) = iter_parquet_items(tmp_path / "x.parquet")
    assert item.text is None and "no 'text' column" in item.error
