"""``ie extract --engine ray``: the same extraction spread over a Ray cluster with Ray Data
(optional extra ``planning-ie[ray]``).

The inputs are cut into *shards* on the driver without reading any text: groups of up to
``shard_docs`` ``.txt``/``.md`` files (directories walked in the same sorted order as the
plain run), one shard per JSONL file, and one shard per ``shard_row_groups`` row groups of
a Parquet file. The shards become a Ray Dataset; ``map_batches`` runs
:class:`ShardExtractor` in an actor pool, each actor loading the pipeline once, reading
its shard's documents as a stream, and writing ``part-NNNNN.jsonl`` (or ``.parquet``)
through a temporary file that is renamed when the shard is complete. A second run over
the same inputs skips the shards already written (``shards.json`` records what the parts
are made of, and a run over other inputs into the same folder is refused).

Concatenating the parts in order gives the records of the plain ``ie extract`` run: same
ids, same order, same results, same error lines. Ids are taken as the inputs give them
(repeated ids are not renumbered across shards).

Point it at an existing cluster with ``address`` (``"auto"`` on a cluster node, or
``"ray://head:10001"``); without one a local Ray instance is started.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ie.extract.inputs import INPUT_SUFFIXES

MANIFEST = "shards.json"


@dataclass
class Shard:
    index: int
    kind: str  # "files" (text/JSONL files read by ie.extract.iter_inputs) or "parquet"
    paths: list[str]
    ids: list[str] | None = None  # ids of the files as the plain run names them (base/relative/path)
    row_groups: list[int] | None = None

    def part_name(self, fmt: str) -> str:
        return f"part-{self.index:05d}.{fmt}"


def _path_id(path: str) -> str:
    return Path(path).as_posix()


def _walk_files(d: str, base: str) -> Iterator[tuple[str, str]]:
    """(path, id) of the input files under ``d``: names sorted level by level and ids
    ``base/relative/path``, as the plain run reads them."""
    try:
        with os.scandir(d) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        yield d, base  # the plain reader turns an unlistable directory into one error line
        return
    for e in entries:
        path, doc_id = os.path.join(d, e.name), f"{base}/{e.name}"
        if e.is_dir():
            yield from _walk_files(path, doc_id)
        elif Path(e.name).suffix.lower() in INPUT_SUFFIXES:
            yield path, doc_id


def plan_shards(inputs: Iterable[str], shard_docs: int = 200, shard_row_groups: int = 1) -> list[Shard]:
    """Shards of the inputs, in input order (file names and Parquet metadata only)."""
    from ie.extract.parquet import parquet_row_groups

    shards: list[Shard] = []
    group: list[tuple[str, str]] = []

    def close_group():
        nonlocal group
        if group:
            shards.append(Shard(len(shards), "files", [p for p, _ in group], [i for _, i in group]))
            group = []

    for inp in inputs:
        if inp == "-":
            raise ValueError("the ray engine reads files and folders, not standard input")
        files = list(_walk_files(inp, Path(inp).resolve().name)) if os.path.isdir(inp) else [(inp, _path_id(inp))]
        for f, doc_id in files:
            suffix = Path(f).suffix.lower()
            if suffix == ".parquet":
                close_group()
                n = parquet_row_groups(f)
                for g in range(0, max(n, 1), shard_row_groups):
                    shards.append(Shard(len(shards), "parquet", [f], row_groups=list(range(g, min(n, g + shard_row_groups)))))
            elif suffix == ".jsonl":
                close_group()
                shards.append(Shard(len(shards), "files", [f], [doc_id]))
            else:
                group.append((f, doc_id))
                if len(group) >= shard_docs:
                    close_group()
    close_group()
    return shards


def shard_items(shard: Shard):
    """The shard's documents, read as the plain run reads them (ids of files found in
    folders renamed to the folder-relative ids the plain run gives them)."""
    from ie.extract.inputs import iter_inputs
    from ie.extract.parquet import iter_parquet_items

    if shard.kind == "parquet":
        yield from iter_parquet_items(shard.paths[0], row_groups=shard.row_groups)
        return
    for path, doc_id in zip(shard.paths, shard.ids or shard.paths):
        own = _path_id(path)
        for it in iter_inputs([path]):
            if doc_id != own and (it.id == own or it.id.startswith(own + ":")):
                it.id = doc_id + it.id[len(own):]
            yield it


def extract_items(nlp, items, batch_size: int = 16) -> Iterator[dict]:
    """One output object per item, in item order: the result, or ``{"id", "error"}``.
    Texts go through ``nlp.pipe`` as a stream; error items wait for the documents before
    them only."""
    from collections import deque

    from ie.components.results import doc_to_document

    pending: deque = deque()  # items in order, waiting for their turn

    def good():
        for it in items:
            pending.append(it)
            if it.error is None:
                yield it.text, it.id

    gen = nlp.pipe(good(), as_tuples=True, batch_size=batch_size)
    for doc, doc_id in gen:
        while pending and pending[0].error is not None:
            it = pending.popleft()
            yield {"id": it.id, "error": it.error}
        it = pending.popleft()
        assert it.id == doc_id
        try:
            yield doc_to_document(doc, doc_id).to_json()
        except Exception as exc:  # noqa: BLE001 - never lose a document: report it
            yield {"id": doc_id, "error": f"{doc_id}: failed while writing the result ({exc!r})"}
    while pending:
        it = pending.popleft()
        yield {"id": it.id, "error": it.error}


def write_part(objs: Iterable[dict], path: Path, fmt: str) -> dict:
    """Write one shard through ``path.tmp`` (renamed when complete); count what was written."""
    tmp = path.with_name(path.name + ".tmp")
    st = {"documents": 0, "ok": 0, "errors": 0, "words": 0}

    def count(o):
        st["documents"] += 1
        if "error" in o:
            st["errors"] += 1
        else:
            st["ok"] += 1
            st["words"] += len(o["text"].split())

    if fmt == "parquet":
        from ie.extract.parquet import ParquetResults

        with ParquetResults(tmp) as w:
            for o in objs:
                w.write(o)
                count(o)
    else:
        with tmp.open("w", encoding="utf-8") as fh:
            for o in objs:
                fh.write(json.dumps(o, ensure_ascii=False) + "\n")
                count(o)
    os.replace(tmp, path)
    return st


class ShardExtractor:
    """Ray Data actor: loads the pipeline once, then extracts whole shards."""

    def __init__(self, model: str, out_dir: str, fmt: str, batch_size: int, threads: int, device: str = "cpu"):
        from ie.extract.models import load_model

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        self.threads = threads
        self.nlp = load_model(model, device=device)
        if "planning_ie" in self.nlp.pipe_names:
            self.nlp.get_pipe("planning_ie").threads = threads
        self.nlp.max_length = max(self.nlp.max_length, 50_000_000)
        self.out_dir, self.fmt, self.batch_size = Path(out_dir), fmt, batch_size

    def __call__(self, batch: dict) -> dict:
        out: dict[str, list] = {"index": [], "documents": [], "ok": [], "errors": [], "words": [], "seconds": []}
        for spec in batch["shard"]:
            shard = Shard(**json.loads(spec))
            t0 = time.time()
            st = write_part(extract_items(self.nlp, shard_items(shard), self.batch_size),
                            self.out_dir / shard.part_name(self.fmt), self.fmt)
            out["index"].append(shard.index)
            for k in ("documents", "ok", "errors", "words"):
                out[k].append(st[k])
            out["seconds"].append(round(time.time() - t0, 2))
        return out


def run_ray(inputs: list[str], out_dir: str | Path, model: str, fmt: str = "jsonl", workers: int | None = None,
            address: str | None = None, batch_size: int = 16, shard_docs: int = 200, cpus_per_worker: int = 1,
            gpus_per_worker: float = 0.0, resume: bool = True, progress: bool = True) -> dict:
    """Extract ``inputs`` into ``out_dir/part-*.{fmt}`` with an actor pool on Ray."""
    import ray

    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"output format must be jsonl or parquet, not {fmt!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(inputs, shard_docs)
    manifest = {"inputs": list(inputs), "format": fmt, "shards": [asdict(s) for s in shards]}
    mpath = out_dir / MANIFEST
    if mpath.exists():
        old = json.loads(mpath.read_text(encoding="utf-8"))
        if old != manifest:
            raise ValueError(f"{out_dir} holds parts of another run (other inputs or format); use a new folder")
    if not resume:
        for s in shards:
            (out_dir / s.part_name(fmt)).unlink(missing_ok=True)
    mpath.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    todo = [s for s in shards if not (out_dir / s.part_name(fmt)).exists()]
    stats = {"shards": len(shards), "skipped_shards": len(shards) - len(todo), "documents": 0, "ok": 0, "errors": 0,
             "words": 0, "seconds": 0.0, "out_dir": str(out_dir)}
    if not todo:
        return stats
    started = False
    if not ray.is_initialized():
        kw = {"address": address} if address else {"num_cpus": max(1, (workers or 1) * cpus_per_worker)}
        ray.init(log_to_driver=False, include_dashboard=False, **kw)
        started = True
    try:
        n_workers = max(1, min(workers or int(ray.available_resources().get("CPU", 1)) // cpus_per_worker, len(todo)))
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = progress
        ds = ray.data.from_items([{"shard": json.dumps(asdict(s))} for s in todo], override_num_blocks=len(todo))
        device = "cuda" if gpus_per_worker > 0 else "cpu"
        res = ds.map_batches(ShardExtractor, batch_size=1, compute=ray.data.ActorPoolStrategy(size=n_workers),
                             num_cpus=cpus_per_worker, num_gpus=gpus_per_worker or None,
                             fn_constructor_kwargs={"model": model, "out_dir": str(out_dir.resolve()), "fmt": fmt,
                                                    "batch_size": batch_size, "threads": cpus_per_worker,
                                                    "device": device})
        t0 = time.time()
        for row in res.iter_rows():
            for k in ("documents", "ok", "errors", "words"):
                stats[k] += int(row[k])
        stats["seconds"] = round(time.time() - t0, 2)
        stats["workers"] = n_workers
    finally:
        if started:
            ray.shutdown()
    stats["words_per_s"] = round(stats["words"] / stats["seconds"], 1) if stats["seconds"] else None
    return stats


def read_parts(out_dir: str | Path) -> Iterator[dict]:
    """The records of a finished run, parts in order (what the plain run writes as one file)."""
    from ie.extract.parquet import read_results

    out_dir = Path(out_dir)
    manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    for s in manifest["shards"]:
        part = out_dir / Shard(**s).part_name(manifest["format"])
        if manifest["format"] == "parquet":
            yield from read_results(part)
        else:
            with part.open(encoding="utf-8") as fh:
                for line in fh:
                    yield json.loads(line)
