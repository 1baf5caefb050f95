"""What ``ie extract`` reads: .txt/.md files, directories, JSONL or Parquet files of
{"id", "text"}, or standard input, as :class:`Item` objects (text, or the reason there is none).

Inputs are read lazily, one document at a time, in a fixed order: arguments as given,
directories walked in sorted order. Nothing is read before the document before it has
been handed on, so a FIFO or a growing JSONL stream is processed as it arrives and memory
does not grow with the number of documents.

Ids are stable and unique: a file's id is its path as the user named it (a file found in a
directory ``in`` is ``in/sub/a.txt``), a JSONL line's or Parquet row's id is its ``id``
field (or ``FILE:LINE`` / ``FILE:ROW`` when it has none); repeated ids are numbered by :class:`UniqueIds`.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ie.extract.items import Item, check_text

TEXT_SUFFIXES = {".txt", ".md"}
INPUT_SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".parquet"}
FORMATS = ("auto", "text", "jsonl")


def decode(raw: bytes, where: str) -> tuple[str | None, str | None]:
    """Text of a whole file: UTF-8 (BOM allowed) or UTF-16 with a BOM, or why it is not text."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return None, f"{where}: not UTF-16 text (bad bytes at offset {exc.start})"
    else:
        nul = raw.find(b"\x00")
        if nul >= 0:
            if len(raw) % 2 == 0 and _looks_utf16(raw):
                return None, (f"{where}: UTF-16 text without a byte-order mark; "
                              "save it as UTF-8 (or UTF-16 with a BOM)")
            return None, f"{where}: binary file (NUL byte at offset {nul}), not text"
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, f"{where}: not UTF-8 text (bad byte 0x{raw[exc.start]:02x} at offset {exc.start})"
    return check_text(text, where)


def _looks_utf16(raw: bytes) -> bool:
    head = raw[:4096]
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd)


def iter_inputs(inputs: Iterable[str], stdin: BinaryIO | None = None, fmt: str = "auto") -> Iterator[Item]:
    """Documents from .txt/.md files, directories (recursive, sorted; .txt/.md/.jsonl files),
    JSONL files of {"id", "text"}, or "-" (standard input: ``fmt`` "text" = one document,
    "jsonl" = JSON lines, "auto" = JSON lines when the first line is a JSON object with a
    "text" field, else one document). Every input named or found yields at least one item."""
    if fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    for inp in inputs:
        if inp == "-":
            yield from _stdin_items(stdin if stdin is not None else sys.stdin.buffer, fmt)
            continue
        try:
            st = os.stat(inp)
        except OSError as exc:
            yield Item(_path_id(inp), None, f"{inp}: cannot read ({exc.strerror or exc})", inp)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(inp, Path(inp).resolve().name)
        else:
            yield from _file_items(inp, _path_id(inp))


def _path_id(path: str) -> str:
    return Path(path).as_posix()


def _walk(d: str, base: str) -> Iterator[Item]:
    """Files under ``d`` in sorted order; ids are ``base/relative/path``."""
    try:
        with os.scandir(d) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Item(base, None, f"{d}: directory cannot be listed ({exc.strerror or exc}); its files are not read", d)
        return
    for e in entries:
        path = os.path.join(d, e.name)
        doc_id = f"{base}/{e.name}"
        try:
            is_dir = e.is_dir()  # follows symlinks
            is_file = e.is_file()
        except OSError as exc:
            if Path(e.name).suffix.lower() in INPUT_SUFFIXES:
                yield Item(doc_id, None, f"{path}: cannot read ({exc.strerror or exc})", path)
            continue
        if is_dir:
            yield from _walk(path, doc_id)
        elif Path(e.name).suffix.lower() in INPUT_SUFFIXES:
            if is_file:
                yield from _file_items(path, doc_id)
            else:
                try:
                    os.stat(path)
                    what = "not a regular file (FIFO, socket or device); name it explicitly to read it"
                except OSError as exc:
                    what = f"cannot read ({exc.strerror or exc})"
                yield Item(doc_id, None, f"{path}: {what}", path)


def _file_items(path: str, doc_id: str) -> Iterator[Item]:
    if Path(path).suffix.lower() == ".parquet":  # rows of {id, text}, one record batch at a time
        from ie.extract.parquet import iter_parquet_items

        yield from iter_parquet_items(path)
        return
    if Path(path).suffix.lower() == ".jsonl":
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield Item(doc_id, None, f"{path}: cannot read ({exc.strerror or exc})", path)
            return
        with fh:
            yield from _jsonl_items(fh, path, doc_id)
        return
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        yield Item(doc_id, None, f"{path}: cannot read ({exc.strerror or exc})", path)
        return
    text, err = decode(raw, path)
    yield Item(doc_id, text, err, path)


def _stdin_items(stream: BinaryIO, fmt: str) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from _jsonl_items(stream, "<stdin>", "stdin")
        return
    if fmt == "auto":
        first = stream.readline()
        if _is_jsonl_record(first):
            yield from _jsonl_items(_chain(first, stream), "<stdin>", "stdin")
            return
        raw = first + stream.read()
    else:
        raw = stream.read()
    text, err = decode(raw, "<stdin>")
    yield Item("stdin", text, err, "<stdin>")


def _chain(first: bytes, rest: BinaryIO) -> Iterator[bytes]:
    yield first
    yield from rest


def _is_jsonl_record(line: bytes) -> bool:
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(obj, dict) and "text" in obj


def _jsonl_items(lines: Iterable[bytes], where: str, file_id: str) -> Iterator[Item]:
    """One item per non-blank line, read as it comes; a line without a usable id is
    ``FILE_ID:LINE``."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        loc = f"{where}:{n}"
        fallback = f"{file_id}:{n}"
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Item(fallback, None, f"{loc}: not UTF-8 (bad byte 0x{raw[exc.start]:02x} at column {exc.start + 1})", loc)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(fallback, None, f"{loc}: not valid JSON ({exc.msg} at column {exc.colno})", loc)
            continue
        except RecursionError:
            yield Item(fallback, None, f"{loc}: JSON nested too deeply", loc)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), (str, int)) or isinstance(obj.get("id"), bool):
            yield Item(fallback, None, f"{loc}: a JSONL line needs an 'id' (string or integer)", loc)
            continue
        doc_id = str(obj["id"])
        if not doc_id.strip() or _unencodable(doc_id):
            yield Item(fallback, None, f"{loc}: the 'id' must be non-empty text without lone surrogates", loc)
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield Item(doc_id, None, f"{loc}({doc_id}): missing 'text' string", loc)
            continue
        text, err = check_text(text, f"{loc}({doc_id})")
        yield Item(doc_id, text, err, loc)


def _unencodable(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class UniqueIds:
    """Numbers repeated ids in input order: the second ``a`` becomes ``a#2`` (or ``a#3`` …
    when ``a#2`` was already used), and a later real ``a#2`` is numbered in its turn, so no
    two documents share an id and the same inputs always give the same ids."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, doc_id: str) -> str:
        if doc_id not in self.seen:
            self.seen.add(doc_id)
            return doc_id
        k = 2
        while f"{doc_id}#{k}" in self.seen:
            k += 1
        new = f"{doc_id}#{k}"
        self.seen.add(new)
        return new
