"""The out-of-distribution check set (corpus/ood): built from its sources, never trained
on, and mostly made of facility surfaces the training corpus does not have (issue 10)."""

from ie.corpus.reader import read_docs
from ie.corpus.stats import unseen_share
from ie.corpus.validate import validate_docs


def test_ood_set_is_built_valid_and_apart_from_training(root):
    built = list(read_docs([root / "corpus/ood/ood.jsonl"]))
    sources = list(read_docs([root / "corpus/ood/src"]))
    assert [d.to_json() for d in built] == [d.to_json() for d in sources]  # ood.jsonl is current
    assert len(built) >= 40 and validate_docs(built) == []
    train = list(read_docs([root / "corpus/train"]))
    assert not {d.id for d in built} & {d.id for d in train}
    train_texts = {d.text for d in train}
    assert not any(d.text in train_texts for d in built)
    share = unseen_share(built, [d for d in train])
    assert share["share"] >= 0.5, share
    assert len({d.meta.get("outlet") for d in built}) >= 4
