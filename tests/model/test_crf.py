"""BIO constraints of the CRF (ie.model.crf), with expectations worked out by hand.

Tags (ie.schema.BIO_TAGS): 0 O, 1 B-PROVINCE, 2 I-PROVINCE, 3 B-FACILITY, 4 I-FACILITY,
5 B-MONEY, 6 I-MONEY, 7 B-AREA, 8 I-AREA, 9 B-DATE, 10 I-DATE.
"""

import math

import numpy as np
import torch

from ie.model.crf import CRF, START_OK, transition_mask
from ie.schema import BIO_TAGS

O, BP, IP, BF, IF, BM, IM, BA, IA, BD, ID = range(11)  # noqa: E741  (tag names)


def test_tag_order_is_the_one_these_tests_assume():
    assert BIO_TAGS == ("O", "B-PROVINCE", "I-PROVINCE", "B-FACILITY", "I-FACILITY", "B-MONEY", "I-MONEY",
                        "B-AREA", "I-AREA", "B-DATE", "I-DATE")


def test_transition_mask_allows_i_x_only_after_b_x_or_i_x():
    m = transition_mask()
    assert m.shape == (11, 11) and m.dtype == bool
    expected = np.ones((11, 11), dtype=bool)
    for b, i in ((BP, IP), (BF, IF), (BM, IM), (BA, IA), (BD, ID)):
        expected[:, i] = False
        expected[b, i] = expected[i, i] = True
    assert (m == expected).all()
    # 5 I- tags, each reachable from 2 of 11 tags: 45 forbidden transitions
    assert (~m).sum() == 45
    assert not m[O, IM] and not m[O, IP]  # O -> I-X
    assert not m[BP, IM] and not m[IP, IM]  # B-X / I-X -> I-Y
    assert m[BM, IM] and m[IM, IM] and m[IM, O] and m[IM, BM] and m[O, BM]


def test_a_sequence_may_start_with_o_or_b_but_never_with_i():
    assert START_OK.tolist() == [True, True, False, True, False, True, False, True, False, True, False]


def test_crf_scores_pin_the_forbidden_moves():
    crf = CRF(11)
    trans, start, end = crf.scores()
    assert trans[O, IM].item() == CRF.NEG and trans[BP, IF].item() == CRF.NEG
    assert trans[BM, IM].item() == 0 and trans[O, BM].item() == 0
    assert start[IP].item() == CRF.NEG and start[BP].item() == 0 and start[O].item() == 0
    assert (end == 0).all()


def test_nll_with_zero_scores_counts_the_valid_sequences():
    """All scores zero: every valid sequence has score 0, so the NLL of any valid gold
    sequence is log(number of valid sequences) / words.
    One word: O or one of 5 B- tags = 6 sequences.
    Two words: 6 first tags x 6 (O or B-Y) second tags, plus B-X I-X for 5 labels = 41."""
    crf = CRF(11)
    one = crf.nll(torch.zeros(1, 1, 11), torch.tensor([[BM]]), torch.ones(1, 1, dtype=torch.bool))
    assert math.isclose(one.item(), math.log(6), rel_tol=1e-5)
    two = crf.nll(torch.zeros(1, 2, 11), torch.tensor([[BM, IM]]), torch.ones(1, 2, dtype=torch.bool))
    assert math.isclose(two.item(), math.log(41) / 2, rel_tol=1e-5)


def test_nll_ignores_padding_after_the_mask():
    crf = CRF(11)
    mask = torch.tensor([[True, False, False]])
    nll = crf.nll(torch.zeros(1, 3, 11), torch.tensor([[O, O, O]]), mask)
    assert math.isclose(nll.item(), math.log(6), rel_tol=1e-5)


def test_nll_equals_brute_force_over_valid_sequences():
    """Random emissions and learned scores, two documents (one padded): the NLL is
    log(sum over valid sequences of exp(score)) - score(gold), summed, per word."""
    import itertools

    torch.manual_seed(0)
    crf = CRF(11)
    with torch.no_grad():
        crf.trans.normal_()
        crf.start.normal_()
        crf.end.normal_()
    em = torch.randn(2, 3, 11)
    tags = torch.tensor([[BM, IM, O], [BP, IP, O]])
    mask = torch.tensor([[True, True, True], [True, True, False]])
    trans, start, end = (x.detach().double() for x in crf.scores())
    allowed, start_ok = transition_mask(), START_OK

    def seq_score(e, seq):
        s = start[seq[0]] + e[0, seq[0]]
        for i in range(1, len(seq)):
            s = s + trans[seq[i - 1], seq[i]] + e[i, seq[i]]
        return s + end[seq[-1]]

    total = 0.0
    for b, n in ((0, 3), (1, 2)):
        e = em[b, :n].double()
        valid = [s for s in itertools.product(range(11), repeat=n)
                 if start_ok[s[0]] and all(allowed[s[i - 1], s[i]] for i in range(1, n))]
        log_z = torch.logsumexp(torch.stack([seq_score(e, s) for s in valid]), 0)
        total += float(log_z - seq_score(e, tags[b, :n].tolist()))
    assert math.isclose(crf.nll(em, tags, mask).item(), total / 5, rel_tol=1e-4)


def test_saved_crf_state_is_the_learned_scores_only():
    """The masks are rebuilt from the schema, never saved: a pipeline saved before a mask
    change loads, and the saved weights hold a full tag-by-tag transition matrix."""
    n = len(BIO_TAGS)
    state = CRF(n).state_dict()
    assert set(state) == {"trans", "start", "end"}
    assert tuple(state["trans"].shape) == (n, n) and tuple(state["start"].shape) == (n,)
