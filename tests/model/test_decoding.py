"""Decoding: spans cut at sentence boundaries."""


def test_spans_are_cut_at_sentence_boundaries():
    from ie.model.decoding import split_at_sentences

    assert split_at_sentences([(0, 3, 0), (5, 5, 1)], [0, 0, 1, 1, 1, 1]) == [(0, 1, 0), (2, 3, 0), (5, 5, 1)]


def test_same_length_batches_hold_one_length_and_keep_every_window():
    from ie.model.batching import Window
    from ie.model.decoding import window_batches

    lens = [5, 9, 5, 7, 9, 9, 5]
    wins = [Window(**{**_blank(), "input_ids": [0] * n}) for n in lens]
    batches = window_batches(wins, 2, same_length=True)
    assert sorted(i for b in batches for i in b) == list(range(len(lens)))
    assert all(len({lens[i] for i in b}) == 1 and len(b) <= 2 for b in batches)
    assert [lens[b[0]] for b in batches] == [5, 5, 7, 9, 9]  # shortest first
    mixed = window_batches(wins, 4, same_length=False)
    assert [len(b) for b in mixed] == [4, 3]


def _blank() -> dict:
    import dataclasses

    from ie.model.batching import Window

    return {f.name: [] for f in dataclasses.fields(Window)}
