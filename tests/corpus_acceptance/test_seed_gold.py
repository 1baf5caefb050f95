"""Acceptance checks on the seed gold itself: hand-checked values and self-consistency."""

from ie.docs import Document, read_jsonl
from ie.evaluation.scoring import score
from ie.normalize import normalize


def test_every_seed_money_and_area_span_gets_the_hand_checked_value(root):
    from ie.docs import read_jsonl

    n = 0
    for d in read_jsonl(root / "corpus/gold/seeds.jsonl"):
        for e in d.entities:
            if e.label in ("MONEY", "AREA"):
                assert e.norm, f"{d.id}:{e.id} has no gold norm"
                got = normalize(e.label, d.text[e.start:e.end], d.text[max(0, e.start - 30):e.start])
                assert {k: got.get(k) for k in e.norm} == e.norm, d.text[e.start:e.end]
                n += 1
    assert n == 50


def test_seed_gold_scores_perfectly_against_itself(root):
    docs = list(read_jsonl(root / "corpus/gold/seeds.jsonl"))
    assert len(docs) == 5
    r = score(docs, docs)
    assert r["entities"]["strict"]["micro"]["f1"] == 1.0 or not any(d.entities for d in docs)
    empty = [Document(d.id, d.text) for d in docs]
    r = score(docs, empty)
    assert r["entities"]["strict"]["micro"]["fn"] == sum(len(d.entities) for d in docs)
    assert r["entities"]["strict"]["micro"]["recall"] == 0.0
