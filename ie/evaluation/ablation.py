"""What each addition does (issue 10): the arms of ``scripts/ablation.sh``, each an
``ie evaluate --model ARM --compare DEFAULT --report eval/reports/ablation/ARM`` folder,
put in one table per evaluation set: the default's micro F1, the arm's, the difference
(default minus arm: what the switched-off addition buys) and the paired-bootstrap p-value
``ie evaluate`` computed for it. Run by ``scripts/ablation.sh``::

    python -m ie.evaluation.ablation eval/reports/ablation/no_mention ... --out eval/reports/ablation
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ie.evaluation.variance import train_seconds

KINDS = ("entities", "relations")


def arm_rows(report_dir: Path) -> list[dict]:
    """One row per evaluation set of an arm's report folder."""
    summary = json.loads((report_dir / "summary.json").read_text(encoding="utf-8"))
    first: dict[str, dict] = {}
    other: dict[str, dict] = {}
    for row in summary["rows"]:
        (other if row["set"] in first else first).setdefault(row["set"], row)
    rows = []
    for set_name, arm in first.items():
        default = other.get(set_name)
        if default is None:
            raise ValueError(f"{report_dir}/summary.json: no --compare row for set {set_name!r}")
        metrics = json.loads((report_dir / set_name / "metrics.json").read_text(encoding="utf-8"))
        paired = metrics.get("paired", {}).get(default["system"])
        if paired is None:
            raise ValueError(f"{report_dir}/{set_name}/metrics.json: no paired bootstrap against {default['system']!r}")
        row = {"arm": report_dir.name, "set": set_name, "documents": arm["documents"],
               "default_system": default["system"], "arm_system": arm["system"]}
        for kind, key in zip(KINDS, ("entity_micro", "relation_micro")):
            # `paired` holds compare-system minus evaluated model, i.e. default minus arm
            row[kind] = {"default": default[key], "arm": arm[key],
                         "delta": round(default[key] - arm[key], 4), "p_value": paired[kind]["p_value"]}
            if abs(row[kind]["delta"] - paired[kind]["delta"]) > 1e-3:
                raise ValueError(f"{report_dir}/{set_name}: summary and paired delta disagree for {kind}")
        fac = "FACILITY"
        row["facility"] = {"default": default["entity_per_label"].get(fac), "arm": arm["entity_per_label"].get(fac)}
        rows.append(row)
    return rows


def ablation(report_dirs: list[Path]) -> dict:
    rows = [r for d in report_dirs for r in arm_rows(d)]
    return {"arms": [d.name for d in report_dirs], "train_seconds": {d.name: train_seconds(d) for d in report_dirs},
            "rows": rows}


def _p(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def to_markdown(res: dict, command: str) -> str:
    L = ["# Ablation of the default config", "",
         f"Written by `{command}` from each arm's `ie evaluate --compare` folder. Each arm is the "
         "default config with one addition switched off (`training/configs/ablation_ARM.json`), "
         "trained on the same corpus. Strict micro F1; delta = default minus arm (what the addition "
         "buys); p = paired bootstrap over documents (1,000 resamples). FACILITY = per-label F1.", "",
         "Training time of each arm (s): " + ", ".join(f"{a} {s}" for a, s in res["train_seconds"].items()), ""]
    sets = list(dict.fromkeys(r["set"] for r in res["rows"]))
    for s in sets:
        L += [f"## {s}", "",
              "| arm | docs | entity: default / arm | delta | p | relation: default / arm | delta | p | FACILITY: default / arm |",
              "|---|---|---|---|---|---|---|---|---|"]
        for r in (r for r in res["rows"] if r["set"] == s):
            e, rel, f = r["entities"], r["relations"], r["facility"]
            fac = f"{f['default']:.3f} / {f['arm']:.3f}" if f["default"] is not None and f["arm"] is not None else "-"
            L.append(f"| {r['arm']} | {r['documents']} | {e['default']:.3f} / {e['arm']:.3f} | {e['delta']:+.3f} | "
                     f"{_p(e['p_value'])} | {rel['default']:.3f} / {rel['arm']:.3f} | {rel['delta']:+.3f} | "
                     f"{_p(rel['p_value'])} | {fac} |")
        L.append("")
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ie.evaluation.ablation")
    ap.add_argument("reports", nargs="+", help="one `ie evaluate --model ARM --compare DEFAULT --report DIR` folder per arm")
    ap.add_argument("--out", required=True, help="folder for summary.md and summary.json")
    a = ap.parse_args(argv)
    command = "python -m ie.evaluation.ablation " + " ".join(argv if argv is not None else sys.argv[1:])
    res = ablation([Path(r) for r in a.reports])
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(json.dumps({"command": command, **res}, indent=1) + "\n", encoding="utf-8")
    md = to_markdown(res, command)
    (out / "summary.md").write_text(md + "\n", encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
