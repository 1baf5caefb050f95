"""Document ids of ``ie extract`` (ie.extract.inputs.UniqueIds): a repeated id is numbered
in input order, every output id is unique, and the same inputs always give the same ids."""

from hypothesis import given
from hypothesis import strategies as st

from ie.extract.inputs import UniqueIds


def ids(seq):
    u = UniqueIds()
    return [u(x) for x in seq]


def test_repeats_are_numbered_by_hand():
    assert ids(["a", "b", "a", "a", "b"]) == ["a", "b", "a#2", "a#3", "b#2"]
    # a real "a#2" that comes first keeps its id; the repeated "a" skips to a#3, the second "a#2" becomes a#2#2
    assert ids(["a#2", "a", "a", "a#2"]) == ["a#2", "a", "a#3", "a#2#2"]


@given(st.lists(st.sampled_from(["a", "b", "a#2", "a#3", "b#2", "a#2#2", "x/y.txt", ""]), max_size=30))
def test_ids_are_unique_stable_and_first_uses_unchanged(seq):
    out = ids(seq)
    assert len(set(out)) == len(out) == len(seq)
    assert out == ids(seq)
    for i, (x, y) in enumerate(zip(seq, out)):
        if x not in seq[:i] and x not in out[:i]:
            assert y == x
        else:
            assert y.startswith(x + "#")
