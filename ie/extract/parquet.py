"""Parquet input and output for extraction, streamed: documents are read one record
batch at a time and results written one row group at a time, so memory does not grow
with the number of documents.

Input: a Parquet file with an ``id`` (string or integer) and a ``text`` column (names
configurable); every row becomes one :class:`ie.extract.inputs.Item`.

Output (:class:`ParquetResults`): one row per document, in the order written::

    id: string, error: string (null when extracted), text: string,
    entities: list<struct<id, start, end, label, attrs>>,
    relations: list<struct<head, tail, label, score>>,
    attrs: string

``attrs`` holds, as a JSON object, every other key of the record (an entity's ``norm``
and ``norm_error``, a document's ``meta``...), so nothing of the JSONL line is lost.

:func:`read_results` turns such a file back into the JSON objects of the JSONL output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ie.extract.items import Item, check_text

ROWS_PER_GROUP = 512


def _schema():
    import pyarrow as pa

    ent = pa.struct([("id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()),
                     ("attrs", pa.string())])
    rel = pa.struct([("head", pa.string()), ("tail", pa.string()), ("label", pa.string()), ("score", pa.float64())])
    return pa.schema([("id", pa.string()), ("error", pa.string()), ("text", pa.string()),
                      ("entities", pa.list_(ent)), ("relations", pa.list_(rel)), ("attrs", pa.string())])


def parquet_row_groups(path: str | Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(str(path)).num_row_groups


def iter_parquet_items(path: str | Path, id_column: str = "id", text_column: str = "text",
                       row_groups: list[int] | None = None, batch_rows: int = 256) -> Iterator[Item]:
    """Documents of a Parquet file (or of some of its row groups), one batch in memory at a time."""
    import pyarrow.parquet as pq

    path = str(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - any unreadable file becomes one error item
        yield Item(Path(path).as_posix(), None, f"{path}: not a readable Parquet file ({exc})", path)
        return
    names = set(pf.schema_arrow.names)
    for col in (id_column, text_column):
        if col not in names:
            yield Item(Path(path).as_posix(), None, f"{path}: no {col!r} column (columns: {sorted(names)})", path)
            return
    groups = list(range(pf.num_row_groups)) if row_groups is None else row_groups
    row = sum(pf.metadata.row_group(g).num_rows for g in range(groups[0])) if groups else 0
    for batch in pf.iter_batches(batch_size=batch_rows, row_groups=groups, columns=[id_column, text_column]):
        ids, texts = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        for doc_id, text in zip(ids, texts):
            row += 1
            loc = f"{path}:{row}"
            if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
                yield Item(f"{Path(path).as_posix()}:{row}", None, f"{loc}: a row needs an {id_column!r}", loc)
                continue
            doc_id = str(doc_id)
            if not isinstance(text, str):
                yield Item(doc_id, None, f"{loc}({doc_id}): missing {text_column!r} string", loc)
                continue
            text, err = check_text(text, f"{loc}({doc_id})")
            yield Item(doc_id, text, err, loc)


_ENT = ("id", "start", "end", "label")
_REL = ("head", "tail", "label", "score")
_DOC = ("id", "text", "entities", "relations")


def _rest(obj: dict, known: tuple) -> str | None:
    rest = {k: v for k, v in obj.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False) if rest else None


def result_row(obj: dict) -> dict:
    """A result (or error) object of the JSONL output as a Parquet row."""
    if "error" in obj:
        return {"id": obj["id"], "error": obj["error"], "text": None, "entities": None, "relations": None,
                "attrs": _rest(obj, ("id", "error"))}
    ents = [{**{k: e[k] for k in _ENT}, "attrs": _rest(e, _ENT)} for e in obj["entities"]]
    for r in obj["relations"]:
        if set(r) - set(_REL):
            raise ValueError(f"{obj['id']}: relation keys {sorted(set(r) - set(_REL))} have no Parquet column")
    rels = [{"head": r["head"], "tail": r["tail"], "label": r["label"], "score": r.get("score")}
            for r in obj["relations"]]
    return {"id": obj["id"], "error": None, "text": obj["text"], "entities": ents, "relations": rels,
            "attrs": _rest(obj, _DOC)}


def row_result(row: dict) -> dict:
    """Back from a Parquet row to the JSON object of the JSONL output."""
    extra = json.loads(row["attrs"]) if row.get("attrs") else {}
    if row["error"] is not None:
        return {"id": row["id"], "error": row["error"], **extra}
    ents = [{**{k: e[k] for k in _ENT}, **(json.loads(e["attrs"]) if e["attrs"] else {})} for e in row["entities"]]
    rels = []
    for r in row["relations"]:
        d = {"head": r["head"], "tail": r["tail"], "label": r["label"]}
        if r["score"] is not None:
            d["score"] = r["score"]
        rels.append(d)
    out = {"id": row["id"], "text": row["text"], **{k: v for k, v in extra.items() if k == "meta"},
           "entities": ents, "relations": rels}
    out.update({k: v for k, v in extra.items() if k != "meta"})
    return out


class ParquetResults:
    """Writes results as they come, one row group per ``rows_per_group`` documents."""

    def __init__(self, path: str | Path, rows_per_group: int = ROWS_PER_GROUP):
        import pyarrow.parquet as pq

        self.path = Path(path)
        self.schema = _schema()
        self.rows_per_group = rows_per_group
        self.buf: list[dict] = []
        self.rows = 0
        self.writer = pq.ParquetWriter(str(self.path), self.schema, compression="zstd")

    def write(self, obj: dict) -> None:
        self.buf.append(result_row(obj))
        if len(self.buf) >= self.rows_per_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.buf:
            self.writer.write_table(pa.Table.from_pylist(self.buf, schema=self.schema))
            self.rows += len(self.buf)
            self.buf = []

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def __enter__(self) -> ParquetResults:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_results(path: str | Path) -> Iterator[dict]:
    """The JSON objects stored in a results Parquet file, in order, a batch at a time."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(str(path)).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            yield row_result(row)
