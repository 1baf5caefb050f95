"""Every error line the JSONL and stdin readers of ``ie extract`` can give, with the id
and the location it names (expectations written by hand)."""

import io

from ie.extract.inputs import iter_inputs


def items(raw: bytes, fmt: str = "jsonl"):
    return [(it.id, it.text, it.error, it.source) for it in iter_inputs(["-"], stdin=io.BytesIO(raw), fmt=fmt)]


def test_each_bad_jsonl_line_is_one_error_item_naming_its_line():
    raw = b"\n".join([
        b'\xef\xbb\xbf{"id": "a", "text": "Bac Ninh"}',  # a BOM on the first line is allowed
        b'{"text": "no id"}',
        b'{"id": "  ", "text": "blank id"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": 7, "text": 5}',
        b'{"id": "b", "text": "caf\xe9"}',
        b'{"id": true, "text": "a boolean is not an id"}',
        b"",
        b'{"id": 8, "text": "Long An"}',
    ]) + b"\n"
    got = items(raw)
    assert got[0] == ("a", "Bac Ninh", None, "<stdin>:1")
    assert got[1] == ("stdin:2", None, "<stdin>:2: a JSONL line needs an 'id' (string or integer)", "<stdin>:2")
    assert got[2] == ("stdin:3", None, "<stdin>:3: the 'id' must be non-empty text without lone surrogates", "<stdin>:3")
    assert got[3] == ("stdin:4", None, "<stdin>:4: JSON nested too deeply", "<stdin>:4")
    assert got[4] == ("7", None, "<stdin>:5(7): missing 'text' string", "<stdin>:5")
    assert got[5] == ("stdin:6", None, "<stdin>:6: not UTF-8 (bad byte 0xe9 at column 25)", "<stdin>:6")
    assert got[6][0] == "stdin:7" and "needs an 'id'" in got[6][2]
    assert got[7] == ("8", "Long An", None, "<stdin>:9")  # the blank line 8 is skipped, numbering is kept
    assert len(got) == 8


def test_auto_stdin_reads_json_lines_after_the_first_and_text_otherwise():
    got = items(b'{"id": "x", "text": "Bac Ninh"}\n{"text": "no id"}\n', fmt="auto")
    assert [g[0] for g in got] == ["x", "stdin:2"]
    ((doc_id, text, err, src),) = items(b"\xff\xfe not text", fmt="text")
    assert (doc_id, text, src) == ("stdin", None, "<stdin>") and err.startswith("<stdin>: ")


def test_csv_and_html_writers_count_what_they_wrote(tmp_path):
    import json

    from ie.extract.writers import write_csv, write_html

    res = tmp_path / "r.jsonl"
    doc = {"id": "d", "text": "Bac Ninh and Long An", "entities": [
        {"id": 0, "start": 0, "end": 8, "label": "PROVINCE"}, {"id": 1, "start": 13, "end": 20, "label": "PROVINCE"}],
        "relations": []}
    res.write_text(json.dumps(doc) + "\n" + json.dumps({"id": "e", "error": "x: empty document"}) + "\n")
    assert write_csv(res, tmp_path / "f.csv") == 2  # one row per fact; error lines have none
    assert write_html(res, tmp_path / "p.html") == 2  # one section per line, error lines included


def test_nul_characters_are_found_wherever_they_are(tmp_path):
    from ie.extract.inputs import decode
    from ie.extract.items import check_text

    assert check_text("\x00Bac Ninh", "w") == (None, "w: text contains a NUL character at position 0 (binary?)")
    assert decode(b"ab\x00cd\x00", "f")[1] == "f: binary file (NUL byte at offset 2), not text"
