
import pytest

from ie.corpus.validate import validate_doc
from ie.docs import read_jsonl


def test_seed_gold_is_valid_and_matches_the_seed_files(root):
    from tests.conftest import SHARED

    docs = list(read_jsonl(root / "corpus/gold/seeds.jsonl"))
    assert len(docs) == 5
    assert sum(len(d.entities) for d in docs) >= 250 and sum(len(d.relations) for d in docs) >= 80
    for d in docs:
        assert validate_doc(d) == []
        if SHARED.exists():
            assert d.text == (SHARED / "seeds" / f"{d.id}.txt").read_text(encoding="utf-8")


def test_training_corpus_shares_no_12_word_sequence_with_the_seeds(root):
    from ie.corpus.coverage import read_seed_texts, seed_overlaps
    from ie.corpus.reader import read_docs
    from tests.conftest import SHARED

    if not (SHARED / "seeds").exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    hits = seed_overlaps(read_seed_texts(SHARED / "seeds"), read_docs([root / "corpus/train"]))
    assert hits == []


def test_training_corpus_meets_the_size_targets(root):
    from ie.corpus.reader import read_docs
    from ie.corpus.stats import corpus_stats

    docs = list(read_docs([root / "corpus/train"]))
    human = [d for d in docs if not d.meta.get("synthetic")]
    st = corpus_stats(human)
    assert st["documents"] >= 200 and st["words"] >= 60000
    assert st["entities"]["total"] >= 6000 and st["relations"]["total"] >= 2000
    assert not any(d.id.startswith("0") and len(d.id) > 18 for d in docs)  # no seed ids
