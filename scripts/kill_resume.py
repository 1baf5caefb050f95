"""kill -9 ``ie extract`` at random points, finish with ``--resume``, and compare the JSONL,
CSV and HTML byte for byte with an uninterrupted run.

    python scripts/kill_resume.py --docs 300 --trials 20 --seed 15 --json eval/reports/kill_resume.json

Documents: texts of the training corpus as .txt files in folders plus a JSONL file, with a
few that fail (empty, not UTF-8), so resumes also retry error lines. In each trial the first
run is killed (SIGKILL) once its output holds a random number of lines (up to all of them: then
it dies while CSV/HTML are written); half the trials kill the resumed run once more too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_docs(d: Path, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = [json.loads(x)["text"] for x in (ROOT / "corpus/train/train.jsonl").read_text(encoding="utf-8").splitlines()]
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    jl = []
    for i in range(n):
        t = rng.choice(texts)
        if i % 50 == 7:
            (d / "a" / f"{i:04d}.txt").write_bytes(b"")  # empty: an error line
        elif i % 50 == 31:
            (d / "b" / f"{i:04d}.txt").write_bytes("Caf\xe9 Bac Ninh".encode("latin-1"))  # not UTF-8
        elif i % 3 == 0:
            jl.append(json.dumps({"id": f"j{i}", "text": t}, ensure_ascii=False))
        else:
            (d / ("a" if i % 2 else "b") / f"{i:04d}.txt").write_text(t, encoding="utf-8")
    (d / "docs.jsonl").write_text("\n".join(jl) + "\n", encoding="utf-8")
    return [str(d / "a"), str(d / "b"), str(d / "docs.jsonl")]


def command(inputs: list[str], out: Path, resume: bool) -> list[str]:
    return ([sys.executable, "-m", "ie", "extract", *inputs, "--model", "rules", "--out", str(out / "r.jsonl"),
             "--csv", str(out / "f.csv"), "--html", str(out / "r.html"), "--quiet", "--batch-size", "4"]
            + (["--resume"] if resume else []))


def run_killed(cmd: list[str], out: Path, target: int, limit: float = 300.0) -> dict:
    """Start ``cmd`` and kill -9 it once ``out`` holds ``target`` lines (the last target,
    all documents, kills it while CSV/HTML are being written or just after)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.time()
    while p.poll() is None and _count(out) < target and time.time() - t0 < limit:
        time.sleep(0.01)
    killed = p.poll() is None
    if killed:
        os.kill(p.pid, signal.SIGKILL)
    p.wait()
    return {"target_lines": target, "killed": killed, "lines_at_kill": _count(out), "after_s": round(time.time() - t0, 2)}


def trial(inputs, ref: Path, work: Path, rng: random.Random, n: int, second: float) -> dict:
    work.mkdir()
    kills = [run_killed(command(inputs, work, False), work / "r.jsonl", rng.randint(1, n))]
    if rng.random() < second and kills[0]["lines_at_kill"] < n:  # kill the resumed run too
        kills.append(run_killed(command(inputs, work, True), work / "r.jsonl", rng.randint(kills[0]["lines_at_kill"] + 1, n)))
    rc = subprocess.run(command(inputs, work, True), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    same = {name: (work / name).read_bytes() == (ref / name).read_bytes() for name in ("r.jsonl", "f.csv", "r.html")}
    return {"kills": kills, "final_rc": rc, "identical": same}


def _count(p: Path) -> int:
    return p.read_bytes().count(b"\n") if p.exists() else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--second-kill", type=float, default=0.5, help="share of trials that kill the resumed run too")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inputs = make_docs(tmp / "in", args.docs, args.seed)
        ref = tmp / "ref"
        ref.mkdir()
        t0 = time.time()
        ref_rc = subprocess.run(command(inputs, ref, False), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        wall = time.time() - t0
        trials = [trial(inputs, ref, tmp / f"t{i}", rng, args.docs, args.second_kill) for i in range(args.trials)]
        ref_lines = _count(ref / "r.jsonl")
    killed_mid = sum(k["killed"] for t in trials for k in t["kills"])
    partial = sum(k["killed"] and 0 < k["lines_at_kill"] < args.docs for t in trials for k in t["kills"])
    ok = all(all(t["identical"].values()) and t["final_rc"] == ref_rc for t in trials) and ref_lines == args.docs
    report = {"command": "python scripts/kill_resume.py " + " ".join(argv if argv is not None else sys.argv[1:]),
              "documents": args.docs, "reference_lines": ref_lines, "reference_rc": ref_rc,
              "reference_wall_s": round(wall, 1), "trials": args.trials, "kills_mid_run": killed_mid,
              "kills_with_partial_output": partial,
              "identical_trials": sum(all(t["identical"].values()) for t in trials), "ok": ok, "detail": trials}
    print(json.dumps({k: v for k, v in report.items() if k != "detail"}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
