"""scripts/gpu_check.sh, dry-run on CPU (2 steps on a slice of the bundle), with spaCy made
unimportable and the package uninstalled-looking, as on the bare GPU machine."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("gpu") / "bundle"
    env = dict(os.environ, GPU_BUNDLE=str(out), PYTHON=sys.executable)
    p = subprocess.run(["bash", "scripts/gpu_check.sh", "--prepare", "--bench-docs", "40"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    info = json.loads(p.stdout.strip().splitlines()[-1])
    assert info["train_windows"] > 100 and info["dev_windows"] > 10 and info["bench_words"] > 8000
    assert info["bundle_mb"] < 56  # the device machine takes 64 MiB with the tree
    return out


@pytest.mark.timeout(1200)  # real model + Ray/ONNX export on a shared 2-core machine
def test_dry_run_without_spacy_trains_scores_and_times_extraction(bundle, tmp_path):
    blocker = tmp_path / "blocked"
    (blocker / "spacy").mkdir(parents=True)
    (blocker / "spacy" / "__init__.py").write_text("raise ImportError('no spaCy on the GPU machine')\n")
    env = dict(os.environ, GPU_BUNDLE=str(bundle), PYTHON=sys.executable, PYTHONPATH=str(blocker))
    p = subprocess.run(["bash", "scripts/gpu_check.sh", "--device", "cpu", "--max-steps", "2", "--limit", "6",
                        "--json", str(tmp_path / "gpu.json")], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    summary = json.loads((tmp_path / "gpu.json").read_text())
    assert summary["steps"] == 2 and summary["device"] == "cpu"
    assert 0 <= summary["dev_entity_f1"] <= 1 and 0 <= summary["dev_relation_f1"] <= 1
    assert summary["extract_words_per_s"] > 0 and summary["bench_windows"] > 0
    assert "spacy" not in p.stdout.lower() or "no spacy" not in p.stderr.lower()


def test_without_a_bundle_it_says_how_to_make_one(tmp_path):
    env = dict(os.environ, GPU_BUNDLE=str(tmp_path / "none"), PYTHON=sys.executable)
    p = subprocess.run(["bash", "scripts/gpu_check.sh"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert p.returncode == 2 and "--prepare" in p.stderr
