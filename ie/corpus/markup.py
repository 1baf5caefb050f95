"""Inline markup for writing annotated documents by hand.

A markup file (``.md``) holds one or more documents::

    ### doc: quang-ninh-ez-2024
    ### meta: {"title": "...", "style": "news-agency"}
    [[Quang Ninh|PROVINCE|qn]] plans [[two coastal economic zones|FACILITY|g]], ...
    ### relations
    g LOCATED_IN qn

Spans are written ``[[surface|LABEL]]`` or ``[[surface|LABEL|key]]``; the key (letters,
digits, ``_``) is needed only for entities used in relations. Relation lines are
``head_key LABEL tail_key``. The document text is everything between the header lines
and ``### relations`` (or the next ``### doc:``) with the markup removed; leading and
trailing blank lines are dropped unless the header says ``### keep-whitespace``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from ie.docs import CorpusError, Document, Entity, Relation

SPAN = re.compile(r"\[\[([^\[\]|]+?)\|([A-Z_]+)(?:\|([A-Za-z0-9_]+))?\]\]")
REL = re.compile(r"^\s*([A-Za-z0-9_]+)\s+([A-Z_]+)\s+([A-Za-z0-9_]+)\s*$")


def parse_markup(source: str, path: str = "<markup>") -> list[Document]:
    lines = source.split("\n")
    docs: list[Document] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("### doc:"):
            if line.strip() and not line.startswith("#"):
                raise CorpusError(f"{path}:{i + 1}", "text outside a document (missing '### doc: ID' header?)")
            i += 1
            continue
        doc_id = line[len("### doc:") :].strip()
        header_line = i + 1
        meta: dict = {}
        keep_ws = False
        i += 1
        while i < len(lines) and lines[i].startswith("### ") and not lines[i].startswith(("### doc:", "### relations")):
            h = lines[i]
            if h.startswith("### meta:"):
                try:
                    meta = json.loads(h[len("### meta:") :])
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"{path}:{i + 1}({doc_id})", f"meta is not JSON: {exc.msg}") from None
            elif h.strip() == "### keep-whitespace":
                keep_ws = True
            else:
                raise CorpusError(f"{path}:{i + 1}({doc_id})", f"unknown header line {h!r}")
            i += 1
        body_start = i
        while i < len(lines) and not lines[i].startswith(("### relations", "### doc:")):
            i += 1
        body = lines[body_start:i]
        rel_lines: list[tuple[int, str]] = []
        if i < len(lines) and lines[i].startswith("### relations"):
            i += 1
            while i < len(lines) and not lines[i].startswith("### doc:"):
                if lines[i].strip() and not lines[i].lstrip().startswith("#"):
                    rel_lines.append((i + 1, lines[i]))
                i += 1
        docs.append(_build(doc_id, body, body_start, rel_lines, meta, keep_ws, path, header_line))
    return docs


def _build(doc_id, body, body_start, rel_lines, meta, keep_ws, path, header_line) -> Document:
    if not keep_ws:
        while body and not body[0].strip():
            body = body[1:]
            body_start += 1
        while body and not body[-1].strip():
            body = body[:-1]
    text_parts: list[str] = []
    entities: list[Entity] = []
    keys: dict[str, str] = {}
    pos = 0
    for k, line in enumerate(body):
        lineno = body_start + k + 1
        where = f"{path}:{lineno}({doc_id})"
        if k:
            text_parts.append("\n")
            pos += 1
        last = 0
        for m in SPAN.finditer(line):
            chunk = line[last : m.start()]
            text_parts.append(chunk)
            pos += len(chunk)
            surface, label, key = m.group(1), m.group(2), m.group(3)
            ent_id = f"T{len(entities) + 1}"
            if key:
                if key in keys:
                    raise CorpusError(where, f"entity key {key!r} used twice")
                keys[key] = ent_id
            entities.append(Entity(ent_id, pos, pos + len(surface), label, extra={"key": key} if key else {}))
            text_parts.append(surface)
            pos += len(surface)
            last = m.end()
        rest = line[last:]
        if "[[" in rest or "]]" in rest:
            raise CorpusError(where, f"unbalanced or malformed span markup near {rest[rest.find('[[') if '[[' in rest else 0:][:40]!r}")
        text_parts.append(rest)
        pos += len(rest)
    text = "".join(text_parts)
    relations = []
    for lineno, rl in rel_lines:
        where = f"{path}:{lineno}({doc_id})"
        m = REL.match(rl)
        if not m:
            raise CorpusError(where, f"relation line must be 'HEAD LABEL TAIL': {rl!r}")
        h, lab, t = m.groups()
        for k in (h, t):
            if k not in keys:
                raise CorpusError(where, f"relation names unknown entity key {k!r}")
        relations.append(Relation(keys[h], keys[t], lab))
    for e in entities:
        e.extra.pop("key", None)
    return Document(doc_id, text, entities, relations, meta, f"{path}:{header_line}")


def read_markup(path: str | Path) -> Iterator[Document]:
    path = Path(path)
    yield from parse_markup(path.read_text(encoding="utf-8"), str(path))


def to_markup(doc: Document) -> str:
    """Write a document back as markup (keys are the entity ids of related entities)."""
    used = {r.head for r in doc.relations} | {r.tail for r in doc.relations}
    out, last = [], 0
    for e in sorted(doc.entities, key=lambda e: e.start):
        out.append(doc.text[last : e.start])
        key = f"|{e.id}" if e.id in used else ""
        out.append(f"[[{doc.text[e.start:e.end]}|{e.label}{key}]]")
        last = e.end
    out.append(doc.text[last:])
    head = f"### doc: {doc.id}\n"
    if doc.meta:
        head += f"### meta: {json.dumps(doc.meta, ensure_ascii=False)}\n"
    rels = "".join(f"{r.head} {r.label} {r.tail}\n" for r in doc.relations)
    return head + "".join(out) + "\n### relations\n" + rels
