

from ie.docs import Document


def test_seed_overlap_check_flags_copied_text_but_not_stock_phrases():
    from ie.corpus.coverage import seed_overlaps

    seeds = {"s": "the northern province eyes turning itself into an industrial locality following a modern orientation"}
    copied = Document("c", "Today the northern province eyes turning itself into an industrial locality following a plan.")
    stock = Document("k", "The Bac Ninh Provincial Planning for the period 2021-2030 with a vision to 2050 approved by the PM.")
    seeds["t"] = "under the Provincial Planning for the period 2021-2030 with a vision to 2050 approved by the Prime Minister"
    hits = seed_overlaps(seeds, [copied, stock])
    assert {h[0] for h in hits} == {"c"}
