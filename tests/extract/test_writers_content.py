"""What the CSV, HTML and database writers of ``ie extract`` put in each cell (hand-built
results, expectations derived by hand), the failing-batch fallback of ``--n-process``,
and the error count of a resume that keeps old error lines."""

import json

import pytest

from ie.extract.writers import facts_rows, html_part

TEXT = "The Yen Phong Industrial Park in Bac Ninh drew US$2 billion and covers 658 ha by 2030."
DOC = {"id": "d1", "text": TEXT,
       "entities": [{"id": 0, "start": 4, "end": 29, "label": "FACILITY"},
                    {"id": 1, "start": 33, "end": 41, "label": "PROVINCE", "norm": {"name": "Bắc Ninh"}},
                    {"id": 2, "start": 47, "end": 59, "label": "MONEY", "norm": {"amount": 2e9, "currency": "USD"}},
                    {"id": 3, "start": 71, "end": 77, "label": "AREA", "norm": {"hectares": 658}},
                    {"id": 4, "start": 81, "end": 85, "label": "DATE"}],
       "relations": [{"head": 0, "tail": 1, "label": "LOCATED_IN", "score": 0.97},
                     {"head": 0, "tail": 2, "label": "HAS_INVESTMENT", "score": 0.875}]}


def test_csv_rows_carry_normalized_values_units_and_scores():
    assert [TEXT[e["start"]:e["end"]] for e in DOC["entities"]] == [
        "Yen Phong Industrial Park", "Bac Ninh", "US$2 billion", "658 ha", "2030"]
    rows = facts_rows(DOC)
    loc, inv, area, date = rows
    assert (loc["relation"], loc["score"], loc["province"], loc["facility"]) == ("LOCATED_IN", 0.97, "Bắc Ninh",
                                                                               "Yen Phong Industrial Park")
    assert (inv["relation"], inv["score"], inv["value"], inv["unit"]) == ("HAS_INVESTMENT", 0.875, 2e9, "USD")
    assert (inv["head_start"], inv["head_end"], inv["tail_start"], inv["tail_end"]) == (4, 29, 47, 59)
    assert (area["relation"], area["score"], area["value"], area["unit"], area["head"]) == ("", "", 658, "ha", "658 ha")
    assert (date["date"], date["value"], date["unit"]) == ("2030", "", "")


def test_html_shows_each_relation_with_its_score_escaped():
    d = {**DOC, "id": "<b>x</b>"}
    page = html_part(d)
    assert "<h2>&lt;b&gt;x&lt;/b&gt;</h2>" in page
    assert "<td>HAS_INVESTMENT</td><td>US$2 billion</td><td>0.875</td>" in page
    assert "<td>LOCATED_IN</td><td>Bac Ninh</td><td>0.97</td>" in page


def test_db_records_the_model_version_given(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    from ie.cli import main

    (tmp_path / "a.txt").write_text("Bac Ninh plans the Yen Phong II Industrial Park of 300 ha.", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    assert main(["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o.jsonl"), "--model", "rules",
                 "--db", str(db), "--model-version", "v7-test", "--quiet"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT model_version FROM documents").fetchall() == [("v7-test",)]


def test_rows_of_entities_without_relations_and_of_dates_in_relations():
    text = "Dong Nai and the Nhon Trach 6 park, planned in 2025."
    doc = {"id": "d2", "text": text,
           "entities": [{"id": 0, "start": 0, "end": 8, "label": "PROVINCE", "norm": {"name": "Đồng Nai"}},
                        {"id": 1, "start": 17, "end": 34, "label": "FACILITY"},
                        {"id": 2, "start": 47, "end": 51, "label": "DATE"}],
           "relations": [{"head": 1, "tail": 2, "label": "DATE_OF", "score": 0.5}]}
    assert [text[e["start"]:e["end"]] for e in doc["entities"]] == ["Dong Nai", "Nhon Trach 6 park", "2025"]
    rel, prov = facts_rows(doc)
    assert (rel["relation"], rel["facility"], rel["date"], rel["province"], rel["value"]) == (
        "DATE_OF", "Nhon Trach 6 park", "2025", "", "")
    assert (prov["province"], prov["facility"], prov["value"], prov["head"]) == ("Đồng Nai", "", "", "Dong Nai")
    lone = facts_rows({**doc, "relations": []})
    assert [(r["province"], r["facility"], r["date"]) for r in lone] == [
        ("Đồng Nai", "", ""), ("", "Nhon Trach 6 park", ""), ("", "", "2025")]
    no_norm = facts_rows({**doc, "entities": [{"id": 0, "start": 0, "end": 8, "label": "PROVINCE"}], "relations": []})
    assert no_norm[0]["province"] == "Dong Nai"  # the surface when the normalizer gave no name


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_document_is_named_and_the_others_are_kept(tmp_path, n_process):
    from spacy.language import Language

    from ie.components.rules import rules_pipeline
    from ie.extract import run_extract

    if "boom_on_marker" not in Language.factories:
        @Language.component("boom_on_marker")
        def boom(doc):
            if "BOOM" in doc.text:
                raise ValueError("marker found")
            return doc

    nlp = rules_pipeline()
    nlp.add_pipe("boom_on_marker")
    texts = ["Bac Ninh has 16 industrial parks.", "BOOM Hai Phong", "Long An has 35 industrial parks.",
             "Dong Nai plans 12 clusters.", "BOOM again", "Hai Phong drew US$3 billion in 2024."]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    st = run_extract([str(src)], tmp_path / "o.jsonl", "rules", batch_size=2, n_process=n_process, progress=False,
                     nlp=nlp)
    out = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in out] == [f"d{i}" for i in range(6)]
    assert [("error" in d) for d in out] == [False, True, False, False, True, False]
    assert out[1]["error"] == f"{src}:2(d1): extraction failed (ValueError: marker found)"
    assert (st["ok"], st["errors"]) == (4, 2)
    assert out[2]["entities"] and out[3]["entities"]  # the batch partner of d1 is extracted, not dropped
    assert nlp("Long An has 35 industrial parks.").ents  # the pipeline is handed back as it was given
    with pytest.raises(ValueError, match="marker found"):
        nlp("BOOM")


def test_resume_counts_the_old_error_lines_it_keeps(tmp_path):
    from ie.extract import run_extract

    a, b, c = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    a.write_text("Bac Ninh has 16 industrial parks.", encoding="utf-8")
    b.write_text("   ", encoding="utf-8")  # an error line
    c.write_text("Long An has 35 industrial parks.", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert run_extract([str(a), str(b)], out, "rules", progress=False)["errors"] == 1
    st = run_extract([str(c), str(a)], out, "rules", resume=True, progress=False)  # b is no longer an input
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [str(c), str(a), str(b)]  # input order, then the kept old line
    assert st["errors"] == 1 and st["ok"] == 1 and st["skipped"] == 1


def test_one_line_error_messages_are_cut_at_300_characters():
    from ie.extract.run import _one_line

    assert _one_line(ValueError("x" * 400)) == "ValueError: " + "x" * 287 + "…"
    assert len(_one_line(ValueError("x" * 400))) == 300
    assert _one_line(ValueError("a\n  b")) == "ValueError: a b"
    assert _one_line(KeyboardInterrupt()) == "KeyboardInterrupt"
