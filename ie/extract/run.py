"""The ``ie extract`` run loop: batch extraction over new articles.

Every input document yields exactly one output line, in input order: the extraction in
the shared format (entities with ``norm``, relations with ``score``), or
``{"id", "error"}`` with the reason. Inputs are read lazily and each line is appended and
flushed as soon as its document is done, so memory does not grow with the number of
documents (only the ids are kept, for ``--resume``) and an interrupted run never corrupts
what was written.

``--resume`` keeps every result already in ``--out``, retries its error lines, repairs a
last line cut short by a crash, and leaves the file exactly as an uninterrupted run would
have written it. CSV, HTML, Parquet and the facts database are written last, streamed over the
finished JSONL, so they always cover the whole output.

Failures are :class:`ExtractError` with a one-line message and one of the exit codes below.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from ie.extract.inputs import INPUT_SUFFIXES, Item, UniqueIds, iter_inputs
from ie.extract.models import load_model
from ie.extract.writers import (ResultsIndex, error_line, replace_atomically, result_line, write_csv, write_db,
                                write_html, write_parquet)

EXIT_OK = 0  # every document extracted
EXIT_DOCUMENT_ERRORS = 1  # the output has error lines (documents that could not be read or extracted)
EXIT_USAGE = 2  # bad arguments: options out of range, an output that is an input or inside an input directory
EXIT_MODEL = 3  # the model cannot be loaded (missing, not a pipeline, bad weights)
EXIT_OUTPUT = 4  # an output cannot be written (read-only, a directory, disk full)
EXIT_INTERRUPTED = 130  # interrupted (Ctrl-C / SIGINT); rerun with --resume
EXIT_CODES = {EXIT_OK: "every document extracted", EXIT_DOCUMENT_ERRORS: "some documents failed (error lines in --out)",
              EXIT_USAGE: "usage error", EXIT_MODEL: "model cannot be loaded", EXIT_OUTPUT: "output cannot be written",
              EXIT_INTERRUPTED: "interrupted"}


class ExtractError(Exception):
    """A run that cannot go on: ``str()`` is a one-line message, ``code`` the exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _one_line(exc: BaseException, limit: int = 300) -> str:
    msg = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    msg = " ".join(msg.split())
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def check_outputs(inputs: Iterable[str], outputs: dict[str, Path | None]) -> None:
    """Refuse outputs that are an input, inside an input directory, or another output."""
    named = {k: Path(v) for k, v in outputs.items() if v is not None}
    seen: dict[Path, str] = {}
    for opt, p in named.items():
        rp = p.resolve()
        if rp in seen:
            raise ExtractError(f"--{opt} and --{seen[rp]} are the same file ({p})", EXIT_USAGE)
        seen[rp] = opt
        if p.is_dir():
            raise ExtractError(f"--{opt} {p} is a directory; give a file name", EXIT_USAGE)
    for inp in inputs:
        if inp == "-":
            continue
        ip = Path(inp).resolve()
        for opt, p in named.items():
            rp = p.resolve()
            if rp == ip:
                raise ExtractError(f"--{opt} {p} is also an input; writing it would destroy that input", EXIT_USAGE)
            if ip.is_dir() and ip in rp.parents:
                raise ExtractError(f"--{opt} {p} is inside the input directory {inp}; it would be read back as input "
                                   "(write it elsewhere)", EXIT_USAGE)


def run_extract(inputs: list[str], out: Path, model: str, csv_path: Path | None = None, html_path: Path | None = None,
                batch_size: int = 16, n_process: int = 1, resume: bool = False, progress: bool = True, stdin=None,
                fmt: str = "auto", db_path: Path | None = None, model_version: str | None = None, nlp=None,
                parquet_path: Path | None = None) -> dict:
    """Extract from ``inputs`` into ``out`` (see the module doc). Returns run statistics;
    ``errors`` counts the error lines of the final file. Raises :class:`ExtractError`."""
    out = Path(out)
    if batch_size < 1:
        raise ExtractError(f"--batch-size must be at least 1 (got {batch_size})", EXIT_USAGE)
    if n_process < 1:
        raise ExtractError(f"--n-process must be at least 1 (got {n_process})", EXIT_USAGE)
    if fmt not in ("auto", "text", "jsonl"):
        raise ExtractError(f"--format must be auto, text or jsonl (got {fmt!r})", EXIT_USAGE)
    if out.suffix.lower() == ".parquet":
        raise ExtractError(f"--out {out}: the main output is JSONL (it is appended line by line and resumable); "
                           "add --parquet FILE for a Parquet copy", EXIT_USAGE)
    check_outputs(inputs, {"out": out, "csv": csv_path, "html": html_path, "db": db_path, "parquet": parquet_path})
    for p in (out, csv_path, html_path, db_path, parquet_path):
        if p is not None:
            try:
                Path(p).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ExtractError(f"cannot create the folder of {p}: {exc.strerror or exc}", EXIT_OUTPUT) from None
    if nlp is None:
        try:
            nlp = load_model(model)
        except FileNotFoundError as exc:
            raise ExtractError(str(exc), EXIT_MODEL) from None
        except Exception as exc:  # a broken pipeline: config, weights, encoder files
            raise ExtractError(f"cannot load model {model}: {_one_line(exc)}", EXIT_MODEL) from None
    nlp.max_length = max(nlp.max_length, 50_000_000)

    # only now, with the model loaded and the paths checked, is an old output touched
    prev = ResultsIndex.read(out) if resume else ResultsIndex()
    stats = {"documents": 0, "skipped": 0, "ok": 0, "errors": 0, "words": 0, "seconds": 0.0, "error_list": [],
             "retried": 0, "bad_lines_dropped": prev.bad_lines}
    t0 = time.time()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="extracting", dynamic_ncols=True, file=sys.stderr)
    order: list[str] = []
    new_offsets: dict[str, tuple[int, int]] = {}
    try:
        if resume:
            prev.repair(out)
        mode = "ab" if resume else "wb"
        with _open_output(out, mode) as fh:
            pos = fh.tell() if out.is_file() else 0
            uniq = UniqueIds()

            def pending() -> Iterator[Item]:
                for it in iter_inputs(inputs, stdin=stdin, fmt=fmt):
                    it.id = uniq(it.id)
                    order.append(it.id)
                    stats["documents"] += 1
                    if resume and prev.done(it.id):
                        stats["skipped"] += 1
                        continue
                    if resume and it.id in prev.offsets:
                        stats["retried"] += 1
                    yield it

            for it, line, ok, words in _extract_lines(nlp, pending(), batch_size, n_process):
                try:
                    fh.write(line)
                    fh.flush()
                except OSError as exc:
                    raise ExtractError(f"{out}: cannot write ({exc.strerror or exc})", EXIT_OUTPUT) from None
                new_offsets[it.id] = (pos, len(line))
                pos += len(line)
                stats["words"] += words
                if ok:
                    stats["ok"] += 1
                else:
                    stats["errors"] += 1
                    if len(stats["error_list"]) < 100:
                        stats["error_list"].append(it.id)
                if bar is not None:
                    el = max(time.time() - t0, 1e-9)
                    bar.set_postfix(docs_s=f"{(stats['ok'] + stats['errors']) / el:.1f}", words_s=f"{stats['words'] / el:.0f}")
                    bar.update(1)
        if resume and not _in_order(prev, order, new_offsets):
            stats["errors"] += _rewrite_in_order(out, prev, order, new_offsets)
    except OSError as exc:
        raise ExtractError(f"{out}: cannot write ({exc.strerror or exc})", EXIT_OUTPUT) from None
    finally:
        if bar is not None:
            bar.close()
    stats["seconds"] = round(time.time() - t0, 2)
    stats["words_per_s"] = round(stats["words"] / stats["seconds"], 1) if stats["seconds"] else None
    for opt, path, write in (("csv", csv_path, write_csv), ("html", html_path, write_html),
                             ("parquet", parquet_path, write_parquet)):
        if path is not None and out.is_file():
            try:
                write(out, Path(path))
            except OSError as exc:
                raise ExtractError(f"--{opt} {path}: cannot write ({exc.strerror or exc})", EXIT_OUTPUT) from None
    if db_path is not None and out.is_file():
        try:
            stats["db"] = write_db(out, Path(db_path), model_version or (model if model == "rules" else Path(model).name))
        except OSError as exc:
            raise ExtractError(f"--db {db_path}: cannot write ({exc.strerror or exc})", EXIT_OUTPUT) from None
        except Exception as exc:  # duckdb errors: a file that is not a database, a lock held by another process
            raise ExtractError(f"--db {db_path}: {_one_line(exc)}", EXIT_OUTPUT) from None
    return stats


def _open_output(out: Path, mode: str):
    try:
        return out.open(mode)
    except OSError as exc:
        raise ExtractError(f"{out}: cannot open for writing ({exc.strerror or exc})", EXIT_OUTPUT) from None


def _in_order(prev: ResultsIndex, order: list[str], new_offsets: dict) -> bool:
    """True when the file is already what an uninterrupted run writes: the earlier lines are
    exactly the first documents, all results, and this run appended the rest."""
    n = len(prev.order)
    return prev.clean and order[:n] == prev.order and len(new_offsets) == len(order) - n


def _rewrite_in_order(out: Path, prev: ResultsIndex, order: list[str], new_offsets: dict) -> int:
    """Rewrite ``out`` with one line per id in input order (the newest line of each id),
    then the lines of ids no longer among the inputs, in their old order (nothing is
    dropped). Returns the number of error lines kept from the old file."""
    kept_errors = 0
    where = {k: (o, n) for k, (o, n, _) in prev.offsets.items()}
    where.update(new_offsets)
    listed = set(order)
    with out.open("rb") as src, replace_atomically(out, "wb") as dst:
        for doc_id in order + [k for k in prev.order if k not in listed]:
            off, n = where[doc_id]
            src.seek(off)
            dst.write(src.read(n))
            if doc_id not in new_offsets and prev.offsets[doc_id][2]:
                kept_errors += 1
    return kept_errors


def _batches(items: Iterator[Item], n: int) -> Iterator[list[Item]]:
    while True:
        batch = list(islice(items, n))
        if not batch:
            return
        yield batch


def _extract_lines(nlp, items: Iterator[Item], batch_size: int, n_process: int) -> Iterator[tuple[Item, bytes, bool, int]]:
    """``(item, line, ok, words)`` for every item, in order: the result line, or an error
    line for a document that could not be read, processed or written; one bad document never
    stops the others."""
    docs = _docs_single(nlp, items, batch_size) if n_process == 1 else _docs_multi(nlp, items, batch_size, n_process)
    for it, doc in docs:
        if doc is not None:
            try:
                from ie.components.results import doc_to_result

                yield it, result_line(doc_to_result(doc, it.id)), True, len(doc.text.split())
                continue
            except Exception as exc:  # a value that cannot be written (huge integer, surrogate)
                it.error = f"{it.source}({it.id}): the result cannot be written ({_one_line(exc)})"
        yield it, error_line(it.id, it.error), False, 0


def _run_one(nlp, it: Item):
    try:
        return nlp(it.text)
    except Exception as exc:
        it.error = f"{it.source}({it.id}): extraction failed ({_one_line(exc)})"
        return None


def _docs_single(nlp, items: Iterator[Item], batch_size: int) -> Iterator[tuple[Item, object]]:
    for batch in _batches(items, batch_size):
        todo = [it for it in batch if it.error is None]
        try:
            docs = dict(zip(map(id, todo), nlp.pipe([it.text for it in todo], batch_size=batch_size)))
        except Exception:  # find the document at fault: each one on its own
            docs = {id(it): _run_one(nlp, it) for it in todo}
        for it in batch:
            yield it, docs.get(id(it))


def _docs_multi(nlp, items: Iterator[Item], batch_size: int, n_process: int) -> Iterator[tuple[Item, object]]:
    """Worker processes through spaCy; a batch that fails in a worker is dropped by the error
    handler and its documents are redone here one by one, so the culprit is named."""
    waiting: deque[Item] = deque()

    def feed():
        for it in items:
            waiting.append(it)
            if it.error is None:
                yield it.text, it.id

    from spacy.util import raise_error

    def drop(*args):  # a failing batch in a worker is dropped; its documents are redone below
        return None

    def redo(it: Item):
        # here a failure must raise (spaCy's handler would hand back the half-processed doc)
        nlp.set_error_handler(raise_error)
        try:
            return _run_one(nlp, it)
        finally:
            nlp.set_error_handler(drop)

    nlp.set_error_handler(drop)
    try:
        for doc, doc_id in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            while waiting:
                it = waiting.popleft()
                if it.error is not None:
                    yield it, None
                elif it.id == doc_id:
                    yield it, doc
                    break
                else:
                    yield it, redo(it)
        while waiting:
            it = waiting.popleft()
            yield it, (None if it.error is not None else redo(it))
    finally:
        nlp.set_error_handler(raise_error)  # the pipeline is left as it was given


__all__ = ["EXIT_CODES", "EXIT_DOCUMENT_ERRORS", "EXIT_INTERRUPTED", "EXIT_MODEL", "EXIT_OK", "EXIT_OUTPUT",
           "EXIT_USAGE", "ExtractError", "INPUT_SUFFIXES", "check_outputs", "run_extract"]
