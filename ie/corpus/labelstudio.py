"""Label Studio interop: shared-format documents -> Label Studio tasks with predictions,
and a Label Studio JSON export -> gold documents in the shared format.

Tasks carry the text and our document id and meta in ``data``; entities become ``labels``
results and relations ``relation`` results of one prediction (``model_version``, and a
``score``: the weakest relation score of the document, 1.0 when none is scored). The
labeling config (:func:`labeling_config`) names the same labels, so predictions show up
as editable regions.

Reading an export takes each task's ``annotations`` (never its predictions): cancelled or
skipped ones (``was_cancelled``) are dropped, the latest of the rest is used (by
``updated_at``, then ``created_at``), and a task left without one is skipped and counted.
The documents are then checked by the corpus validator; every problem names the task id
and its position in the file.

Label Studio counts offsets in UTF-16 code units (JavaScript strings) where we count
Python characters; the two differ only after characters outside the Basic Multilingual
Plane (emoji and the like), and both directions convert.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import quoteattr

from ie.corpus.validate import validate_docs
from ie.docs import CorpusError, Document, Entity, Relation
from ie.schema import ENTITY_LABELS, RELATION_LABELS

FROM_NAME = "label"  # the <Labels> control
TO_NAME = "text"  # the <Text> object, reading data.text
SKIPPED_TASK = "Label Studio tasks without a completed annotation"
_TID = re.compile(r"T(\d+)")


def labeling_config() -> str:
    """The Label Studio labeling config (XML) for our entity and relation labels, with the
    review page's number keys 1-5 as label hotkeys."""
    labels = "\n".join(f'    <Label value={quoteattr(lab)} hotkey="{i + 1}"/>' for i, lab in enumerate(ENTITY_LABELS))
    rels = "\n".join(f"    <Relation value={quoteattr(lab)}/>" for lab in RELATION_LABELS)
    return (f'<View>\n  <Relations>\n{rels}\n  </Relations>\n  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n'
            f'{labels}\n  </Labels>\n  <Text name="{TO_NAME}" value="$text"/>\n</View>\n')


def config_path(tasks_path: str | Path) -> Path:
    """Where :func:`write_labelstudio` puts the labeling config next to a tasks file."""
    p = Path(tasks_path)
    return p.with_name(p.stem + ".labeling-config.xml")


class _Offsets:
    """Python string index <-> UTF-16 offset (identity for BMP-only text)."""

    def __init__(self, text: str):
        self.text = text
        self.js: list[int] | None = None
        if any(ord(c) > 0xFFFF for c in text):
            js, k = [0], 0
            for c in text:
                k += 2 if ord(c) > 0xFFFF else 1
                js.append(k)
            self.js = js
            self.py = {j: i for i, j in enumerate(js)}

    def to_js(self, i: int) -> int:
        return i if self.js is None else self.js[i]

    def to_py(self, j: int) -> int | None:
        if self.js is None:
            return j if 0 <= j <= len(self.text) else None
        return self.py.get(j)


def to_labelstudio(doc: Document, model_version: str) -> dict:
    """One Label Studio task: the document in ``data``, its entities and relations as one prediction."""
    off = _Offsets(doc.text)
    result: list[dict] = []
    for e in doc.entities:
        item = {"id": e.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
                "value": {"start": off.to_js(e.start), "end": off.to_js(e.end), "text": doc.text[e.start:e.end],
                          "labels": [e.label]}}
        if e.norm is not None:  # shown as the region's note in Label Studio
            item["meta"] = {"text": [json.dumps(e.norm, ensure_ascii=False)]}
        result.append(item)
    scores = []
    for r in doc.relations:
        item = {"from_id": r.head, "to_id": r.tail, "type": "relation", "direction": "right", "labels": [r.label]}
        if r.score is not None:
            item["score"] = round(float(r.score), 4)
            scores.append(float(r.score))
        result.append(item)
    pred = {"model_version": model_version, "score": round(min(scores), 4) if scores else 1.0, "result": result}
    return {"data": {"text": doc.text, "doc_id": doc.id, "meta": doc.meta}, "predictions": [pred]}


def write_labelstudio(docs: Iterable[Document], path: str | Path, model_version: str) -> int:
    """Write the tasks as one JSON list (Label Studio's import format) and the labeling
    config next to it (:func:`config_path`); returns the number of tasks."""
    tasks = [to_labelstudio(d, model_version) for d in docs]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config_path(path).write_text(labeling_config(), encoding="utf-8")
    return len(tasks)


def _latest(annotations: list) -> tuple[int, dict] | None:
    done = [(k, a) for k, a in enumerate(annotations) if isinstance(a, dict) and not a.get("was_cancelled")]
    if not done:
        return None
    return max(done, key=lambda ka: (str(ka[1].get("updated_at") or ka[1].get("created_at") or ""), ka[0]))


def _task_document(task: dict, where: str) -> tuple[Document, list[str]] | None:
    """The gold document of one task (None: no usable annotation), and its structural problems."""
    data = task.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return Document("?", "", source=where), [f"{where}: no data.text (is this a Label Studio JSON export?)"]
    text = data["text"]
    picked = _latest(task.get("annotations") or [])
    if picked is None:
        return None
    k, ann = picked
    where = f"{where} annotation {ann.get('id', f'#{k + 1}')}"
    doc_id = data.get("doc_id") or f"ls-task-{task.get('id')}"
    off = _Offsets(text)
    problems, ents, rels = [], [], []
    results = ann.get("result") or []
    for n, res in enumerate(results, 1):
        at = f"{where} result #{n}"
        kind = res.get("type") if isinstance(res, dict) else None
        if kind == "labels":
            v = res.get("value") or {}
            labels = v.get("labels") or []
            start, end = off.to_py(v.get("start", -1)), off.to_py(v.get("end", -1))
            if len(labels) != 1:
                problems.append(f"{at}: a region needs exactly one label, has {labels}")
            elif start is None or end is None:
                problems.append(f"{at}: offsets {v.get('start')}-{v.get('end')} do not fall on characters of the text")
            elif "text" in v and v["text"] != text[start:end]:
                problems.append(f"{at}: region text {v['text']!r} differs from the task text there ({text[start:end]!r})")
            elif not res.get("id"):
                problems.append(f"{at}: region without an id")
            else:
                ents.append(Entity(str(res["id"]), start, end, labels[0]))
        elif kind == "relation":
            labels = res.get("labels") or []
            head, tail = str(res.get("from_id")), str(res.get("to_id"))
            if res.get("direction", "right") == "left":
                head, tail = tail, head
            if res.get("direction", "right") == "bi":
                problems.append(f"{at}: relation {head}<->{tail} is bidirectional; ours go from head to tail")
            elif len(labels) != 1:
                problems.append(f"{at}: relation {head}->{tail} needs exactly one label (one of {', '.join(RELATION_LABELS)}), "
                                f"has {labels}")
            else:
                rels.append(Relation(head, tail, labels[0]))
        else:
            problems.append(f"{at}: result of type {kind!r}; only 'labels' and 'relation' results are read")
    return Document(str(doc_id), text, ents, rels, dict(data.get("meta") or {}), where), problems


def _renumber(doc: Document) -> None:
    """Give regions Label Studio named (random ids) the next free ``T<n>`` ids."""
    used = [int(m.group(1)) for e in doc.entities if (m := _TID.fullmatch(e.id))]
    nxt, new = max(used, default=0) + 1, {}
    for e in doc.entities:
        if not _TID.fullmatch(e.id):
            new[e.id], e.id = f"T{nxt}", f"T{nxt}"
            nxt += 1
    for r in doc.relations:
        r.head, r.tail = new.get(r.head, r.head), new.get(r.tail, r.tail)


def from_labelstudio(tasks: list, where: str = "<labelstudio>", skipped: Counter | None = None,
                     check_tokens: bool = True) -> list[Document]:
    """Gold documents from a Label Studio JSON export (a list of tasks). Raises
    :class:`CorpusError` listing every problem, each naming the task id and position."""
    if not isinstance(tasks, list):
        raise CorpusError(where, "a Label Studio JSON export is a list of tasks")
    docs, problems = [], []
    for i, task in enumerate(tasks):
        at = f"{where} task {task.get('id', '?') if isinstance(task, dict) else '?'} (#{i + 1})"
        if not isinstance(task, dict):
            problems.append(f"{at}: a task must be a JSON object")
            continue
        got = _task_document(task, at)
        if got is None:
            if skipped is not None:
                skipped[SKIPPED_TASK] += 1
            continue
        doc, probs = got
        problems += probs
        if not probs:
            docs.append(doc)
    problems += [str(p) for p in validate_docs(docs, check_tokens=check_tokens)]
    if problems:
        raise CorpusError(where, f"{len(problems)} problem(s) in the Label Studio export:\n" + "\n".join(problems))
    for d in docs:
        _renumber(d)
    return docs


def read_labelstudio(path: str | Path, skipped: Counter | None = None) -> list[Document]:
    path = Path(path)
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CorpusError(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    return from_labelstudio(tasks, str(path), skipped)
