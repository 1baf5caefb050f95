"""Read a corpus from files and directories: shared-format JSONL and annotated markup
(``.md``, see :mod:`ie.corpus.markup`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from ie.corpus.markup import read_markup
from ie.docs import CorpusError, Document, read_jsonl


def iter_paths(paths: Iterable[str | Path], suffixes=(".jsonl", ".md")) -> Iterator[Path]:
    """Files named, and files with a corpus suffix inside directories (sorted, recursive)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in suffixes)
        elif p.exists():
            yield p
        else:
            raise CorpusError(str(p), "no such file or directory")


def read_docs(paths: Iterable[str | Path], skipped: Counter | None = None) -> Iterator[Document]:
    """Read JSONL files and annotated-markup files (``.md``, see ie.corpus.markup); with
    ``skipped``, error lines of results files are counted there instead of failing (see read_jsonl)."""
    for p in iter_paths(paths):
        if p.suffix == ".md":
            yield from read_markup(p)
        else:
            yield from read_jsonl(p, skipped)
