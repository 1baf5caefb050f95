"""``ie extract --engine ray`` on a real local Ray cluster (``ray.init(num_cpus=2)``):
sharded parts that, read in order, are the records of the plain run; finished shards are
skipped on a second run; Parquet in and out."""

import json
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import SHARED
from tests.tiny_model import tiny_model

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def plain(inputs, tmp_path, model):
    """The plain run, as a user runs it (``ie extract`` in its own process)."""
    out = tmp_path / "plain.jsonl"
    p = subprocess.run([sys.executable, "-m", "ie", "extract", *map(str, inputs), "--model", model, "--out", str(out),
                        "--quiet"], capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr[-2000:]  # 1: some inputs were error lines
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def same(got, expected):
    """Equal record lists; on a difference, say where (ids, then the first differing field)."""
    assert [g["id"] for g in got] == [e["id"] for e in expected]
    for g, e in zip(got, expected):
        for k in sorted(set(g) | set(e)):
            if g.get(k) != e.get(k):
                if isinstance(e.get(k), list) and isinstance(g.get(k), list):
                    raise AssertionError(f"{e['id']} {k}: ray has {[x for x in g[k] if x not in e[k]][:3]}, "
                                         f"plain has {[x for x in e[k] if x not in g[k]][:3]}")
                raise AssertionError(f"{e['id']} {k}: ray {str(g.get(k))[:200]!r} != plain {str(e.get(k))[:200]!r}")
    return True


@pytest.mark.timeout(1200)  # real model + Ray/ONNX export on a shared 2-core machine
def test_seeds_on_ray_equal_the_plain_run_and_resume_skips_finished_shards(cluster, tmp_path):
    from ie.extract.ray_engine import read_parts, run_ray

    seeds = tmp_path / "seeds"
    shutil.copytree(SHARED / "seeds", seeds)
    (seeds / "empty.txt").write_text(" \n", encoding="utf-8")  # an error line keeps its place
    expected = plain([seeds], tmp_path, "rules")
    st = run_ray([str(seeds)], tmp_path / "ray", "rules", workers=2, shard_docs=2, progress=False)
    assert st["shards"] == 3 and st["documents"] == len(expected) == 6 and st["errors"] == 1
    assert same(list(read_parts(tmp_path / "ray")), expected)
    (tmp_path / "ray" / "part-00001.jsonl").unlink()  # as if the run had stopped in that shard
    again = run_ray([str(seeds)], tmp_path / "ray", "rules", workers=2, shard_docs=2, progress=False)
    assert again["skipped_shards"] == 2 and again["documents"] == 2
    assert same(list(read_parts(tmp_path / "ray")), expected)
    with pytest.raises(ValueError, match="another run"):
        run_ray([str(seeds / "000_aa6c0136b7f1dd25.txt")], tmp_path / "ray", "rules", progress=False)


@pytest.mark.timeout(1200)  # real model + Ray/ONNX export on a shared 2-core machine
def test_trained_model_on_ray_parquet_in_and_out_equals_the_plain_run(cluster, tmp_path):
    from ie.extract.ray_engine import read_parts, run_ray

    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))][1:2]
    texts += ["Long An has 35 industrial parks on 12,000 ha.", "Hai Phong drew US$3 billion in 2024.",
              "The Que Vo II Industrial Park in Bac Ninh drew VND4,128 billion in 2021-25.", "Dong Nai plans 12 clusters."]
    ids = [f"n{i}" for i in range(len(texts))]
    pq.write_table(pa.table({"id": ids, "text": texts}), tmp_path / "in.parquet", row_group_size=2)
    with (tmp_path / "in.jsonl").open("w", encoding="utf-8") as fh:
        for i, t in zip(ids, texts):
            fh.write(json.dumps({"id": i, "text": t}) + "\n")
    model = str(tiny_model())
    expected = plain([tmp_path / "in.jsonl"], tmp_path, model)
    st = run_ray([str(tmp_path / "in.parquet")], tmp_path / "ray", model, fmt="parquet", workers=2, progress=False)
    assert st["shards"] == 3 and st["ok"] == 5 and (tmp_path / "ray" / "part-00002.parquet").exists()
    assert same(list(read_parts(tmp_path / "ray")), expected)


@pytest.mark.timeout(1200)
def test_the_cli_engine_ray_on_the_seeds_equals_the_plain_run(tmp_path):
    """``ie extract --engine ray`` as a user runs it (its own local Ray instance)."""
    from ie.extract.ray_engine import read_parts

    expected = plain([SHARED / "seeds"], tmp_path, "rules")
    p = subprocess.run([sys.executable, "-m", "ie", "extract", str(SHARED / "seeds"), "--engine", "ray", "--workers", "2",
                        "--shard-docs", "2", "--out", str(tmp_path / "parts"), "--model", "rules", "--quiet"],
                       capture_output=True, text=True, timeout=1100)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "3 shards (0 already done): 5 documents, 5 extracted" in p.stderr
    assert same(list(read_parts(tmp_path / "parts")), expected)


@pytest.mark.parametrize("extra", [["--csv", "x.csv"], ["--resume"], ["--n-process", "2"]])
def test_engine_ray_refuses_the_options_of_the_plain_run(tmp_path, extra, capsys):
    from ie.cli import main

    assert main(["extract", str(SHARED / "seeds"), "--engine", "ray", "--out", str(tmp_path / "p"), "--model", "rules",
                 *extra]) == 2
    assert "--engine ray" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()
