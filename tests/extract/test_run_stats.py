"""The statistics, progress bar and error messages of ``run_extract`` (what the CLI prints
and scripts read), with expectations derived by hand."""

import json

import pytest

from ie.extract import run_extract
from ie.extract.run import EXIT_OUTPUT, EXIT_USAGE, ExtractError

TEXTS = ["Bac Ninh has 16 industrial parks.", "   ", "Long An has 35 industrial parks on 12,000 ha."]


def write_inputs(tmp_path, texts=TEXTS):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    return src


def test_stats_count_documents_words_and_speed(tmp_path):
    st = run_extract([str(write_inputs(tmp_path))], tmp_path / "o.jsonl", "rules", progress=False)
    assert (st["documents"], st["ok"], st["errors"], st["skipped"], st["retried"]) == (3, 2, 1, 0, 0)
    assert st["words"] == 6 + 9 and st["error_list"] == ["d1"]
    assert st["words_per_s"] == (round(st["words"] / st["seconds"], 1) if st["seconds"] else None)


def test_resume_counts_the_error_lines_it_retries(tmp_path):
    src = write_inputs(tmp_path)
    run_extract([str(src)], tmp_path / "o.jsonl", "rules", progress=False)
    fixed = write_inputs(tmp_path, [TEXTS[0], "Hai Phong drew US$3 billion.", TEXTS[2]])
    st = run_extract([str(fixed)], tmp_path / "o.jsonl", "rules", resume=True, progress=False)
    assert (st["retried"], st["skipped"], st["ok"], st["errors"]) == (1, 2, 1, 0)


def test_progress_bar_counts_documents(tmp_path, capsys):
    run_extract([str(write_inputs(tmp_path))], tmp_path / "o.jsonl", "rules", progress=True)
    import re

    err = capsys.readouterr().err
    counts = [int(n) for n in re.findall(r"extracting: (\d+)doc ", err)]
    assert counts and counts[-1] == 3 and max(counts) == 3  # one tick per document
    assert "docs_s=" in err and "words_s=" in err


def test_an_unknown_format_is_a_usage_error():
    with pytest.raises(ExtractError) as exc:
        run_extract(["-"], __import__("pathlib").Path("/nonexistent/o.jsonl"), "rules", fmt="xml", progress=False)
    assert exc.value.code == EXIT_USAGE and "--format must be auto, text or jsonl (got 'xml')" in str(exc.value)


@pytest.mark.parametrize("opt", ["html", "parquet", "csv"])
def test_outputs_are_named_by_their_option_when_refused(tmp_path, opt):
    src = write_inputs(tmp_path)
    out = tmp_path / "o.jsonl"
    with pytest.raises(ExtractError) as exc:
        run_extract([str(src)], out, "rules", progress=False, **{f"{opt}_path": out})
    assert exc.value.code == EXIT_USAGE and str(exc.value) == f"--{opt} and --out are the same file ({out})"


def test_a_full_disk_is_an_output_error_naming_the_file(tmp_path):
    with pytest.raises(ExtractError) as exc:
        run_extract([str(write_inputs(tmp_path))], __import__("pathlib").Path("/dev/full"), "rules", progress=False)
    assert exc.value.code == EXIT_OUTPUT and str(exc.value) == "/dev/full: cannot write (No space left on device)"


def test_db_stats_and_a_file_that_is_not_a_database(tmp_path):
    pytest.importorskip("duckdb")
    src = write_inputs(tmp_path)
    st = run_extract([str(src)], tmp_path / "o.jsonl", "rules", progress=False, db_path=tmp_path / "f.duckdb")
    assert st["db"] == {"added": 2, "error": 1}  # the two results, and the error line recorded as such
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database\n" * 100)
    with pytest.raises(ExtractError) as exc:
        run_extract([str(src)], tmp_path / "o2.jsonl", "rules", progress=False, db_path=bad)
    assert exc.value.code == EXIT_OUTPUT and str(exc.value).startswith(f"--db {bad}: ")
