"""Documents -> encoder windows: subword alignment, features, the dataset cache key."""

import shutil

import pytest

from ie import lexicon
from ie.components.windows import cache_key, doc_words, input_files, make_windows
from ie.corpus.markup import parse_markup
from ie.model.config import ModelConfig


def test_cache_key_covers_the_modules_and_data_that_shape_input():
    names = {f"{p.parent.name}/{p.name}" for p in input_files()}
    for f in ("ie/text.py", "components/tokenizer.py", "components/rules.py", "ie/gazetteer.py", "components/features.py",
              "components/windows.py", "lexicon/words.json", "lexicon/provinces.tsv", "lexicon/province_variants.tsv"):
        assert f in names, f


def test_changing_a_lexicon_file_changes_the_cache_key(tmp_path, monkeypatch):
    data = tmp_path / "corpus.jsonl"
    data.write_text('{"id": "a", "text": "Bac Ninh.", "entities": [], "relations": []}\n', encoding="utf-8")
    copy = tmp_path / "lexicon"
    shutil.copytree(lexicon.LEXICON_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(lexicon, "LEXICON_DIR", copy)
    cfg = ModelConfig()
    before = cache_key([data], cfg, "enc")
    assert cache_key([data], cfg, "enc") == before
    words = copy / "words.json"
    words.write_text(words.read_text(encoding="utf-8").replace('"hub",', '"hub", "quay",'), encoding="utf-8")
    after = cache_key([data], cfg, "enc")
    assert after != before
    (copy / "facilities" / "new.tsv").write_text("name\ttype\tprovince\taliases\nX Port\tport\tHa Noi\t\n", encoding="utf-8")
    assert cache_key([data], cfg, "enc") not in (before, after)


@pytest.mark.parametrize("word,n_min", [("Bắc", 1), ("VND4,128", 2), ("6,518-ha", 1), ("US$17.5", 2)])
def test_subword_alignment_of_hard_tokens(word, n_min):
    from transformers import AutoTokenizer

    from ie.model.encoder import default_encoder_path

    tok = AutoTokenizer.from_pretrained(default_encoder_path(), local_files_only=True)
    text = f"In {word} yes"
    dw = doc_words("x", text, tok)
    # every spaCy token has at least one subword, and the first/last subword positions are ordered
    assert all(len(s) >= 1 for s in dw.sub_ids)
    wins = make_windows(dw, ModelConfig(), tok.cls_token_id, tok.sep_token_id)
    w = wins[0]
    assert all(a <= b for a, b in zip(w.word_first, w.word_last))
    assert w.word_first == sorted(w.word_first)
    assert sum(len(s) for s in dw.sub_ids) >= len(dw.texts) + n_min - 1


def test_rule_features_reach_the_model():
    from transformers import AutoTokenizer

    from ie.components.windows import prepare
    from ie.model.batching import collate
    from ie.model.encoder import default_encoder_path
    from ie.model.network import build_model
    from ie.schema import RULE_CLASSES

    tok = AutoTokenizer.from_pretrained(default_encoder_path(), local_files_only=True)
    docs = parse_markup("### doc: x\n[[Bac Ninh|PROVINCE]] drew [[9.4 trillion VND|MONEY]] in [[2024|DATE]].\n", "x.md")
    cfg = ModelConfig(rule_features=True)
    ex = prepare(docs, tok, cfg)[0]
    names = [RULE_CLASSES[c] for c in ex.rule]
    assert names[3:6] == ["B-MONEY", "I-MONEY", "I-MONEY"] and names[7] == "B-DATE"
    out = build_model(cfg, default_encoder_path())(collate([ex], True))
    assert out["tag_logits"].shape[:2] == (1, len(ex.word_first))
    assert prepare(docs, tok, ModelConfig())[0].rule == [0] * len(ex.rule)  # off: no rule signal
