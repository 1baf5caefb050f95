import json
import sqlite3
import subprocess
import sys

import pytest

from ie.facts import FactsInputError, FactsStore
from ie.facts.store import export_sqlite
from tests.facts.docs import all_docs, hue_a, record, vsip_a


@pytest.fixture
def db(tmp_path):
    store = FactsStore(tmp_path / "facts.duckdb")
    for d in all_docs():
        store.add(d, source="tests", model_version="hand")
    yield store
    store.close()


def dump(con) -> dict:
    tables = ["documents", "mentions", "relations", "facts", "aliases", "errors", "facility_links", "facilities"]
    return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}


def test_one_park_under_three_surfaces_is_one_record(db):
    con = db.ready()
    rows = con.execute("SELECT facility_id, province, province_2025, surfaces FROM facilities "
                       "WHERE surfaces LIKE '%VSIP%'").fetchall()
    assert len(rows) == 1
    fid, prov, post, surfaces = rows[0]
    assert set(surfaces.split(" | ")) == {"VSIP", "VSIP Bac Ninh", "VSIP Bac Ninh Industrial Park"}
    assert (prov, post) == ("Bac Ninh", "Bac Ninh")
    linked = con.execute("SELECT count(*), count(DISTINCT m.doc_id) FROM mentions m JOIN facility_links l "
                         "USING (fac_core, fac_type) WHERE l.facility_id = ?", [fid]).fetchone()
    assert linked == (4, 2)  # three surfaces in one article, the full name again in the other


def test_acronym_and_short_forms_join_the_full_name(db):
    con = db.ready()
    rows = con.execute("SELECT facility_id, surfaces FROM facilities WHERE surfaces LIKE '%Phu Bai%'").fetchall()
    assert len(rows) == 1
    assert set(rows[0][1].split(" | ")) == {"Phu Bai Industrial Park", "PBIP", "Phu Bai IP", "Phu Bai"}
    how = dict(con.execute("SELECT surface, link_how FROM mentions WHERE doc_id = 'hue-a' AND label = 'FACILITY'"
                           ).fetchall())
    assert how["PBIP"] == "acronym"


def test_province_under_pre_and_post_merger_names_is_one_record(db):
    con = db.ready()
    rows = con.execute("SELECT province, province_2025, surfaces FROM provinces ORDER BY province").fetchall()
    assert [r[0] for r in rows] == ["Bac Ninh", "Thua Thien Hue"]
    assert rows[1][1] == "Hue"
    assert set(rows[1][2].split(" | ")) == {"HUẾ", "Thua Thien Hue", "Hue"}


def test_counted_groups_stay_groups(db):
    con = db.ready()
    assert con.execute("SELECT count(*) FROM facilities WHERE surfaces LIKE '%industrial parks%' "
                       "OR surfaces LIKE '%clusters%'").fetchone()[0] == 0
    groups = con.execute("SELECT subject, attribute, value_num, date_start FROM fact_view "
                         "WHERE subject_kind = 'group' ORDER BY subject, attribute").fetchall()
    assert ("16 industrial parks", "area", 6847.0, 2025) in groups
    assert all(g[0] in ("16 industrial parks", "9 industrial clusters") for g in groups)


def test_every_fact_is_traceable_to_its_sentence(db):
    con = db.ready()
    texts = {d["id"]: d["text"] for d in all_docs()}
    facts = con.execute("SELECT doc_id, sentence, sent_start, sent_end, value_text, value_start, value_end, "
                        "subject_start, subject_end, inferred FROM facts").fetchall()
    assert len(facts) >= 10
    for doc, sent, s0, s1, value, v0, v1, h0, h1, inferred in facts:
        text = texts[doc]
        assert text[s0:s1] == sent and sent.strip() == sent
        assert s0 <= h0 < h1 <= s1  # the subject lies in the sentence
        if not inferred:
            assert s0 <= v0 < v1 <= s1
        if value and not inferred and value not in ("Bac Ninh", "Thua Thien Hue"):
            assert text[v0:v1] == value


def test_inferred_province_is_marked_and_kept_apart(db):
    con = db.ready()
    rows = con.execute("SELECT m.surface, f.evidence, f.value_text FROM facts f JOIN mentions m "
                       "ON m.doc_id = f.doc_id AND m.ent_id = f.subject_ent "
                       "WHERE f.attribute = 'located_in' AND f.inferred ORDER BY f.doc_id, m.start_char").fetchall()
    assert ("Phu Bai Industrial Park", "dateline: HUẾ —", "Thua Thien Hue") in rows
    assert any(r[1].startswith("headline: Hue reports") for r in rows)
    # the relations table holds only what the extractor said
    assert con.execute("SELECT count(*) FROM relations").fetchone()[0] == sum(len(d["relations"]) for d in all_docs())
    assert con.execute("SELECT province_method FROM documents WHERE doc_id = 'hue-a'").fetchone()[0] == "dateline"


def test_reingesting_changes_nothing(db, tmp_path):
    before = dump(db.ready())
    assert [db.add(d) for d in all_docs()] == ["unchanged"] * 4
    assert dump(db.ready()) == before
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in all_docs()), encoding="utf-8")
    assert db.ingest_jsonl(path)["unchanged"] == 4
    assert dump(db.ready()) == before


def test_new_content_for_a_document_replaces_it(db):
    doc = hue_a()
    doc["text"] = doc["text"].replace("818 ha", "828 ha")
    for e in doc["entities"]:
        if e["label"] == "AREA":
            e["norm"] = {"hectares": 828}
    assert db.add(doc) == "replaced"
    con = db.ready()
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    areas = con.execute("SELECT value_num FROM facts WHERE doc_id = 'hue-a' AND attribute = 'area'").fetchall()
    assert areas == [(828.0,)]
    assert con.execute("SELECT value_num FROM facts_linked WHERE doc_id = 'hue-a' AND attribute = 'area'"
                       ).fetchall() == [(828.0,)]


def test_order_of_ingestion_does_not_change_the_records(tmp_path):
    def records(order):
        with FactsStore(tmp_path / f"{order[0]['id']}.duckdb") as s:
            for d in order:
                s.add(d)
            return s.ready().execute("SELECT * FROM facilities ORDER BY facility_id").fetchall()

    docs = all_docs()
    assert records(docs) == records(docs[::-1])


def test_works_without_the_facility_lexicon(tmp_path):
    with FactsStore(tmp_path / "nolex.duckdb", use_lexicon=False) as s:
        for d in all_docs():
            s.add(d)
        rows = dict(s.ready().execute("SELECT facility_id, province FROM facilities").fetchall())
    assert rows["industrial_park:vsip-bac-ninh"] == "Bac Ninh"
    assert rows["industrial_park:phu-bai"] == "Thua Thien Hue"  # inferred from the dateline and headline


def test_error_lines_are_skipped_and_counted(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(vsip_a()) + "\n" + json.dumps({"id": "broken", "error": "decode failed"}) + "\n",
                    encoding="utf-8")
    with FactsStore(tmp_path / "f.duckdb") as s:
        c = s.ingest_jsonl(path)
        assert (c["added"], c["error"]) == (1, 1)
        assert s.ready().execute("SELECT doc_id, error FROM errors").fetchall() == [("broken", "decode failed")]
        again = s.ingest_jsonl(path)
        assert (again["unchanged"], again["error"]) == (1, 1)
        assert s.ready().execute("SELECT count(*) FROM errors").fetchone()[0] == 1


@pytest.mark.parametrize("line, reason", [
    ("{not json", "not JSON"),
    (json.dumps({"id": "x", "entities": [], "relations": []}), "missing 'text'"),
    (json.dumps({"id": "x", "text": "Bac Ninh", "entities": [{"id": "T1", "start": 0, "end": 99, "label": "PROVINCE"}],
                 "relations": []}), "outside the text"),
    (json.dumps({"id": "x", "text": "Bac Ninh", "entities": [{"id": "T1", "start": 0, "end": 8, "label": "PROVINCE",
                                                               "norm": "Bac Ninh"}], "relations": []}),
     "'norm' must be an object"),
    (json.dumps({"id": "x", "text": "Bac Ninh", "entities": [], "relations": [{"head": "T1", "tail": "T2",
                                                                                "label": "LOCATED_IN"}]}),
     "does not join"),
])
def test_bad_input_names_file_line_and_document(tmp_path, line, reason):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(vsip_a()) + "\n" + line + "\n", encoding="utf-8")
    with FactsStore(tmp_path / "f.duckdb") as s:
        with pytest.raises(FactsInputError) as exc:
            s.ingest_jsonl(path)
    assert f"{path}:2" in str(exc.value) and reason in str(exc.value)


def test_sqlite_export_has_the_same_rows(db, tmp_path):
    counts = export_sqlite(db, tmp_path / "f.sqlite")
    lite = sqlite3.connect(tmp_path / "f.sqlite")
    for t in ("documents", "mentions", "facts", "facilities", "facts_linked", "provinces"):
        assert lite.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == counts[t] > 0
    assert lite.execute("SELECT count(*) FROM facts_linked WHERE subject = 'VSIP Bac Ninh'").fetchone()[0] >= 2


def test_importing_registers_nothing():
    code = ("import ie.facts, ie.facts.cli, ie.facts.query, ie.facts.linking, ie.facts.store\n"
            "import sys\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_record_from_the_helper_is_valid():
    r = record("x", "Bac Ninh has 5 IPs.", [("PROVINCE", "Bac Ninh"), ("FACILITY", "5 IPs")], [(1, "LOCATED_IN", 0)])
    assert r["entities"][1]["norm"]["count"] == 5


def test_linking_gold_set_parses_and_scores(tmp_path):
    from ie.facts.linkeval import evaluate, parse_gold, report, score
    from tests.conftest import ROOT

    gold_path = ROOT / "eval" / "linking" / "gold.txt"
    docs = parse_gold(gold_path)
    n = sum(len(g) for _, g in docs)
    assert 80 <= n <= 150
    for rec, g in docs:  # marks become offsets into the plain text
        for e in rec["entities"]:
            assert "[[" not in rec["text"][e["start"]:e["end"]]
    res = evaluate(gold_path)
    lex = res["with facility lexicon"]
    assert lex["precision"] >= 0.95 and lex["recall"] >= 0.9
    assert "| with facility lexicon | " in report(res, gold_path)
    # a linker that merges everything has full recall and poor precision
    gold = {(r["id"], e): k for r, gg in docs for e, k in gg.items()}
    lumped = score(gold, {k: "x" for k in gold})
    assert lumped["recall"] == 1.0 and lumped["precision"] < 0.1


def test_sentences_given_by_the_caller_are_used(tmp_path):
    from ie.facts.sources import sentence_bounds

    doc = vsip_a()
    with FactsStore(tmp_path / "a.duckdb") as a, FactsStore(tmp_path / "b.duckdb") as b:
        a.add(doc)
        b.add(doc, sentences=sentence_bounds(doc["text"]))
        assert dump(a.ready())["facts"] == dump(b.ready())["facts"]


def test_read_only_store_answers_queries(db, tmp_path):
    from ie.facts.query import query

    db.close()
    with FactsStore(db.path, read_only=True) as ro:
        assert any(r["subject"] == "VSIP Bac Ninh" for r in query(ro.ready(), "Bac Ninh"))
