"""Bootstrap intervals and paired-bootstrap p-values (ie.evaluation.bootstrap), by hand-made counts."""

from ie.evaluation.bootstrap import bootstrap_ci, micro_f1, paired_bootstrap
from ie.evaluation.scoring import compare_paired, score
from ie.docs import Document, Entity


def test_micro_f1_pools_counts_over_documents():
    counts = [(3, 1, 0), (1, 0, 3)]
    assert micro_f1(counts) == 2 * 4 / (2 * 4 + 1 + 3)
    assert micro_f1(counts, [0, 0]) == 2 * 6 / (2 * 6 + 2)


def test_interval_contains_the_estimate_and_narrows_with_more_documents():
    few = [(8, 2, 1), (5, 4, 3), (9, 0, 1), (2, 3, 4)]
    many = few * 25
    a, b = bootstrap_ci(few), bootstrap_ci(many)
    assert a["low"] <= a["f1"] <= a["high"] and b["low"] <= b["f1"] <= b["high"]
    assert a["f1"] == b["f1"]
    assert (b["high"] - b["low"]) < (a["high"] - a["low"]) / 3
    assert bootstrap_ci(few) == a  # seeded: the same interval every run


def test_a_perfect_system_has_a_degenerate_interval():
    ci = bootstrap_ci([(4, 0, 0), (7, 0, 0)])
    assert ci["f1"] == ci["low"] == ci["high"] == 1.0


def test_paired_bootstrap_tells_a_real_difference_from_none():
    base = [(8, 2, 2)] * 30
    same = paired_bootstrap(base, base)
    assert same["delta"] == 0 and same["p_value"] == 1.0
    better = [(10, 0, 0)] * 30
    res = paired_bootstrap(better, base)
    assert res["delta"] > 0.15 and res["p_value"] < 0.01
    # a difference carried by one document out of thirty is not significant
    mixed = [(10, 0, 0)] + [(8, 2, 2)] * 29
    assert paired_bootstrap(mixed, base)["p_value"] > 0.05


def _doc(ents):
    return Document("d", "Bac Ninh and Ha Nam grew.", [Entity(f"T{i}", s, e, lab) for i, (s, e, lab) in enumerate(ents)])


def test_score_carries_per_document_counts_intervals_and_paired_comparison():
    gold = [_doc([(0, 8, "PROVINCE"), (13, 19, "PROVINCE")])]
    half = [_doc([(0, 8, "PROVINCE")])]
    r_gold, r_half = score(gold, gold, with_errors=False), score(gold, half, with_errors=False)
    assert r_half["per_document"]["entities"] == [(1, 0, 1)]
    assert r_half["entities"]["strict"]["micro_ci"]["f1"] == round(2 / 3, 4)
    cmp = compare_paired(r_half, r_gold)
    assert cmp["entities"]["delta"] < 0
