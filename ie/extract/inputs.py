"""What ``ie extract`` reads: .txt/.md files, directories, JSONL of {"id", "text"}, or
standard input, as :class:`Item` objects (text, or the reason there is none)."""


from __future__ import annotations

import sys
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
