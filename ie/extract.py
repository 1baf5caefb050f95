"""``ie extract``: batch extraction over new articles.

Every input document yields exactly one output line, in input order: the extraction in
the shared format (entities with ``norm``, relations with ``score``), or
``{"id", "error"}`` with the reason. Output is appended and flushed line by line, so an
interrupted run never corrupts what was written; ``--resume`` skips finished ids and
repairs a last line cut short by a crash.
"""

from __future__ import annotations

import csv
import html
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ie.docs import json_lines

TEXT_SUFFIXES = {".txt", ".md"}


@dataclass
class Item:
    id: str
    text: str | None
    error: str | None
    source: str


def _decode(raw: bytes, where: str) -> tuple[str | None, str | None]:
    if b"\x00" in raw[:8192]:
        return None, f"{where}: binary file (NUL bytes), not text"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, f"{where}: not UTF-8 text (bad byte 0x{raw[exc.start]:02x} at offset {exc.start})"
    if not text.strip():
        return None, f"{where}: empty document"
    return text, None


def iter_inputs(inputs: Iterable[str], stdin=None) -> Iterator[Item]:
    """Documents from .txt/.md files, directories (recursive, sorted), JSONL files of
    {"id", "text"}, or "-" (standard input: JSONL if it looks like JSON lines, else one text)."""
    for inp in inputs:
        if inp == "-":
            raw = (stdin or sys.stdin.buffer).read()
            text, err = _decode(raw, "<stdin>")
            if text is not None and text.lstrip().startswith("{"):
                yield from _jsonl_items(text.splitlines(), "<stdin>")
            else:
                yield Item("stdin", text, err, "<stdin>")
            continue
        p = Path(inp)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in TEXT_SUFFIXES | {".jsonl"})
            for q in files:
                yield from _file_items(q)
        else:
            yield from _file_items(p)


def _file_items(p: Path) -> Iterator[Item]:
    try:
        raw = p.read_bytes()
    except OSError as exc:
        yield Item(p.stem, None, f"{p}: unreadable ({exc.strerror or exc})", str(p))
        return
    text, err = _decode(raw, str(p))
    if p.suffix.lower() == ".jsonl" and not err:
        yield from _jsonl_items(text.splitlines(), str(p))
    else:
        yield Item(p.stem, text, err, str(p))


def _jsonl_items(lines: list[str], where: str) -> Iterator[Item]:
    for loc, obj, err in json_lines(lines, where):
        n = loc.rsplit(":", 1)[1]
        if err:
            yield Item(f"{Path(where).stem}:{n}", None, f"{loc}: {err}", loc)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), (str, int)):
            yield Item(f"{Path(where).stem}:{n}", None, f"{loc}: a JSONL line needs an 'id'", loc)
            continue
        doc_id = str(obj["id"])
        text = obj.get("text")
        if not isinstance(text, str):
            yield Item(doc_id, None, f"{loc}({doc_id}): missing 'text' string", loc)
        elif not text.strip():
            yield Item(doc_id, None, f"{loc}({doc_id}): empty document", loc)
        elif "\x00" in text:
            yield Item(doc_id, None, f"{loc}({doc_id}): text contains NUL characters (binary?)", loc)
        else:
            yield Item(doc_id, text, None, loc)


def load_model(model: str, device: str = "cpu"):
    """A pipeline directory, or ``rules`` for the rule-based extractor. ``device``
    ("cpu", "cuda", "cuda:N") is where the trained model runs."""
    if model == "rules":
        from ie.components.rules import rules_pipeline

        return rules_pipeline()
    import spacy

    path = Path(model)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no trained pipeline at {path} (train one with `ie train --output {path}`, or use --model rules)")
    nlp = spacy.load(path, config={"components": {"planning_ie": {"device": device}}} if device != "cpu" else {})
    if "planning_normalizer" not in nlp.pipe_names:
        nlp.add_pipe("planning_normalizer")
    return nlp


def completed_ids(out: Path) -> set[str]:
    """Ids already written to ``out``; a last line cut short by a crash is removed."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    done: set[str] = set()
    good_end = 0
    pos = 0
    for line in data.splitlines(keepends=True):
        pos += len(line)
        if not line.endswith(b"\n"):
            break
        try:
            obj = json.loads(line)
            done.add(str(obj["id"]))
            good_end = pos
        except (json.JSONDecodeError, KeyError, TypeError):
            break
    if good_end != len(data):
        with out.open("r+b") as fh:
            fh.truncate(good_end)
    return done


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


def render_html(doc_jsons: list[dict]) -> str:
    from spacy import displacy

    parts = ["<!doctype html><meta charset='utf-8'><title>planning-ie review</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:auto} table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px} .err{color:#b00}</style>"]
    colors = {"PROVINCE": "#a6cee3", "FACILITY": "#b2df8a", "MONEY": "#fdbf6f", "AREA": "#cab2d6", "DATE": "#fb9a99"}
    for d in doc_jsons:
        parts.append(f"<h2>{html.escape(d['id'])}</h2>")
        if "error" in d:
            parts.append(f"<p class='err'>{html.escape(d['error'])}</p>")
            continue
        ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in d["entities"]]
        parts.append(displacy.render({"text": d["text"], "ents": ents, "title": None}, style="ent", manual=True,
                                     options={"colors": colors}, page=False, jupyter=False))
        by = {e["id"]: e for e in d["entities"]}
        parts.append("<table><tr><th>head</th><th>relation</th><th>tail</th><th>score</th></tr>")
        for r in d["relations"]:
            h, t = by[r["head"]], by[r["tail"]]
            parts.append(f"<tr><td>{html.escape(d['text'][h['start']:h['end']])}</td><td>{r['label']}</td>"
                         f"<td>{html.escape(d['text'][t['start']:t['end']])}</td><td>{r.get('score', '')}</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)


def run_extract(inputs: list[str], out: Path, model: str, csv_path: Path | None = None, html_path: Path | None = None,
                batch_size: int = 16, n_process: int = 1, resume: bool = False, progress: bool = True, stdin=None) -> dict:
    from ie.components.results import doc_to_document

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    done = completed_ids(out) if resume else set()
    if not resume and out.exists():
        out.unlink()
    nlp = load_model(model)
    nlp.max_length = max(nlp.max_length, 50_000_000)
    items = list(iter_inputs(inputs, stdin=stdin))
    seen: dict[str, int] = {}
    for it in items:  # duplicate ids would make --resume ambiguous: number them
        if it.id in seen:
            seen[it.id] += 1
            it.id = f"{it.id}#{seen[it.id]}"
        else:
            seen[it.id] = 1
    todo = [it for it in items if it.id not in done]
    stats = {"documents": len(items), "skipped": len(items) - len(todo), "ok": 0, "errors": 0, "words": 0, "seconds": 0.0,
             "error_list": []}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="doc", desc="extracting", dynamic_ncols=True, file=sys.stderr)
    t0 = time.time()
    written: list[dict] = []
    keep_for_html = html_path is not None
    with out.open("a", encoding="utf-8") as fh:
        good = [it for it in todo if it.error is None]
        results = {}
        gen = nlp.pipe(((it.text, it.id) for it in good), as_tuples=True, batch_size=batch_size, n_process=n_process)

        def emit(obj):
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            fh.flush()
            if keep_for_html or csv_path is not None:
                written.append(obj)

        order = [it.id for it in todo]
        errors = {it.id: it.error for it in todo if it.error is not None}
        k = 0

        def drain():
            nonlocal k
            while k < len(order) and (order[k] in results or order[k] in errors):
                oid = order[k]
                if oid in errors:
                    emit({"id": oid, "error": errors.pop(oid)})
                    stats["errors"] += 1
                    stats["error_list"].append(oid)
                else:
                    emit(results.pop(oid))
                    stats["ok"] += 1
                if bar is not None:
                    el = max(time.time() - t0, 1e-9)
                    bar.set_postfix(docs_s=f"{(stats['ok'] + stats['errors']) / el:.1f}", words_s=f"{stats['words'] / el:.0f}")
                    bar.update(1)
                k += 1

        drain()
        for doc, doc_id in gen:
            try:
                results[doc_id] = doc_to_document(doc, doc_id).to_json()
            except Exception as exc:  # never lose a document: report it
                errors[doc_id] = f"{doc_id}: failed while writing the result ({exc!r})"
            stats["words"] += len(doc.text.split())
            drain()
        drain()
    stats["seconds"] = round(time.time() - t0, 2)
    if bar is not None:
        bar.close()
    if csv_path is not None:
        with Path(csv_path).open("w", newline="", encoding="utf-8") as cf:
            w = csv.DictWriter(cf, fieldnames=CSV_FIELDS)
            w.writeheader()
            for d in written:
                if "error" not in d:
                    w.writerows(facts_rows(d))
    if html_path is not None:
        Path(html_path).write_text(render_html(written), encoding="utf-8")
    stats["words_per_s"] = round(stats["words"] / stats["seconds"], 1) if stats["seconds"] else None
    return stats
