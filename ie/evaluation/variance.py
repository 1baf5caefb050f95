"""Training variance of one config (issue 16): the ``summary.json`` that ``ie evaluate``
wrote for each training seed's model, turned into mean, sample standard deviation and
range per evaluation set and figure. Run by ``scripts/variance.sh``::

    python -m ie.evaluation.variance eval/reports/variance/seed-13 ... --out eval/reports/variance
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from ie.schema import ENTITY_LABELS, RELATION_LABELS


def figures(summary: dict) -> dict[str, dict[str, float]]:
    """Per evaluation set: entity/relation micro F1 and per-label F1 of the first system
    (the evaluated model) in an ``ie evaluate`` summary."""
    out: dict[str, dict[str, float]] = {}
    for row in summary["rows"]:
        if row["set"] in out:  # the other rows are --compare systems
            continue
        f = {"entity micro": row["entity_micro"], "relation micro": row["relation_micro"]}
        f.update({f"entity {k}": v for k, v in row["entity_per_label"].items()})
        f.update({f"relation {k}": v for k, v in row["relation_per_label"].items()})
        out[row["set"]] = f
    return out


def spread(values: list[float]) -> dict:
    return {"mean": round(statistics.mean(values), 4),
            "sd": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
            "min": round(min(values), 4), "max": round(max(values), 4), "values": [round(v, 4) for v in values]}


def train_seconds(report_dir: Path) -> float | None:
    """Training time of the evaluated model, as its report folders record it."""
    for m in sorted(report_dir.glob("*/metrics.json")):
        for sysm in json.loads(m.read_text(encoding="utf-8")).get("systems", {}).values():
            secs = (sysm.get("system") or {}).get("train_seconds")
            if secs is not None:
                return secs
    return None


def variance(report_dirs: list[Path]) -> dict:
    runs = {d.name: figures(json.loads((d / "summary.json").read_text(encoding="utf-8"))) for d in report_dirs}
    seconds = {d.name: train_seconds(d) for d in report_dirs}
    sets = list(next(iter(runs.values())))
    table = {}
    for s in sets:
        names = list(runs[next(iter(runs))][s])
        table[s] = {n: spread([runs[r][s][n] for r in runs]) for n in names}
    return {"runs": list(runs), "train_seconds": seconds, "sets": table}


def to_markdown(res: dict, command: str) -> str:
    order = ["entity micro", "relation micro"] + [f"entity {x}" for x in ENTITY_LABELS] + \
        [f"relation {x}" for x in RELATION_LABELS]
    L = ["# Training variance of the default config", "",
         f"Written by `{command}` from the `summary.json` of each run ({', '.join(res['runs'])}: "
         "the same config and data, only the training seed differs). Strict F1; sd = sample standard deviation.", "",
         "Training time (s, as each model's metadata records it): "
         + ", ".join(f"{r} {s}" for r, s in res.get("train_seconds", {}).items()), ""]
    for s, figs in res["sets"].items():
        L += [f"## {s}", "", "| figure | mean | sd | min | max | runs |", "|---|---|---|---|---|---|"]
        for name in [n for n in order if n in figs]:
            f = figs[name]
            L.append(f"| {name} | {f['mean']:.3f} | {f['sd']:.3f} | {f['min']:.3f} | {f['max']:.3f} | "
                     + ", ".join(f"{v:.3f}" for v in f["values"]) + " |")
        L.append("")
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ie.evaluation.variance")
    ap.add_argument("reports", nargs="+", help="report folders of `ie evaluate --gold SET... --report DIR`, one per run")
    ap.add_argument("--out", required=True, help="folder for variance.md and variance.json")
    a = ap.parse_args(argv)
    command = "python -m ie.evaluation.variance " + " ".join(argv if argv is not None else sys.argv[1:])
    res = variance([Path(r) for r in a.reports])
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "variance.json").write_text(json.dumps({"command": command, **res}, indent=1) + "\n", encoding="utf-8")
    md = to_markdown(res, command)
    (out / "variance.md").write_text(md + "\n", encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
