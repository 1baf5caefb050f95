"""Build the JSONL corpora from their hand-written markup sources.

- seed gold: ``corpus/gold/src/*.md`` -> ``corpus/gold/seeds.jsonl``; every text must be
  identical to its file in ``../shared/seeds`` (checked here, not assumed).
- training corpus: ``corpus/src/**/*.md`` (+ the augmenter's output) ->
  ``corpus/train/train.jsonl`` and ``corpus/train/dev.jsonl``, split by document with a
  fixed seed; the split is recorded in ``corpus/train/split.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ie.corpus.markup import read_markup
from ie.docs import CorpusError, Document, write_jsonl


def _load_norms(path: Path) -> dict:
    norms = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "doc" in row:
                norms[(row["doc"], row["start"], row["end"])] = row
    return norms


def build_seed_gold(src_dir: Path, seeds_dir: Path, out: Path, norms_path: Path | None = None) -> list[Document]:
    norms = _load_norms(norms_path or Path(out).parent / "seed_norms.jsonl")
    docs = []
    for md in sorted(Path(src_dir).glob("*.md")):
        for d in read_markup(md):
            orig = Path(seeds_dir) / f"{d.id}.txt"
            if not orig.exists():
                raise CorpusError(d.where, f"no seed file {orig}")
            want = orig.read_text(encoding="utf-8")
            if d.text != want:
                i = next((k for k, (a, b) in enumerate(zip(d.text, want)) if a != b), min(len(d.text), len(want)))
                raise CorpusError(
                    d.where,
                    f"text differs from {orig} at character {i}: {d.text[i:i+30]!r} vs {want[i:i+30]!r}",
                )
            d.meta.setdefault("source", f"shared/seeds/{orig.name}")
            for e in d.entities:
                row = norms.get((d.id, e.start, e.end))
                if row is not None:
                    if row["text"] != d.text[e.start:e.end]:
                        raise CorpusError(d.where, f"{e.id}: seed_norms entry {row['text']!r} no longer matches the span")
                    e.norm = row["norm"]
            docs.append(d)
    write_jsonl(docs, out)
    return docs


def split_of(doc_id: str, dev_fraction: float = 0.15, seed: int = 13) -> str:
    """Deterministic document-level split: a hash of (seed, id), stable across runs and machines."""
    h = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    return "dev" if int.from_bytes(h[:8], "big") / 2**64 < dev_fraction else "train"


def build_train(src_dirs: list[Path], out_dir: Path, dev_fraction: float = 0.15, seed: int = 13) -> dict:
    from ie.corpus.reader import read_docs

    docs = list(read_docs(src_dirs))
    split = {d.id: ("train" if d.meta.get("synthetic") else split_of(d.id, dev_fraction, seed)) for d in docs}
    train = [d for d in docs if split[d.id] == "train"]
    dev = [d for d in docs if split[d.id] == "dev"]
    out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(train, out_dir / "train.jsonl")
    write_jsonl(dev, out_dir / "dev.jsonl")
    manifest = {"seed": seed, "dev_fraction": dev_fraction, "rule": "sha256(seed:id) < dev_fraction -> dev; synthetic docs always train",
                "train": sorted(d.id for d in train), "dev": sorted(d.id for d in dev)}
    (out_dir / "split.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return {"train": len(train), "dev": len(dev)}
