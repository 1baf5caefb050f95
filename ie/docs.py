"""Annotated documents in the shared JSONL format, and reading them from disk.

A :class:`Document` is the one in-memory form of gold files, training files and
predictions. Readers keep the file and line of every document so that every later
error can name where it came from.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator


class CorpusError(ValueError):
    """Bad input, with the place it was found (file:line(doc id))."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass
class Entity:
    id: str
    start: int
    end: int
    label: str
    norm: Any = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        out = {"id": self.id, "start": self.start, "end": self.end, "label": self.label}
        if self.norm is not None:
            out["norm"] = self.norm
        out.update(self.extra)
        return out


@dataclass
class Relation:
    head: str
    tail: str
    label: str
    score: float | None = None

    def to_json(self) -> dict:
        out = {"head": self.head, "tail": self.tail, "label": self.label}
        if self.score is not None:
            out["score"] = round(float(self.score), 4)
        return out


@dataclass
class Document:
    id: str
    text: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    source: str = "<memory>"  # file:line where the document was read
    extra: dict = field(default_factory=dict)

    @property
    def where(self) -> str:
        return f"{self.source}({self.id})"

    def entity_map(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def span_text(self, ent: Entity) -> str:
        return self.text[ent.start : ent.end]

    def to_json(self) -> dict:
        out: dict[str, Any] = {"id": self.id, "text": self.text}
        if self.meta:
            out["meta"] = self.meta
        out["entities"] = [e.to_json() for e in self.entities]
        out["relations"] = [r.to_json() for r in self.relations]
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, obj: Any, source: str = "<memory>") -> "Document":
        if not isinstance(obj, dict):
            raise CorpusError(source, "a document must be a JSON object")
        doc_id = obj.get("id")
        where = f"{source}({doc_id})"
        if not isinstance(doc_id, str) or not doc_id:
            raise CorpusError(where, "missing or empty 'id'")
        text = obj.get("text")
        if not isinstance(text, str):
            raise CorpusError(where, "missing 'text' (a string)")
        ents = []
        for i, e in enumerate(obj.get("entities") or []):
            try:
                extra = {k: v for k, v in e.items() if k not in {"id", "start", "end", "label", "norm"}}
                ents.append(
                    Entity(str(e.get("id", f"T{i + 1}")), int(e["start"]), int(e["end"]), str(e["label"]), e.get("norm"), extra)
                )
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise CorpusError(where, f"entity #{i + 1} is malformed ({exc!r}): {e!r}") from None
        rels = []
        for i, r in enumerate(obj.get("relations") or []):
            try:
                rels.append(Relation(str(r["head"]), str(r["tail"]), str(r["label"]), r.get("score")))
            except (KeyError, TypeError, AttributeError) as exc:
                raise CorpusError(where, f"relation #{i + 1} is malformed ({exc!r}): {r!r}") from None
        extra = {k: v for k, v in obj.items() if k not in {"id", "text", "meta", "entities", "relations"}}
        return cls(doc_id, text, ents, rels, dict(obj.get("meta") or {}), source, extra)


def json_lines(lines: Iterable[str], where: str) -> Iterator[tuple[str, object | None, str | None]]:
    """``(location, object, error)`` for each non-blank JSON line; ``error`` names what is
    wrong with a line that does not parse (and ``object`` is then None)."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        loc = f"{where}:{lineno}"
        try:
            yield loc, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield loc, None, f"not valid JSON ({exc.msg} at column {exc.colno})"


ERROR_LINES = "error lines of the extractor"  # the key ``read_jsonl`` counts skipped error lines under


def is_error_line(obj: Any) -> bool:
    """An ``ie extract`` line ``{"id", "error"}`` for a document it could not process."""
    return isinstance(obj, dict) and "error" in obj and "text" not in obj


def read_jsonl(path: str | Path, skipped: Counter | None = None) -> Iterator[Document]:
    """Documents of a JSONL file. With ``skipped`` (a results file), the extractor's error
    lines are skipped and counted there under :data:`ERROR_LINES`; without it they are an error."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        for where, obj, err in json_lines(fh, str(path)):
            if err:
                raise CorpusError(where, err)
            if is_error_line(obj):
                if skipped is None:
                    raise CorpusError(f"{where}({obj.get('id')})", f"an extractor error line, not a document: {obj['error']}")
                skipped[ERROR_LINES] += 1
                continue
            yield Document.from_json(obj, where)


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return n
