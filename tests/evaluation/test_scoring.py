import json

import pytest

from ie.cli import main
from ie.docs import CorpusError, Document, Entity, Relation, read_jsonl, write_jsonl
from ie.evaluation.scoring import score, seqeval_report


def ent(doc_text, surface, label, eid, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(surface, start + 1)
    return Entity(eid, start, start + len(surface), label)


TEXT = "Bac Ninh and Hai Phong plan Que Vo IP, covering 500 ha by 2030."


def gold_doc():
    ents = [
        ent(TEXT, "Bac Ninh", "PROVINCE", "T1"),
        ent(TEXT, "Hai Phong", "PROVINCE", "T2"),
        ent(TEXT, "Que Vo IP", "FACILITY", "T3"),
        ent(TEXT, "500 ha", "AREA", "T4"),
        ent(TEXT, "2030", "DATE", "T5"),
    ]
    rels = [Relation("T3", "T1", "LOCATED_IN"), Relation("T3", "T4", "HAS_AREA"), Relation("T4", "T5", "DATE_OF")]
    return Document("d1", TEXT, ents, rels)


def pred_doc():
    ents = [
        ent(TEXT, "Bac Ninh", "PROVINCE", "P1"),
        ent(TEXT, "Hai Phong plan", "PROVINCE", "P2"),  # boundary error
        ent(TEXT, "Que Vo IP", "PROVINCE", "P3"),  # label error
        ent(TEXT, "500 ha", "AREA", "P4"),
    ]
    rels = [Relation("P4", "P1", "HAS_AREA")]  # not in gold (head/tail spans differ)
    return Document("d1", TEXT, ents, rels)


def test_hand_computed_strict_and_lenient():
    r = score([gold_doc()], [pred_doc()])
    s = r["entities"]["strict"]
    assert (s["per_label"]["PROVINCE"]["tp"], s["per_label"]["PROVINCE"]["fp"], s["per_label"]["PROVINCE"]["fn"]) == (1, 2, 1)
    assert (s["per_label"]["FACILITY"]["tp"], s["per_label"]["FACILITY"]["fn"]) == (0, 1)
    assert (s["per_label"]["AREA"]["tp"], s["per_label"]["AREA"]["fp"]) == (1, 0)
    assert s["per_label"]["DATE"]["fn"] == 1
    # micro: tp 2, fp 2, fn 3 -> P 0.5, R 0.4, F1 = 2*0.5*0.4/0.9
    assert (s["micro"]["tp"], s["micro"]["fp"], s["micro"]["fn"]) == (2, 2, 3)
    assert s["micro"]["precision"] == pytest.approx(0.5)
    assert s["micro"]["recall"] == pytest.approx(0.4)
    assert s["micro"]["f1"] == pytest.approx(0.4 / 0.9, abs=1e-4)
    # macro over the four labels present: P=(1/3+0+1+0)/4, R=(1/2+0+1+0)/4
    assert s["macro"]["precision"] == pytest.approx((1 / 3 + 1) / 4, abs=1e-4)
    assert s["macro"]["recall"] == pytest.approx(1.5 / 4, abs=1e-4)
    # PROVINCE F1 = 2*(1/3)*(1/2)/(1/3+1/2) = 0.4 ; AREA F1 = 1 ; so macro F1 = 1.4/4
    assert s["macro"]["f1"] == pytest.approx(1.4 / 4, abs=1e-4)
    lenient = r["entities"]["lenient"]
    # "Hai Phong plan" overlaps gold "Hai Phong" with the same label: a lenient hit
    assert (lenient["micro"]["tp"], lenient["micro"]["fp"], lenient["micro"]["fn"]) == (3, 1, 2)
    rel = r["relations"]["strict"]
    assert (rel["micro"]["tp"], rel["micro"]["fp"], rel["micro"]["fn"]) == (0, 1, 3)
    assert rel["per_label"]["LOCATED_IN"]["fn"] == 1
    assert rel["per_label"]["HAS_AREA"]["fp"] == 1 and rel["per_label"]["HAS_AREA"]["fn"] == 1


def test_seqeval_agrees_with_char_spans_on_adjacent_same_label_entities():
    # Adjacent entities of one label: an IO encoding would merge them; IOB2 strict must not.
    text = "Parks Dong Mai Song Khoai Cai Lan grow."
    g = Document("a", text, [ent(text, "Dong Mai", "FACILITY", "T1"), ent(text, "Song Khoai", "FACILITY", "T2"),
                             ent(text, "Cai Lan", "FACILITY", "T3")])
    p = Document("a", text, [ent(text, "Dong Mai Song Khoai", "FACILITY", "P1"), ent(text, "Cai Lan", "FACILITY", "P2")])
    r = score([g], [p])
    char = r["entities"]["strict"]["per_label"]["FACILITY"]
    seq = r["entities"]["seqeval_strict"]["per_label"]["FACILITY"]
    assert (char["tp"], char["fp"], char["fn"]) == (1, 1, 2)
    assert (seq["tp"], seq["fp"], seq["fn"]) == (1, 1, 2)
    assert r["entities"]["seqeval_agrees_with_char_spans"] is True
    # and seqeval's own report gives the same precision/recall
    rep = seqeval_report([(g, p)])
    assert rep["FACILITY"]["precision"] == pytest.approx(0.5)
    assert rep["FACILITY"]["recall"] == pytest.approx(1 / 3)


def test_gold_against_itself_is_perfect_and_empty_prediction_has_zero_recall():
    g = gold_doc()
    r = score([g], [g])
    for view in ("strict", "seqeval_strict", "lenient"):
        assert r["entities"][view]["micro"]["f1"] == 1.0
    assert r["relations"]["strict"]["micro"]["f1"] == 1.0
    empty = Document(g.id, g.text)
    r = score([g], [empty])
    assert r["entities"]["strict"]["micro"]["recall"] == 0.0
    assert r["entities"]["strict"]["micro"]["fn"] == len(g.entities)
    assert r["relations"]["strict"]["micro"]["fn"] == len(g.relations)
    assert len(r["errors"]["entities"]["fn"]) == len(g.entities)


def test_changed_text_or_missing_document_is_an_error():
    g = gold_doc()
    with pytest.raises(CorpusError, match="differs"):
        score([g], [Document(g.id, g.text.replace("Ninh", "Nihn"))])
    with pytest.raises(CorpusError, match="no prediction"):
        score([g], [])


def test_evaluate_cli_writes_json_and_markdown(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    write_jsonl([gold_doc()], gold)
    write_jsonl([pred_doc()], pred)
    rc = main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--json", str(tmp_path / "m.json"),
               "--markdown", str(tmp_path / "m.md")])
    assert rc == 0
    m = json.loads((tmp_path / "m.json").read_text())
    assert m["entities"]["strict"]["micro"]["tp"] == 2
    assert "| PROVINCE | 0.333 | 0.500 | 0.400 | 1 | 2 | 1 |" in (tmp_path / "m.md").read_text()
    # round trip of the files through the reader
    assert list(read_jsonl(pred))[0].entities[1].label == "PROVINCE"
