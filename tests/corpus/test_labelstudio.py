"""Label Studio interop: tasks with predictions out, an export's annotations back as gold."""

import copy
import json
import xml.etree.ElementTree as ET

import pytest

from ie.cli import main
from ie.corpus.labelstudio import config_path, from_labelstudio, labeling_config, to_labelstudio
from ie.corpus.markup import parse_markup
from ie.docs import CorpusError, read_jsonl, write_jsonl
from ie.schema import ENTITY_LABELS, RELATION_LABELS

GOLD = """### doc: ls-quang-tri
### meta: {"source": "test", "title": "Quang Tri zones"}
QUẢNG TRỊ — [[Quảng Trị|PROVINCE|qt]] approved [[Nam Đông Hà Industrial Park|FACILITY|nd]] on [[312.5 ha|AREA|a]] by [[2027|DATE|d]].

The [[Quán Ngang Industrial Park|FACILITY|qn]] in [[Quảng Trị|PROVINCE|qt2]] needs [[VND1,250 billion|MONEY|m]].
### relations
nd LOCATED_IN qt
nd HAS_AREA a
a DATE_OF d
qn LOCATED_IN qt2
qn HAS_INVESTMENT m
### doc: ls-emoji
📌🏗️ [[Long An|PROVINCE|la]] will add [[1,200 ha|AREA|a]] of industrial land.
### relations
la HAS_AREA a
"""


def gold_docs():
    return parse_markup(GOLD, "gold.md")


def as_annotated_export(tasks):
    """What Label Studio exports after an annotator accepted every prediction: task ids,
    the predictions copied into a completed annotation, an older cancelled one that must be
    ignored, and one more task that was only skipped."""
    out = []
    for i, task in enumerate(tasks):
        t = copy.deepcopy(task)
        t["id"] = 100 + i
        t["annotations"] = [
            {"id": 900 + i, "was_cancelled": True, "result": [], "created_at": "2024-05-02T09:00:00.000Z",
             "updated_at": "2024-05-03T09:00:00.000Z"},
            {"id": 800 + i, "was_cancelled": False, "created_at": "2024-05-01T08:00:00.000Z",
             "updated_at": "2024-05-01T08:10:00.000Z", "result": copy.deepcopy(task["predictions"][0]["result"])},
        ]
        out.append(t)
    out.append({"id": 200, "data": {"text": "Hà Nam skipped this one.", "doc_id": "ls-skipped"},
                "annotations": [{"id": 990, "was_cancelled": True, "result": []}], "predictions": []})
    out.append({"id": 201, "data": {"text": "Nobody opened this task."}, "annotations": []})
    return out


def test_round_trip_gold_tasks_annotations_gold(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    write_jsonl(gold_docs(), gold)
    tasks_path = tmp_path / "tasks.json"
    assert main(["corpus", "convert", str(gold), "--out", str(tasks_path), "--model-version", "pie-test"]) == 0
    out = capsys.readouterr().out
    assert "wrote 2 documents" in out and str(config_path(tasks_path)) in out
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == ["ls-quang-tri", "ls-emoji"]
    pred = tasks[0]["predictions"][0]
    assert pred["model_version"] == "pie-test" and pred["score"] == 1.0
    labels = [r for r in pred["result"] if r["type"] == "labels"]
    rels = [r for r in pred["result"] if r["type"] == "relation"]
    assert len(labels) == 7 and len(rels) == 5
    first = labels[0]
    assert (first["from_name"], first["to_name"]) == ("label", "text")
    assert first["value"]["labels"] == ["PROVINCE"] and first["value"]["text"] == "Quảng Trị"
    assert {"from_id", "to_id", "direction", "labels"} <= set(rels[0]) and rels[0]["direction"] == "right"
    assert config_path(tasks_path).read_text(encoding="utf-8") == labeling_config()

    export = tmp_path / "export.json"
    export.write_text(json.dumps(as_annotated_export(tasks), ensure_ascii=False), encoding="utf-8")
    back = tmp_path / "corrected.jsonl"
    assert main(["corpus", "convert", str(export), "--out", str(back)]) == 0
    captured = capsys.readouterr()
    assert "skipped 2 Label Studio tasks without a completed annotation" in captured.err
    assert "wrote 2 documents" in captured.out
    assert [d.to_json() for d in read_jsonl(back)] == [d.to_json() for d in gold_docs()]


def test_emoji_offsets_are_utf16_in_label_studio_and_python_in_gold():
    doc = gold_docs()[1]
    task = to_labelstudio(doc, "v")
    region = task["predictions"][0]["result"][0]
    ent = doc.entities[0]
    # 📌 and 🏗 are outside the BMP: two UTF-16 units each
    assert region["value"]["start"] == ent.start + 2 and region["value"]["end"] == ent.end + 2
    assert region["value"]["text"] == "Long An"
    assert len(doc.text[: ent.start].encode("utf-16-le")) // 2 == region["value"]["start"]
    t = dict(task, id=1, annotations=[{"id": 1, "result": task["predictions"][0]["result"]}])
    [back] = from_labelstudio([t])
    assert [(e.start, e.end, e.label) for e in back.entities] == [(e.start, e.end, e.label) for e in doc.entities]


def annotated(result, text="Ninh Bình approved Gia Sinh Industrial Park in 2024.", task_id=42, **ann):
    return [{"id": task_id, "data": {"text": text, "doc_id": "nb"}, "annotations": [dict({"id": 7, "result": result}, **ann)]}]


def region(rid, start, end, label, text="Ninh Bình approved Gia Sinh Industrial Park in 2024."):
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def test_latest_annotation_wins_and_annotator_regions_get_t_ids():
    old = [region("T1", 0, 9, "PROVINCE")]
    new = [region("xK3_a9Qp", 19, 43, "FACILITY"), region("T1", 0, 9, "PROVINCE"),
           {"from_id": "T1", "to_id": "xK3_a9Qp", "type": "relation", "direction": "left", "labels": ["LOCATED_IN"]}]
    tasks = [{"id": 5, "data": {"text": "Ninh Bình approved Gia Sinh Industrial Park in 2024."}, "annotations": [
        {"id": 2, "result": new, "created_at": "2024-06-01T10:00:00Z", "updated_at": "2024-06-02T10:00:00Z"},
        {"id": 1, "result": old, "created_at": "2024-06-01T11:00:00Z"},
        {"id": 3, "result": [], "was_cancelled": True, "updated_at": "2024-07-01T00:00:00Z"},
    ]}]
    [doc] = from_labelstudio(tasks)
    assert doc.id == "ls-task-5"
    assert [(e.id, doc.span_text(e), e.label) for e in doc.entities] == [
        ("T2", "Gia Sinh Industrial Park", "FACILITY"), ("T1", "Ninh Bình", "PROVINCE")]
    # direction "left": the arrow points from to_id to from_id
    assert [(r.head, r.tail, r.label) for r in doc.relations] == [("T2", "T1", "LOCATED_IN")]


@pytest.mark.parametrize("result,message", [
    ([region("a", 0, 7, "PROVINCE")], r"task 42 \(#1\) annotation 7\(nb\):a: span 'Ninh Bì' is not aligned"),
    ([region("a", 0, 9, "PROVINCE"), region("b", 47, 51, "DATE"),
      {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": []}],
     r"task 42 \(#1\) annotation 7 result #3: relation a->b needs exactly one label"),
    ([region("a", 0, 9, "PROVINCE"), region("b", 47, 51, "DATE"),
      {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": ["DATE_OF"]}],
     r"annotation 7\(nb\):a-DATE_OF->b: DATE_OF does not allow PROVINCE -> DATE"),
    ([dict(region("a", 0, 9, "PROVINCE"), value={"start": 0, "end": 9, "text": "Hà Nội", "labels": ["PROVINCE"]})],
     r"result #1: region text 'Hà Nội' differs from the task text there \('Ninh Bình'\)"),
    ([{"id": "c", "type": "choices", "from_name": "ok", "to_name": "text", "value": {"choices": ["yes"]}}],
     r"result #1: result of type 'choices'"),
])
def test_export_problems_name_task_annotation_and_position(result, message):
    with pytest.raises(CorpusError, match=message):
        from_labelstudio(annotated(result), "export.json")


def test_invalid_export_fails_the_cli_with_the_reasons(tmp_path, capsys):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(annotated([region("a", 0, 7, "PROVINCE")])), encoding="utf-8")
    assert main(["corpus", "convert", str(export), "--out", str(tmp_path / "x.jsonl")]) == 1
    assert "task 42 (#1)" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()


def test_labeling_config_names_our_labels_and_relations():
    root = ET.fromstring(labeling_config())
    labels = root.find("Labels")
    text = root.find("Text")
    assert labels.get("toName") == text.get("name") and text.get("value") == "$text"
    assert tuple(x.get("value") for x in labels.findall("Label")) == ENTITY_LABELS
    assert [x.get("hotkey") for x in labels.findall("Label")] == ["1", "2", "3", "4", "5"]
    assert tuple(x.get("value") for x in root.find("Relations").findall("Relation")) == RELATION_LABELS


RESULTS = [
    {"id": "r1", "text": "Bắc Giang adds Việt Hàn Industrial Park.",
     "entities": [{"id": "T1", "start": 0, "end": 9, "label": "PROVINCE", "norm": {"name": "Bắc Giang"}},
                  {"id": "T2", "start": 15, "end": 39, "label": "FACILITY", "norm": None}],
     "relations": [{"head": "T2", "tail": "T1", "label": "LOCATED_IN", "score": 0.81}]},
    {"id": "r2", "error": "r2: empty text"},
    {"id": "r3", "text": "No entities here.", "entities": [], "relations": []},
]


@pytest.mark.parametrize("to,out", [("labelstudio", "tasks.json"), ("prodigy", "p.jsonl"), ("jsonl", "s.jsonl"),
                                    ("docbin", "d.spacy")])
def test_results_with_error_lines_convert_with_a_count(tmp_path, capsys, to, out):
    res = tmp_path / "results.jsonl"
    res.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RESULTS), encoding="utf-8")
    assert main(["corpus", "convert", str(res), "--out", str(tmp_path / out), "--to", to]) == 0
    captured = capsys.readouterr()
    assert "skipped 1 error lines of the extractor" in captured.err
    assert "wrote 2 documents" in captured.out
    if to == "labelstudio":
        tasks = json.loads((tmp_path / out).read_text(encoding="utf-8"))
        assert [t["data"]["doc_id"] for t in tasks] == ["r1", "r3"]
        pred = tasks[0]["predictions"][0]
        assert pred["score"] == 0.81 and pred["model_version"].startswith("planning-ie ")
        assert pred["result"][0]["meta"] == {"text": ['{"name": "Bắc Giang"}']}
        assert pred["result"][2]["score"] == 0.81


def test_reading_a_results_file_as_a_corpus_names_the_error_line(tmp_path):
    res = tmp_path / "results.jsonl"
    res.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RESULTS), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"results\.jsonl:2\(r2\): an extractor error line, not a document: r2: empty text"):
        list(read_jsonl(res))
