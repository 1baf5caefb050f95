"""Issue 15: 300 unusual inputs (the kinds of the issue plus random and mutated texts and
random bytes), each under a time bound on its own, then all through the real command: no
crash, one output line per input. The full run (400 inputs of up to 200 KB) is
``scripts/fuzz_extract.py``, recorded in eval/reports/fuzz_extract.json."""

import importlib.util
import json
from pathlib import Path

from ie.cli import main

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("fuzz_extract", ROOT / "scripts" / "fuzz_extract.py")
fuzz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fuzz)


def test_300_unusual_inputs_no_crash_one_line_each(tmp_path):
    items = fuzz.cases(300, seed=7, big=20_000)
    timing = fuzz.time_each(items, bound=2.0)
    assert timing["crashes"] == [] and timing["over_bound"] == []
    inputs, n = fuzz.write_inputs(items, tmp_path / "in")
    out = tmp_path / "out.jsonl"
    rc = main(["extract", *inputs, "--model", "rules", "--out", str(out), "--csv", str(tmp_path / "f.csv"),
               "--html", str(tmp_path / "r.html"), "--quiet"])
    assert rc == 1  # some inputs are not text: error lines, no crash
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n == 300 and len({r["id"] for r in rows}) == 300
    assert all(("error" in r) != ("entities" in r) for r in rows)
