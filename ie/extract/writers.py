"""What ``ie extract`` writes besides the JSONL results: resume bookkeeping
(:func:`completed_ids`), the facts CSV and the HTML review page."""


from __future__ import annotations

import html
import json
from pathlib import Path


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
