"""What ``ie extract`` writes: the JSONL results (one line per document, appended and
flushed as it goes; :class:`ResultsIndex` reads an earlier file back for ``--resume``) and,
streamed over the finished JSONL, the facts CSV, the HTML review page and the facts
database. CSV, HTML and database therefore always cover the whole output file, also after
a resumed or interrupted run, and each is replaced atomically (a crash leaves the old one).
"""

from __future__ import annotations

import csv
import html
import json
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator


def result_line(obj: dict) -> bytes:
    """One JSONL line (UTF-8, newline-terminated). Raises ValueError/UnicodeEncodeError when
    the object cannot be written (an integer beyond Python's digit limit, a lone surrogate)."""
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def error_line(doc_id: str, error: str) -> bytes:
    """An error line that can always be written (ASCII escapes if it has to)."""
    obj = {"id": doc_id, "error": error}
    try:
        return result_line(obj)
    except (ValueError, UnicodeEncodeError):
        return (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii")


@dataclass
class ResultsIndex:
    """What an earlier results file holds: for each id, where its last line is (byte offset,
    length) and whether it is an error line; ``order`` lists ids in file order."""

    offsets: dict[str, tuple[int, int, bool]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    clean: bool = True  # every line parsed, no error lines, no repeated ids
    bad_lines: int = 0
    end: int = 0  # bytes up to the last complete line

    @classmethod
    def read(cls, path: Path) -> ResultsIndex:
        """Index ``path``, streaming; a last line cut short by a crash is not counted (and is
        cut off by :meth:`repair`). Unparsable lines elsewhere are counted and skipped, never
        a reason to drop the lines after them."""
        idx = cls()
        if not path.is_file():  # nothing yet (or a device such as /dev/null)
            return idx
        pos = 0
        with path.open("rb") as fh:
            for line in fh:
                start, pos = pos, pos + len(line)
                if not line.endswith(b"\n"):
                    break  # cut short: everything before it stands
                idx.end = pos
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    doc_id = obj["id"]
                    if not isinstance(doc_id, str):
                        raise TypeError
                except (ValueError, KeyError, TypeError, RecursionError):
                    idx.bad_lines += 1
                    idx.clean = False
                    continue
                is_error = "error" in obj
                if doc_id in idx.offsets or is_error:
                    idx.clean = False
                if doc_id not in idx.offsets:
                    idx.order.append(doc_id)
                prev = idx.offsets.get(doc_id)
                if prev is None or is_error <= prev[2]:  # a result beats an error line
                    idx.offsets[doc_id] = (start, len(line), is_error)
        return idx

    def repair(self, path: Path) -> None:
        """Cut off a last line left unfinished by a crash."""
        if path.exists() and path.stat().st_size != self.end and stat.S_ISREG(path.stat().st_mode):
            with path.open("r+b") as fh:
                fh.truncate(self.end)

    def done(self, doc_id: str) -> bool:
        """True when ``doc_id`` has a result (error lines are retried)."""
        got = self.offsets.get(doc_id)
        return got is not None and not got[2]


def completed_ids(out: Path) -> set[str]:
    """Ids with a result in ``out`` (error lines are not completed); a last line cut short by a
    crash is removed."""
    idx = ResultsIndex.read(Path(out))
    idx.repair(Path(out))
    return {k for k in idx.order if idx.done(k)}


def iter_results(path: Path) -> Iterator[dict]:
    """The records of a results file, one at a time."""
    with Path(path).open("rb") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@contextmanager
def replace_atomically(path: Path, mode: str = "w") -> Iterator[IO]:
    """Write ``path`` through a temporary file beside it, renamed over it when complete (a
    crash leaves the old file). Devices and FIFOs (not regular files) are written directly."""
    path = Path(path)
    if path.exists() and not path.is_file():
        with path.open(mode, encoding=None if "b" in mode else "utf-8", newline="" if "b" not in mode else None) as fh:
            yield fh
        return
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        with tmp.open(mode, encoding=None if "b" in mode else "utf-8", newline="" if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def facts_rows(doc_json: dict) -> list[dict]:
    """One row per fact (relation), plus one per entity that takes part in none."""
    text = doc_json["text"]
    ents = {e["id"]: e for e in doc_json["entities"]}
    rows, used = [], set()
    from ie.text import tokenize

    sents = [(s.start_char, s.end_char) for s in tokenize(text).sents]

    def sent_of(off):
        return next((i for i, (a, b) in enumerate(sents) if a <= off < b), -1)

    def val(e):
        n = e.get("norm") or {}
        if e["label"] == "MONEY":
            return n.get("amount"), n.get("currency")
        if e["label"] == "AREA":
            return n.get("hectares"), "ha"
        return None, None

    for r in doc_json["relations"]:
        h, t = ents[r["head"]], ents[r["tail"]]
        used |= {h["id"], t["id"]}
        row = {"document": doc_json["id"], "sentence": sent_of(h["start"]), "relation": r["label"], "score": r.get("score"),
               "province": "", "facility": "", "value": "", "unit": "", "date": "", "head": text[h["start"]:h["end"]],
               "tail": text[t["start"]:t["end"]], "head_start": h["start"], "head_end": h["end"],
               "tail_start": t["start"], "tail_end": t["end"]}
        for e in (h, t):
            s = text[e["start"]:e["end"]]
            if e["label"] == "PROVINCE":
                row["province"] = (e.get("norm") or {}).get("name", s)
            elif e["label"] == "FACILITY":
                row["facility"] = s
            elif e["label"] == "DATE":
                row["date"] = s
            else:
                v, u = val(e)
                row["value"], row["unit"] = (v if v is not None else s), (u or "")
        rows.append(row)
    for e in doc_json["entities"]:
        if e["id"] in used:
            continue
        s = text[e["start"]:e["end"]]
        v, u = val(e)
        rows.append({"document": doc_json["id"], "sentence": sent_of(e["start"]), "relation": "", "score": "",
                     "province": (e.get("norm") or {}).get("name", s) if e["label"] == "PROVINCE" else "",
                     "facility": s if e["label"] == "FACILITY" else "", "value": v if v is not None else ("" if e["label"] in ("PROVINCE", "FACILITY", "DATE") else s),
                     "unit": u or "", "date": s if e["label"] == "DATE" else "", "head": s, "tail": "",
                     "head_start": e["start"], "head_end": e["end"], "tail_start": "", "tail_end": ""})
    return rows


CSV_FIELDS = ["document", "sentence", "relation", "score", "province", "facility", "value", "unit", "date", "head", "tail",
              "head_start", "head_end", "tail_start", "tail_end"]


def write_csv(results: Path, csv_path: Path) -> int:
    """The facts CSV of every result in ``results``, streamed; cells that a spreadsheet
    would run as a formula (``= + - @``, tab, CR first) are written as text (OWASP)."""
    from ie.facts.query import csv_safe

    n = 0
    with replace_atomically(csv_path) as cf:
        w = csv.writer(cf, lineterminator="\n")
        w.writerow(CSV_FIELDS)
        for d in iter_results(results):
            if "error" in d:
                continue
            for row in facts_rows(d):
                w.writerow([v if isinstance(v, (int, float)) else csv_safe(v) for v in (row[k] for k in CSV_FIELDS)])
                n += 1
    return n


def write_parquet(results: Path, parquet_path: Path) -> int:
    """The results (and error lines) of ``results`` as a Parquet file
    (:mod:`ie.extract.parquet`), one row group at a time, through a temporary file."""
    import os

    from ie.extract.parquet import ParquetResults

    tmp = parquet_path.with_name(parquet_path.name + ".tmp")
    try:
        with ParquetResults(tmp) as w:
            for d in iter_results(results):
                w.write(d)
        os.replace(tmp, parquet_path)
    finally:
        tmp.unlink(missing_ok=True)
    return w.rows


_HTML_HEAD = ("<!doctype html><meta charset='utf-8'><title>planning-ie review</title>\n"
              "<style>body{font-family:sans-serif;max-width:1100px;margin:auto} table{border-collapse:collapse}"
              "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px} .err{color:#b00}</style>\n")
_COLORS = {"PROVINCE": "#a6cee3", "FACILITY": "#b2df8a", "MONEY": "#fdbf6f", "AREA": "#cab2d6", "DATE": "#fb9a99"}


def html_part(d: dict) -> str:
    """The review-page section of one result (every text from the document is escaped)."""
    from spacy import displacy

    parts = [f"<h2>{html.escape(d['id'])}</h2>"]
    if "error" in d:
        parts.append(f"<p class='err'>{html.escape(d['error'])}</p>")
        return "\n".join(parts)
    ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in d["entities"]]
    parts.append(displacy.render({"text": d["text"], "ents": ents, "title": None}, style="ent", manual=True,
                                 options={"colors": _COLORS}, page=False, jupyter=False))
    by = {e["id"]: e for e in d["entities"]}
    parts.append("<table><tr><th>head</th><th>relation</th><th>tail</th><th>score</th></tr>")
    for r in d["relations"]:
        h, t = by[r["head"]], by[r["tail"]]
        parts.append(f"<tr><td>{html.escape(d['text'][h['start']:h['end']])}</td><td>{html.escape(r['label'])}</td>"
                     f"<td>{html.escape(d['text'][t['start']:t['end']])}</td><td>{html.escape(str(r.get('score', '')))}</td></tr>")
    parts.append("</table>")
    return "\n".join(parts)


def render_html(doc_jsons) -> str:
    """The whole review page of some results (small inputs; ``write_html`` streams)."""
    return _HTML_HEAD + "\n".join(html_part(d) for d in doc_jsons)


def write_html(results: Path, html_path: Path) -> int:
    """The review page of every result in ``results``, streamed one document at a time."""
    n = 0
    with replace_atomically(html_path) as fh:
        fh.write(_HTML_HEAD)
        for d in iter_results(results):
            fh.write(html_part(d) + "\n")
            n += 1
    return n


def write_db(results: Path, db_path: Path, model_version: str | None) -> dict:
    """Store every line of ``results`` in the facts database (``ie facts``): unchanged
    documents are left alone, new content replaces old, error lines are counted."""
    from ie.facts import FactsStore

    with FactsStore(db_path) as db:
        counts = db.ingest_jsonl(results, model_version=model_version)
    return dict(counts)
