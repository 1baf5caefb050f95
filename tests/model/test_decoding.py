"""Decoding: spans cut at sentence boundaries."""


def test_spans_are_cut_at_sentence_boundaries():
    from ie.model.decoding import split_at_sentences

    assert split_at_sentences([(0, 3, 0), (5, 5, 1)], [0, 0, 1, 1, 1, 1]) == [(0, 1, 0), (2, 3, 0), (5, 5, 1)]
