"""Scoring edge cases with hand-derived counts (ie.evaluation.scoring): lenient overlap
(touching spans are not overlaps), one gold per prediction, relation keys, IOB2 tags,
the error lists, per-document counts and the markdown table."""

import pytest

from ie.docs import CorpusError, Document, Entity, Relation
from ie.evaluation.scoring import (PRF, error_lists, format_markdown, iob2_tags, lenient_entity_counts,
                                   pair_documents, per_document_counts, relation_counts, score,
                                   strict_entity_counts)
from ie.text import tokenize

TEXT = "Bac Ninh Hai Phong Long An drew US$5 million."


def doc(*ents, rels=(), text=TEXT, did="d"):
    return Document(did, text, [Entity(f"T{i}", s, e, lab) for i, (s, e, lab) in enumerate(ents)],
                    [Relation(h, t, lab) for h, t, lab in rels])


def counts(table, lab):
    c = table[lab]
    return c.tp, c.fp, c.fn


@pytest.mark.parametrize("pred,hit", [
    ((8, 12, "PROVINCE"), False),  # starts where gold [0, 8) ends: touching, no overlap
    ((7, 12, "PROVINCE"), True),  # one shared character
    ((0, 1, "PROVINCE"), True),
    ((0, 8, "FACILITY"), False),  # overlap with another label
    ((2, 6, "PROVINCE"), True),  # inside
    ((-3, 0, "PROVINCE"), False),  # ends where gold starts
])
def test_lenient_needs_a_shared_character_and_the_label(pred, hit):
    c = lenient_entity_counts([(doc((0, 8, "PROVINCE")), doc(pred))])
    lab = pred[2]
    if hit:
        assert counts(c, "PROVINCE") == (1, 0, 0)
    else:
        assert counts(c, "PROVINCE") == (0, int(lab == "PROVINCE"), 1)
        assert counts(c, lab)[1] == 1


def test_lenient_matches_each_gold_span_once_in_text_order():
    g = doc((0, 8, "PROVINCE"), (9, 18, "PROVINCE"))
    # one prediction over both gold spans: one hit, the second gold is missed
    assert counts(lenient_entity_counts([(g, doc((0, 18, "PROVINCE")))]), "PROVINCE") == (1, 0, 1)
    # two predictions inside the first gold span: one hit, one false positive, second gold missed
    p = doc((0, 3, "PROVINCE"), (4, 8, "PROVINCE"))
    assert counts(lenient_entity_counts([(g, p)]), "PROVINCE") == (1, 1, 1)
    # predictions given out of order are matched in text order
    p = doc((9, 12, "PROVINCE"), (0, 3, "PROVINCE"))
    assert counts(lenient_entity_counts([(g, p)]), "PROVINCE") == (2, 0, 0)


def test_strict_counts_per_label():
    g = doc((0, 8, "PROVINCE"), (9, 18, "PROVINCE"), (32, 44, "MONEY"))
    p = doc((0, 8, "PROVINCE"), (9, 18, "FACILITY"), (32, 43, "MONEY"))
    c = strict_entity_counts([(g, p)])
    assert counts(c, "PROVINCE") == (1, 0, 1) and counts(c, "FACILITY") == (0, 1, 0) and counts(c, "MONEY") == (0, 1, 1)
    assert counts(c, "DATE") == (0, 0, 0)


def test_relation_key_is_both_spans_and_the_label_not_the_ids():
    ents = ((0, 8, "PROVINCE"), (32, 44, "MONEY"))
    g = doc(*ents, rels=[("T0", "T1", "HAS_INVESTMENT")])
    same = Document("d", TEXT, [Entity("X", 0, 8, "PROVINCE"), Entity("Y", 32, 44, "MONEY")],
                    [Relation("X", "Y", "HAS_INVESTMENT")])
    assert counts(relation_counts([(g, same)]), "HAS_INVESTMENT") == (1, 0, 0)
    other = doc(*ents, rels=[("T0", "T1", "HAS_VALUE")])
    c = relation_counts([(g, other)])
    assert counts(c, "HAS_INVESTMENT") == (0, 0, 1) and counts(c, "HAS_VALUE") == (0, 1, 0)
    shifted = doc((0, 8, "PROVINCE"), (32, 43, "MONEY"), rels=[("T0", "T1", "HAS_INVESTMENT")])
    assert counts(relation_counts([(g, shifted)]), "HAS_INVESTMENT") == (0, 1, 1)
    swapped = doc(*ents, rels=[("T1", "T0", "HAS_INVESTMENT")])
    assert counts(relation_counts([(g, swapped)]), "HAS_INVESTMENT") == (0, 1, 1)
    broken = doc(*ents, rels=[("T0", "T9", "HAS_INVESTMENT")])
    with pytest.raises(CorpusError, match="missing entity"):
        relation_counts([(g, broken)])


def test_prf_edges():
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    assert PRF(0, 3, 0).precision == 0.0 and PRF(0, 0, 3).recall == 0.0 and PRF(0, 3, 3).f1 == 0.0
    c = PRF(3, 1, 2)
    assert (c.precision, c.recall) == (0.75, 0.6) and c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert c.to_json() == {"precision": 0.75, "recall": 0.6, "f1": 0.6667, "tp": 3, "fp": 1, "fn": 2, "support": 5}


def test_pairing_refuses_duplicates_and_extras():
    g = doc((0, 8, "PROVINCE"))
    with pytest.raises(CorpusError, match="appears twice"):
        pair_documents([g], [g, g])
    with pytest.raises(CorpusError, match=r"not in the gold \(1 such\)"):
        pair_documents([g], [g, doc(did="other")])
    with pytest.raises(CorpusError, match="differs from the gold text at character 3"):
        pair_documents([g], [doc(text=TEXT[:3] + "X" + TEXT[4:])])
    with pytest.raises(CorpusError, match="at character 10"):
        pair_documents([doc(text="0123456789")], [doc(text="0123456789 more")])
    other = doc(did="e")
    assert [(a.id, b.id) for a, b in pair_documents([g, other], [other, g])] == [("d", "d"), ("e", "e")]


def test_iob2_tags_expand_to_touched_tokens_and_skip_overlaps():
    toks = list(tokenize(TEXT))  # Bac Ninh Hai Phong Long An drew US$ 5 million .
    words = [t.text for t in toks]
    tags = iob2_tags(doc((0, 8, "PROVINCE"), (10, 14, "PROVINCE"), (1, 5, "FACILITY")), toks)
    assert dict(zip(words, tags))["Bac"] == "B-PROVINCE"
    assert tags[:5] == ["B-PROVINCE", "I-PROVINCE", "B-PROVINCE", "I-PROVINCE", "O"]  # "ai Ph" -> Hai Phong


def test_error_lists_name_span_text_and_sentence():
    text = "Bac Ninh grew. Long An drew US$5 million."
    g = doc((0, 8, "PROVINCE"), (15, 22, "PROVINCE"), (28, 40, "MONEY"), rels=[("T1", "T2", "HAS_INVESTMENT")], text=text)
    p = doc((0, 8, "PROVINCE"), (15, 22, "FACILITY"), (28, 40, "MONEY"), text=text)
    errs = error_lists([(g, p)])
    assert errs["entities"]["fp"] == [{"doc": "d", "start": 15, "end": 22, "label": "FACILITY", "text": "Long An",
                                      "sentence": "Long An drew US$5 million."}]
    assert [e["text"] for e in errs["entities"]["fn"]] == ["Long An"]
    assert errs["relations"]["fn"] == [{"doc": "d", "label": "HAS_INVESTMENT", "head": "Long An", "tail": "US$5 million",
                                        "head_span": [15, 22], "tail_span": [28, 40],
                                        "sentence": "Long An drew US$5 million."}]
    assert errs["relations"]["fp"] == []


def test_per_document_counts_and_the_markdown_table():
    g1, p1 = doc((0, 8, "PROVINCE"), did="a"), doc((0, 8, "PROVINCE"), (9, 18, "PROVINCE"), did="a")
    g2, p2 = doc((32, 44, "MONEY"), did="b"), doc(did="b")
    per = per_document_counts([(g1, p1), (g2, p2)])
    assert per == {"entities": [(1, 1, 0), (0, 0, 1)], "relations": [(0, 0, 0), (0, 0, 0)]}
    r = score([g1, g2], [p1, p2], with_errors=False)
    assert "errors" not in r and r["documents"] == 2
    md = format_markdown(r, "T")
    assert md.startswith("# T\n\nDocuments: 2\n")
    assert "| PROVINCE | 0.500 | 1.000 | 0.667 | 1 | 1 | 0 |" in md
    assert "| MONEY | 0.000 | 0.000 | 0.000 | 0 | 0 | 1 |" in md
    assert "| **micro** | 0.500 | 0.500 | 0.500 | 1 | 1 | 1 |" in md
    # macro over the two labels present: P (0.5 + 0) / 2, F1 (0.667 + 0) / 2
    assert "| **macro** | 0.250 | 0.500 | 0.333 | | | |" in md
    assert "seqeval agrees with character spans: True" in md
