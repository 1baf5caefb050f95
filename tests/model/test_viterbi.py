"""Viterbi decoding under the BIO constraints and BIO tags -> spans (ie.model.decoding),
with hand-derived expectations and a brute-force check over every valid sequence."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ie.model.decoding import split_at_sentences, tags_to_spans, viterbi
from ie.schema import BIO_TAGS, ENTITY_LABELS

O, BP, IP, BF, IF, BM, IM, BA, IA, BD, ID = range(11)  # noqa: E741  (tag names)
PROVINCE, FACILITY, MONEY, AREA, DATE = range(5)


def emissions(rows):
    """rows: one {tag: log-prob} per word; every other tag gets -10."""
    out = np.full((len(rows), len(BIO_TAGS)), -10.0)
    for i, row in enumerate(rows):
        for t, v in row.items():
            out[i, t] = v
    return out


def valid(seq) -> bool:
    """The BIO rule written independently of ie.model.crf: I-X only right after B-X or I-X."""
    prev = "O"
    for t in seq:
        tag = BIO_TAGS[t]
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            return False
        prev = tag
    return True


def test_a_sequence_cannot_start_inside_an_entity():
    # unconstrained best: I-MONEY I-MONEY O (score -0.3), which would decode to no entity;
    # best valid: B-MONEY I-MONEY O (-1.2) -> MONEY over words 0-1
    lp = emissions([{BM: -1.0, IM: -0.1, O: -2.0}, {IM: -0.1, O: -1.0}, {O: -0.1, IM: -2.0}])
    assert viterbi(lp) == [BM, IM, O]
    assert tags_to_spans(viterbi(lp)) == [(0, 1, MONEY)]


def test_o_is_never_followed_by_i():
    # unconstrained best O I-MONEY O (-0.3) has no entity; best valid: O B-MONEY O (-1.2)
    lp = emissions([{O: -0.1, BM: -3.0}, {IM: -0.1, BM: -1.0, O: -2.0}, {O: -0.1}])
    assert viterbi(lp) == [O, BM, O]
    assert tags_to_spans(viterbi(lp)) == [(1, 1, MONEY)]


def test_b_x_is_never_followed_by_i_y():
    # B-PROVINCE I-MONEY (-0.2) is invalid; B-PROVINCE I-PROVINCE -0.9 beats B-MONEY I-MONEY -1.1
    lp = emissions([{BP: -0.1, BM: -1.0}, {IM: -0.1, IP: -0.8}])
    assert viterbi(lp) == [BP, IP]
    assert tags_to_spans([BP, IP]) == [(0, 1, PROVINCE)]


def test_learned_crf_scores_are_added_and_end_scores_count():
    lp = emissions([{BM: -0.1, O: -0.2}, {O: -0.1, BM: -0.2}])
    assert viterbi(lp) == [BM, O]
    trans = np.zeros((11, 11))
    start = np.zeros(11)
    end = np.zeros(11)
    start[BM] = -2.0  # now O first: O O (-0.3) beats B-MONEY O (-2.2)
    assert viterbi(lp, (trans, start, end)) == [O, O]
    end[BM] = 1.0  # ending on B-MONEY: O B-MONEY -0.4 + 1 = 0.6 beats O O -0.3
    assert viterbi(lp, (trans, start, end)) == [O, BM]
    trans[O, BM] = -5.0  # O B-MONEY -4.4, B-MONEY B-MONEY -1.3, O O -0.3
    assert viterbi(lp, (trans, start, end)) == [O, O]


def test_empty_and_single_word():
    assert viterbi(np.zeros((0, 11))) == []
    assert viterbi(emissions([{ID: 0.0, BD: -0.5}])) == [BD]


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 3), st.just(11)),
              elements=st.floats(-20, 0, allow_nan=False, width=32)))
def test_viterbi_is_the_best_valid_sequence(lp):
    best = viterbi(lp)
    assert valid(best)
    score = sum(lp[i, t] for i, t in enumerate(best))
    top = max(sum(lp[i, t] for i, t in enumerate(seq))
              for seq in itertools.product(range(11), repeat=len(lp)) if valid(seq))
    assert score >= top - 1e-6


def test_tags_to_spans_by_hand():
    tags = [O, BP, IP, BM, BM, IM, O, BA, IA, IA, BF, BD]
    assert tags_to_spans(tags) == [(1, 2, PROVINCE), (3, 3, MONEY), (4, 5, MONEY), (7, 9, AREA), (10, 10, FACILITY),
                                   (11, 11, DATE)]
    assert tags_to_spans([]) == [] and tags_to_spans([O, O]) == []
    assert ENTITY_LABELS[AREA] == "AREA"


@given(st.lists(st.sampled_from(range(11)), max_size=12))
def test_spans_of_any_valid_sequence_rebuild_it(tags):
    if not valid(tags):
        return
    rebuilt = [O] * len(tags)
    for s, e, lab in tags_to_spans(tags):
        assert 0 <= s <= e < len(tags)
        rebuilt[s] = BIO_TAGS.index(f"B-{ENTITY_LABELS[lab]}")
        for i in range(s + 1, e + 1):
            rebuilt[i] = BIO_TAGS.index(f"I-{ENTITY_LABELS[lab]}")
    assert rebuilt == list(tags)


def test_a_span_across_three_sentences_is_cut_twice():
    assert split_at_sentences([(1, 5, DATE)], [0, 0, 1, 1, 2, 2]) == [(1, 1, DATE), (2, 3, DATE), (4, 5, DATE)]
