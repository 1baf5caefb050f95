"""The ``ie extract`` run loop: batch extraction over new articles.

Every input document yields exactly one output line, in input order: the extraction in
the shared format (entities with ``norm``, relations with ``score``), or
``{"id", "error"}`` with the reason. Output is appended and flushed line by line, so an
interrupted run never corrupts what was written; ``--resume`` skips finished ids and
repairs a last line cut short by a crash.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from ie.components.results import doc_to_document
from ie.extract.inputs import iter_inputs
from ie.extract.models import load_model
from ie.extract.writers import CSV_FIELDS, completed_ids, facts_rows, render_html


def run_extract(inputs: list[str], out: Path, model: str, csv_path: Path | None = None, html_path: Path | None = None,
                batch_size: int = 16, n_process: int = 1, resume: bool = False, progress: bool = True, stdin=None) -> dict:
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
