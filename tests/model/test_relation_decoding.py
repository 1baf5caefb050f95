"""Relation decoding in ie.model.decoding.predict_windows: head and tail in schema order,
the threshold applied as ``probability >= rel_threshold``, default 0.5 — through the real
network head (schema mask, softmax) with a stub encoder (tests/model/stub_network.py)."""

import pytest

from ie.model.batching import Window
from ie.model.decoding import predict_windows
from ie.schema import ENTITY_LABELS, RELATION_LABELS, relation_allowed
from tests.model.stub_network import prob, stub_model

O, BP, IP, BF, IF, BM, IM, BA, IA, BD, ID = range(11)  # noqa: E741  (tag names)

# one sentence, words 0..8: "Que Vo IP in Bac Ninh , 500 ha ... 2030" written as tag ids
#   0 Que(B-FAC) 1 Vo(I-FAC) 2 in(O) 3 Bac(B-PROV) 4 Ninh(I-PROV) 5 drew(O) 6 5(B-MONEY) 7 bn(I-MONEY) 8 2030(B-DATE)
TAGS = [BF, IF, O, BP, IP, O, BM, IM, BD]
TAG_OF = {1000 + t: t for t in range(11)}  # the stub encoder reads word i's tag from its subword id 1000 + tag


def window(tags=TAGS, sent=None, owned=None) -> Window:
    n = len(tags)
    return Window(doc_id="d", offset=0, own_start=0, own_end=n, input_ids=[101] + [1000 + t for t in tags] + [102],
                  sub_case=[0] * (n + 2), word_first=list(range(1, n + 1)), word_last=list(range(1, n + 1)),
                  case=[1] * n, lex=[1] * n, gaz=[1] * n, rule=[], owned=owned or [1] * n, sent=sent or [0] * n)


def named(res):
    ents = res["ents"]
    lab = {i: ENTITY_LABELS[e[2]] for i, e in enumerate(ents)}
    return ents, {(lab[h], (ents[h][0], ents[h][1]), RELATION_LABELS[r], lab[t], (ents[t][0], ents[t][1])): round(p, 4)
                  for h, t, r, p in res["rels"]}


def test_entities_and_every_relation_by_hand():
    (res,) = predict_windows(stub_model(TAG_OF), [window()])
    ents, rels = named(res)
    assert ents == [(0, 1, 1), (3, 4, 0), (6, 7, 2), (8, 8, 4)]
    # FACILITY->PROVINCE allows LOCATED_IN only; FACILITY/PROVINCE->MONEY: HAS_INVESTMENT (bias 3) over HAS_VALUE (2);
    # MONEY/FACILITY->DATE: DATE_OF only. No pair of other labels (or other direction) is a candidate.
    assert rels == {
        ("FACILITY", (0, 1), "LOCATED_IN", "PROVINCE", (3, 4)): round(prob("LOCATED_IN"), 4),
        ("FACILITY", (0, 1), "HAS_INVESTMENT", "MONEY", (6, 7)): round(prob("HAS_INVESTMENT", "HAS_VALUE"), 4),
        ("PROVINCE", (3, 4), "HAS_INVESTMENT", "MONEY", (6, 7)): round(prob("HAS_INVESTMENT", "HAS_VALUE"), 4),
        ("FACILITY", (0, 1), "DATE_OF", "DATE", (8, 8)): round(prob("DATE_OF"), 4),
        ("MONEY", (6, 7), "DATE_OF", "DATE", (8, 8)): round(prob("DATE_OF"), 4),
    }


def test_every_predicted_relation_is_allowed_by_the_schema():
    tags = [BA, IA, O, BF, O, BP, O, BM, O, BD, ID, O, BF, IF, O, BA]
    (res,) = predict_windows(stub_model(TAG_OF), [window(tags)], rel_threshold=0.0)
    ents = res["ents"]
    assert len(res["rels"]) >= 10
    for h, t, r, p in res["rels"]:
        assert relation_allowed(RELATION_LABELS[r], ENTITY_LABELS[ents[h][2]], ENTITY_LABELS[ents[t][2]])
        assert 0.0 < p <= 1.0


def test_threshold_above_one_gives_no_relation_and_entities_stay():
    (res,) = predict_windows(stub_model(TAG_OF), [window()], rel_threshold=1.01)
    assert res["rels"] == [] and len(res["ents"]) == 4


def test_default_threshold_is_one_half_and_inclusive():
    p_inv = prob("HAS_INVESTMENT", "HAS_VALUE")  # 0.705: kept at 0.5, dropped at 0.95
    assert 0.5 < p_inv < 0.95
    (res,) = predict_windows(stub_model(TAG_OF), [window()])
    assert sum(RELATION_LABELS[r] == "HAS_INVESTMENT" for *_, r, _ in res["rels"]) == 2
    (strict,) = predict_windows(stub_model(TAG_OF), [window()], rel_threshold=0.95)
    assert {RELATION_LABELS[r] for *_, r, _ in strict["rels"]} == {"LOCATED_IN", "DATE_OF"}
    # a probability equal to the threshold passes
    exact = [p for *_, r, p in res["rels"] if RELATION_LABELS[r] == "LOCATED_IN"][0]
    (same,) = predict_windows(stub_model(TAG_OF), [window()], rel_threshold=exact)
    assert any(RELATION_LABELS[r] == "LOCATED_IN" for *_, r, _ in same["rels"])


def test_no_relation_across_sentences_and_only_owned_words_are_tagged():
    (res,) = predict_windows(stub_model(TAG_OF), [window(sent=[0, 0, 0, 0, 0, 1, 1, 1, 1])])
    _, rels = named(res)
    assert set(rels) == {("FACILITY", (0, 1), "LOCATED_IN", "PROVINCE", (3, 4)), ("MONEY", (6, 7), "DATE_OF", "DATE", (8, 8))}
    (res,) = predict_windows(stub_model(TAG_OF), [window(owned=[0, 0, 0, 1, 1, 1, 1, 1, 0])])
    assert res["ents"] == [(3, 4, 0), (6, 7, 2)]


@pytest.mark.parametrize("batch_size", [1, 3])
def test_windows_keep_their_order_whatever_the_batching(batch_size):
    wins = [window(), window(TAGS[:5]), window([O, BD])]
    res = predict_windows(stub_model(TAG_OF), wins, batch_size=batch_size)
    assert [r["ents"] for r in res] == [[(0, 1, 1), (3, 4, 0), (6, 7, 2), (8, 8, 4)], [(0, 1, 1), (3, 4, 0)], [(1, 1, 4)]]
