"""``ie train``: prepare the data (spaCy tokens -> cached ``datasets.Dataset``), fine-tune
with the torch-only core, keep the best epoch on the dev split, save a spaCy pipeline."""

from __future__ import annotations

import json
import os
import time
from dataclasses import fields
from pathlib import Path

from ie import __version__
from ie.model.batching import Window
from ie.model.config import ModelConfig, TrainConfig
from ie.model.network import build_model
from ie.model.training import pick_device, quick_eval, train

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def load_config(path: str | Path) -> dict:
    """A training config: sections ``model``, ``training``, ``data``. With ``"base":
    "other.json"`` (relative to this file) it holds only what differs from that config."""
    path = Path(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    base = raw.pop("base", None)
    cfg = load_config(path.parent / base) if base else {}
    for section in ("model", "training", "data"):
        cfg.setdefault(section, {})
        cfg[section].update(raw.pop(section, {}))
    if raw:
        raise ValueError(f"{path}: unknown section(s) {', '.join(sorted(raw))}")
    known_m = {f.name for f in fields(ModelConfig)}
    known_t = {f.name for f in fields(TrainConfig)}
    for k in cfg["model"]:
        if k not in known_m:
            raise ValueError(f"{path}: unknown model setting {k!r}")
    for k in cfg["training"]:
        if k not in known_t:
            raise ValueError(f"{path}: unknown training setting {k!r}")
    from ie.corpus.perturb import PerturbSettings

    known_a = {"views", "seed"} | {f.name for f in fields(PerturbSettings)}
    for k in cfg["data"].get("augment") or {}:
        if k not in known_a:
            raise ValueError(f"{path}: unknown augment setting {k!r} (known: {', '.join(sorted(known_a))})")
    return cfg


def resolve_encoder(name_or_path: str | None) -> str:
    """A folder, or the name of the packaged encoder (never a hub download)."""
    if name_or_path and Path(name_or_path).is_dir():
        return str(name_or_path)
    if name_or_path in (None, "", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        from ie.model.encoder import default_encoder_path

        return default_encoder_path()
    raise ValueError(f"encoder {name_or_path!r} is neither a folder nor the packaged all-MiniLM-L6-v2")


def train_pipeline(config_path: str | Path, output: str | Path, device: str | None = None,
                   overrides: dict | None = None, show_progress: bool = True,
                   init_from: str | Path | None = None, extra: list[str | Path] | None = None) -> dict:
    """Train a pipeline from ``config_path`` into ``output``.

    ``init_from``: a saved pipeline whose network settings and weights are the starting
    point (adaptation); its config's ``model`` section is then ignored. ``extra``: more
    annotated files (JSONL or markup), e.g. an analyst's corrected documents, trained on
    beside the config's data and repeated ``data.extra_repeat`` times (default 2) so that a
    few documents weigh against the large corpus.
    """
    import torch
    from transformers import AutoTokenizer

    from ie.components.windows import prepared_dataset
    from ie.model.smoothing import activation_maxima, sample
    from ie.text import make_nlp

    cfg = load_config(config_path)
    for section, vals in (overrides or {}).items():
        cfg[section].update(vals)
    if init_from is not None:
        from ie.components.planning_ie import saved_network

        weights = Path(init_from) / "planning_ie" / "weights.pt"
        if not weights.exists():
            raise FileNotFoundError(f"{init_from}: not a trained planning-ie pipeline (no {weights})")
        cfg["model"] = saved_network(init_from)
        cfg["model"]["encoder"] = str(Path(init_from) / "planning_ie" / "encoder")
        cfg["init_from"] = str(init_from)
    mcfg = ModelConfig(**cfg["model"])
    tcfg = TrainConfig(**cfg["training"])
    if device:
        tcfg.device = device
    data = cfg["data"]
    root = Path.cwd()  # data paths in the config are relative to where `ie train` runs (the repo root)

    def paths(key):
        return [p if Path(p).is_absolute() else root / p for p in data.get(key, [])]

    train_paths, dev_paths = paths("train"), paths("dev")
    extra_paths = [Path(p) for p in (extra or [])]
    if extra_paths:
        cfg["data"]["extra"] = [str(p) for p in extra_paths]
    for p in train_paths + dev_paths + extra_paths:
        if not Path(p).exists():
            raise FileNotFoundError(f"training data {p} is missing (build it with `ie corpus build-train`)")
    cache = Path(data.get("cache", "training/cache"))
    cache = cache if cache.is_absolute() else root / cache
    enc_path = resolve_encoder(mcfg.encoder)
    tok = AutoTokenizer.from_pretrained(enc_path, local_files_only=True)
    tok.model_max_length = 10**9
    t0 = time.time()
    def windows(paths_, view=None):
        ds = prepared_dataset(paths_, tok, mcfg, cache, mcfg.encoder, view)
        return [Window.from_row(r) for r in ds.to_list()]

    train_ex = windows(train_paths)
    extra_ex = windows(extra_paths) if extra_paths else []
    train_ex += extra_ex * int(data.get("extra_repeat", 2))
    # perturbed views of the training documents (ie.corpus.perturb), one per later epoch
    aug = dict(data.get("augment") or {})
    n_views = int(aug.pop("views", 0))
    aug_seed = int(aug.pop("seed", tcfg.seed))
    views = [windows(train_paths, {"seed": aug_seed + k, **aug}) for k in range(n_views)]
    dev_ex = windows(dev_paths) if dev_paths else []
    prep_s = time.time() - t0
    torch.manual_seed(tcfg.seed)
    # adaptation: the saved weights cover the whole network, encoder included
    model = build_model(mcfg, enc_path, pretrained=init_from is None)
    if init_from is not None:
        model.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
    dev_device = pick_device(tcfg.device)

    bar = None
    if show_progress:
        from tqdm import tqdm

        bar = tqdm(total=1, unit="step", desc="training", dynamic_ncols=True)

    def progress(step, total, loss, epoch):
        if bar is not None:
            bar.total = total
            bar.set_postfix(epoch=epoch, loss=f"{loss:.4f}")
            bar.update(step - bar.n)

    history = []

    def log(rec):
        history.append(rec)
        if bar is not None:
            bar.write(json.dumps(rec))

    evaluate = (lambda m: quick_eval(m, dev_ex, device=dev_device)) if dev_ex else None
    result = train(model, train_ex, tcfg, evaluate=evaluate, progress=progress, log=log, views=views)
    if bar is not None:
        bar.close()

    # activation maxima for the int8 graph's outlier smoothing (ie.model.smoothing)
    calibration = activation_maxima(model, sample(train_ex))
    nlp = make_nlp()
    comp = nlp.add_pipe("planning_ie", config={"network": mcfg.to_json()})
    comp.set_model(model.to("cpu"), mcfg, enc_path, calibration=calibration)
    if "planning_normalizer" in _registered_factories():
        nlp.add_pipe("planning_normalizer")
    output = Path(output)
    nlp.meta["name"] = "planning_ie"
    nlp.meta["version"] = __version__
    nlp.meta["description"] = "Provinces, facilities, money, areas, dates and their relations in Vietnamese planning news"
    nlp.meta["planning_ie"] = {
        "encoder": mcfg.encoder, "use_features": mcfg.use_features,
        "train_documents": len({e.doc_id for e in train_ex}), "train_windows": len(train_ex),
        "dev_documents": len({e.doc_id for e in dev_ex}),
        "best_dev": max((h for h in history if "score" in h), key=lambda h: h["score"], default=None),
        "train_seconds": result["seconds"], "prep_seconds": round(prep_s, 1), "device": result["device"],
        "threads": torch.get_num_threads(),
    }
    nlp.to_disk(output)
    metrics = {"config": cfg, "history": history, **{k: v for k, v in result.items() if k != "history"},
               "prep_seconds": round(prep_s, 1)}
    write_json(metrics, output / "metrics.json")
    return metrics


def calibrate_pipeline(pipeline: str | Path, data: list[str | Path] | None = None) -> dict:
    """Compute the activation maxima of a trained pipeline's encoder on windows of
    ``data`` (annotated JSONL; default: the default config's training files) and save them
    beside its weights, for the int8 graph's outlier smoothing (:mod:`ie.model.smoothing`).
    ``ie train`` does this itself; this is for pipelines trained before it did. The next
    load rebuilds the int8 graphs."""
    from ie.components.planning_ie import CALIBRATION_FILE
    from ie.components.windows import prepare
    from ie.docs import read_jsonl
    from ie.extract.models import load_model
    from ie.model.smoothing import activation_maxima, sample, save_calibration
    from ie.paths import DEFAULT_CONFIG

    pipeline = Path(pipeline)
    if not (pipeline / "planning_ie" / "weights.pt").exists():
        raise FileNotFoundError(f"{pipeline}: not a trained planning-ie pipeline (no planning_ie/weights.pt)")
    files = [Path(p) for p in (data or load_config(DEFAULT_CONFIG)["data"]["train"])]
    for f in files:
        if not f.exists():
            raise FileNotFoundError(f"calibration data {f} is missing")
    comp = load_model(str(pipeline)).get_pipe("planning_ie")
    docs = [d for f in files for d in read_jsonl(f)]
    windows = sample(prepare(docs, comp.hf_tokenizer, comp.cfg, with_labels=False))
    if not windows:
        raise ValueError(f"no text to calibrate on in {', '.join(map(str, files))}")
    maxima = activation_maxima(comp.model, windows)
    save_calibration(maxima, pipeline / "planning_ie" / CALIBRATION_FILE)
    return {"pipeline": str(pipeline), "documents": len(docs), "windows": len(windows), "inputs": len(maxima)}


def write_json(obj, path: Path) -> None:
    path.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8")


def _registered_factories() -> set[str]:
    from spacy.language import Language

    return set(Language.factories)
