"""Conversion between the shared JSONL format, spaCy ``DocBin``, Prodigy-style JSONL and
Label Studio JSON (:mod:`ie.corpus.labelstudio`).

- DocBin: entities in ``doc.ents``; the document id, meta and relations (character offsets
  of both arguments + label) in ``doc.user_data``, so nothing is lost on the way back.
- Prodigy: ``{"text", "meta", "tokens", "spans", "relations"}`` with relations given by
  token indices and ``head_span`` / ``child_span`` as Prodigy's relations UI writes them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from spacy.tokens import DocBin

from ie.corpus.reader import read_docs
from ie.docs import CorpusError, Document, Entity, Relation, write_jsonl
from ie.text import make_nlp, shared_nlp


def to_docbin(docs: Iterable[Document], path: str | Path) -> int:
    nlp = shared_nlp()
    db = DocBin(store_user_data=True)
    n = 0
    for d in docs:
        sdoc = nlp(d.text)
        spans = []
        for e in d.entities:
            sp = sdoc.char_span(e.start, e.end, label=e.label)
            if sp is None:
                raise CorpusError(d.where, f"{e.id}: span {d.text[e.start:e.end]!r} is not aligned to tokens")
            spans.append(sp)
        sdoc.ents = spans
        ents = {e.id: e for e in d.entities}
        sdoc.user_data["doc_id"] = d.id
        sdoc.user_data["meta"] = d.meta
        sdoc.user_data["entity_ids"] = [[e.start, e.end, e.id] for e in d.entities]
        sdoc.user_data["relations"] = [
            [ents[r.head].start, ents[r.head].end, ents[r.tail].start, ents[r.tail].end, r.label] for r in d.relations
        ]
        db.add(sdoc)
        n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def from_docbin(path: str | Path) -> list[Document]:
    nlp = make_nlp()
    out = []
    for i, sdoc in enumerate(DocBin().from_disk(path).get_docs(nlp.vocab)):
        ids = {(s, e): eid for s, e, eid in sdoc.user_data.get("entity_ids", [])}
        ents = []
        for k, sp in enumerate(sdoc.ents):
            eid = ids.get((sp.start_char, sp.end_char), f"T{k + 1}")
            ents.append(Entity(eid, sp.start_char, sp.end_char, sp.label_))
        by_span = {(e.start, e.end): e.id for e in ents}
        rels = [Relation(by_span[(hs, he)], by_span[(ts, te)], lab) for hs, he, ts, te, lab in sdoc.user_data.get("relations", [])]
        out.append(Document(sdoc.user_data.get("doc_id", f"doc{i}"), sdoc.text, ents, rels,
                            dict(sdoc.user_data.get("meta") or {}), f"{path}#{i}"))
    return out


def to_prodigy(doc: Document) -> dict:
    sdoc = shared_nlp()(doc.text)
    tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)} for t in sdoc]
    spans, by_id = [], {}
    for e in doc.entities:
        sp = sdoc.char_span(e.start, e.end)
        if sp is None:
            raise CorpusError(doc.where, f"{e.id}: span is not aligned to tokens")
        item = {"start": e.start, "end": e.end, "label": e.label, "token_start": sp.start, "token_end": sp.end - 1}
        spans.append(item)
        by_id[e.id] = item
    rels = []
    for r in doc.relations:
        h, c = by_id[r.head], by_id[r.tail]
        rels.append({"head": h["token_end"], "child": c["token_end"], "head_span": h, "child_span": c, "label": r.label})
    return {"text": doc.text, "meta": {"id": doc.id, **doc.meta}, "tokens": tokens, "spans": spans, "relations": rels}


def from_prodigy(obj: dict, where: str = "<prodigy>") -> Document:
    meta = dict(obj.get("meta") or {})
    doc_id = meta.pop("id", None) or obj.get("id")
    if not doc_id:
        raise CorpusError(where, "Prodigy task without meta.id")
    ents, key = [], {}
    for i, s in enumerate(obj.get("spans") or []):
        e = Entity(f"T{i + 1}", int(s["start"]), int(s["end"]), s["label"])
        ents.append(e)
        key[(e.start, e.end)] = e.id
    rels = []
    for r in obj.get("relations") or []:
        h, c = r["head_span"], r["child_span"]
        rels.append(Relation(key[(h["start"], h["end"])], key[(c["start"], c["end"])], r["label"]))
    return Document(str(doc_id), obj["text"], ents, rels, meta, where)


PRODIGY_ANSWERS = ("accept", "reject", "ignore")


def read_any(path: str | Path, skipped: Counter | None = None) -> list[Document]:
    """Documents of a file in any format read here (chosen by suffix, Prodigy by content);
    with ``skipped``, what is left out on purpose (error lines, unannotated Label Studio
    tasks) is counted there by reason."""
    path = Path(path)
    if path.suffix == ".spacy":
        return from_docbin(path)
    if path.suffix == ".json":
        from ie.corpus.labelstudio import read_labelstudio

        return read_labelstudio(path, skipped)
    docs = []
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
        if first and "spans" in json.loads(first) and "entities" not in json.loads(first):
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    task = json.loads(line)
                    answer = task.get("answer", "accept")  # our own export has no answer: it is gold
                    if answer not in PRODIGY_ANSWERS:
                        raise CorpusError(f"{path}:{n}", f"unknown Prodigy answer {answer!r} (accept, reject, ignore)")
                    if answer != "accept":  # rejected or ignored tasks are not gold
                        if skipped is not None:
                            skipped[f"Prodigy tasks answered {answer!r}"] += 1
                        continue
                    docs.append(from_prodigy(task, f"{path}:{n}"))
            return docs
    return list(read_docs([path], Counter() if skipped is None else skipped))


def convert(src: list[str], out: str | Path, fmt: str, skipped: Counter | None = None, model_version: str | None = None) -> int:
    """Convert ``src`` files to ``out`` in ``fmt``; returns the number of documents written
    (what was skipped is counted in ``skipped``, see :func:`read_any`)."""
    docs = [d for p in src for d in read_any(p, skipped)]
    if fmt == "labelstudio":
        from ie import __version__
        from ie.corpus.labelstudio import write_labelstudio

        return write_labelstudio(docs, out, model_version or f"planning-ie {__version__}")
    if fmt == "docbin":
        return to_docbin(docs, out)
    if fmt == "prodigy":
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with Path(out).open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(to_prodigy(d), ensure_ascii=False) + "\n")
        return len(docs)
    if fmt == "jsonl":
        return write_jsonl(docs, out)
    raise ValueError(f"unknown format {fmt!r} (docbin, prodigy, jsonl, labelstudio)")
