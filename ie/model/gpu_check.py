"""The GPU check (``scripts/gpu_check.sh``): train the default config and measure
extraction on a bare GPU machine that has torch and transformers but not spaCy (nor this
package installed, nor the encoder package).

``prepare`` (here, on CPU, with spaCy) writes a bundle of at most ~55 MB:

- ``windows.pt``: the train and dev windows of the default config (what
  ``ie.components.windows.prepared_dataset`` makes), and the windows of the bench texts
  with the number of words they cover;
- ``encoder/``: the packaged all-MiniLM-L6-v2 (weights stored as float16 to fit the
  64 MiB the device machine takes; loaded back as float32);
- ``site/planning_ie-*.dist-info``: lets ``import ie`` find its version uninstalled;
- ``config.json``: the training config.

``run`` (there) trains with bf16 autocast, scores the dev windows (entity and relation
F1, the number ``ie train`` selects epochs by), and runs the bench windows batched across
documents in bf16, printing one JSON line per stage and a summary.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

WORDS_KEY = "words"


def prepare(out: Path, config: str, n_docs: int) -> None:
    import torch
    from safetensors.torch import load_file, save_file
    from transformers import AutoTokenizer

    from ie.components.windows import doc_words, make_windows, prepared_dataset
    from ie.docs import read_jsonl
    from ie.model.batching import Window
    from ie.model.config import ModelConfig, TrainConfig
    from ie.training import load_config, resolve_encoder

    cfg = load_config(config)
    mcfg = ModelConfig(**cfg["model"])
    enc = resolve_encoder(mcfg.encoder)
    tok = AutoTokenizer.from_pretrained(enc, local_files_only=True)
    tok.model_max_length = 10**9
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(cfg["data"].get("cache", "training/cache"))
    train = [Window.from_row(r).to_row() for r in prepared_dataset(cfg["data"]["train"], tok, mcfg, cache, mcfg.encoder).to_list()]
    dev = [Window.from_row(r).to_row() for r in prepared_dataset(cfg["data"]["dev"], tok, mcfg, cache, mcfg.encoder).to_list()]
    # bench texts: the training documents of typical news length (200-300 words), repeated
    docs = [d for d in read_jsonl(cfg["data"]["train"][0]) if 200 <= len(d.text.split()) <= 300]
    bench, words = [], 0
    for i in range(n_docs):
        d = docs[i % len(docs)]
        ws = make_windows(doc_words(f"b{i}", d.text, tok), mcfg, tok.cls_token_id, tok.sep_token_id)
        bench += [w.to_row() for w in ws]
        words += len(d.text.split())
    torch.save({"train": train, "dev": dev, "bench": bench, WORDS_KEY: words, "bench_docs": n_docs}, out / "windows.pt")
    edir = out / "encoder"
    edir.mkdir(exist_ok=True)
    for f in ("config.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        if (Path(enc) / f).exists():
            shutil.copy(Path(enc) / f, edir / f)
    weights = load_file(str(Path(enc) / "model.safetensors"))
    save_file({k: v.half() if v.is_floating_point() else v for k, v in weights.items()}, str(edir / "model.safetensors"))
    dist = out / "site" / "planning_ie-0.1.0.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: planning-ie\nVersion: 0.1.0\n", encoding="utf-8")
    cfg["model"]["encoder"] = "encoder"
    (out / "config.json").write_text(json.dumps(cfg, indent=1) + "\n", encoding="utf-8")
    TrainConfig(**cfg["training"])  # fails here, not on the GPU machine, if the config is off
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(json.dumps({"stage": "prepare", "bundle": str(out), "train_windows": len(train), "dev_windows": len(dev),
                      "bench_windows": len(bench), "bench_words": words, "bundle_mb": round(size / 2**20, 1)}))


def predict_bench(model, windows: list, device, batch_size: int, amp: bool) -> float:
    """Seconds to tag and relate all bench windows, batched across documents (sorted by
    length), under bf16 autocast on CUDA."""
    import torch

    from ie.model.decoding import predict_windows

    if device.type == "cuda":
        torch.cuda.synchronize()
    t0 = time.time()
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp and device.type == "cuda"):
        predict_windows(model, windows, batch_size=batch_size, device=device)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.time() - t0


def run(bundle: Path, device_name: str, max_steps: int, limit: int, batch_size: int) -> dict:
    import torch
    from transformers import AutoModel

    from ie.model.batching import Window
    from ie.model.config import ModelConfig, TrainConfig
    from ie.model.network import PlanningModel
    from ie.model.training import pick_device, quick_eval, train

    t_all = time.time()
    cfg = json.loads((bundle / "config.json").read_text(encoding="utf-8"))
    data = torch.load(bundle / "windows.pt", weights_only=False)
    tr = [Window.from_row(r) for r in data["train"]]
    dev = [Window.from_row(r) for r in data["dev"]]
    bench = [Window.from_row(r) for r in data["bench"]]
    words = data[WORDS_KEY]
    if limit:  # dry runs: a slice of everything
        frac = limit / max(1, data["bench_docs"])
        tr, dev = tr[:limit * 4], dev[:limit]
        bench = bench[:max(1, int(len(bench) * frac))]
        words = int(words * len(bench) / max(1, len(data["bench"])))
    tcfg = TrainConfig(**cfg["training"])
    tcfg.device = device_name
    if max_steps:
        tcfg.max_steps = max_steps
    device = pick_device(device_name)
    info = {"stage": "setup", "device": str(device), "torch": torch.__version__,
            "gpu": torch.cuda.get_device_name(0) if device.type == "cuda" else None}
    print(json.dumps(info), flush=True)
    mcfg = ModelConfig(**{**cfg["model"], "encoder": "all-MiniLM-L6-v2"})
    torch.manual_seed(tcfg.seed)
    enc = AutoModel.from_pretrained(str(bundle / "encoder"), local_files_only=True, dtype=torch.float32)
    model = PlanningModel(mcfg, enc)
    t0 = time.time()
    res = train(model, tr, tcfg, evaluate=lambda m: quick_eval(m, dev, device=device),
                log=lambda rec: print(json.dumps({"stage": "epoch", **rec}), flush=True))
    train_s = time.time() - t0
    best = max((h for h in res["history"] if "score" in h), key=lambda h: h["score"], default={})
    model.eval()
    predict_bench(model, bench[:64], device, batch_size, amp=True)  # warm-up (kernels, allocator)
    run_s = predict_bench(model, bench, device, batch_size, amp=True)
    summary = {"stage": "summary", "device": str(device), "gpu": info["gpu"], "train_seconds": round(train_s, 1),
               "steps": res["steps"], "epochs": len(res["history"]),
               "dev_entity_f1": best.get("dev_entity_f1"), "dev_relation_f1": best.get("dev_relation_f1"),
               "bench_words": words, "bench_windows": len(bench), "extract_seconds": round(run_s, 2),
               "extract_words_per_s": round(words / run_s, 1) if run_s else None,
               "extract_batch": batch_size, "extract_dtype": "bf16" if device.type == "cuda" else "float32",
               "note": "extraction = encoder + CRF decoding + relations over prepared windows (tokenizing with spaCy "
                       "runs on CPU and is not timed here)",
               "total_seconds": round(time.time() - t_all, 1)}
    print(json.dumps(summary), flush=True)
    return summary


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ie.model.gpu_check")
    sub = p.add_subparsers(dest="cmd", required=True)
    pr = sub.add_parser("prepare", help="(CPU, with spaCy) write the bundle")
    pr.add_argument("--out", default="build/gpu_bundle")
    pr.add_argument("--config", default="training/configs/default.json")
    pr.add_argument("--bench-docs", type=int, default=2000)
    rn = sub.add_parser("run", help="(GPU machine) train, score dev, time extraction")
    rn.add_argument("--bundle", default="build/gpu_bundle")
    rn.add_argument("--device", default="cuda")
    rn.add_argument("--max-steps", type=int, default=0)
    rn.add_argument("--limit", type=int, default=0, help="dry runs: use a slice of the windows")
    rn.add_argument("--batch-size", type=int, default=256)
    rn.add_argument("--json", help="also write the summary here")
    a = p.parse_args(argv)
    if a.cmd == "prepare":
        prepare(Path(a.out), a.config, a.bench_docs)
        return 0
    summary = run(Path(a.bundle), a.device, a.max_steps, a.limit, a.batch_size)
    if a.json:
        Path(a.json).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
