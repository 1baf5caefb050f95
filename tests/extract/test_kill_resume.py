"""kill -9 in the middle of ``ie extract`` (and of its resume), then ``--resume``: the JSONL,
CSV and HTML are byte-identical to an uninterrupted run. The recorded run (20 trials over
300 documents) is ``scripts/kill_resume.py`` -> eval/reports/kill_resume.json."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("kill_resume", ROOT / "scripts" / "kill_resume.py")
kill_resume = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kill_resume)


def test_kill_9_then_resume_gives_the_uninterrupted_bytes(tmp_path):
    assert kill_resume.main(["--docs", "24", "--trials", "1", "--seed", "4", "--second-kill", "0", "--json", str(tmp_path / "k.json")]) == 0
    import json

    rep = json.loads((tmp_path / "k.json").read_text())
    assert rep["identical_trials"] == 1 and rep["reference_lines"] == 24
    assert rep["kills_with_partial_output"] == 1
