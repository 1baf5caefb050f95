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


def _hf_tokenizer():
    from transformers import AutoTokenizer

    from ie.model.encoder import default_encoder_path

    return AutoTokenizer.from_pretrained(default_encoder_path(), local_files_only=True)


def test_a_tab_is_read_as_a_cell_separator_word_on_the_tab_character():
    from ie.components.windows import CELL_SEPARATOR

    text = "1\tDinh An Economic Zone\tTra Vinh\t39,020 ha\n2 Long Duc  Industrial Zone"
    dw = doc_words("d", text, _hf_tokenizer())
    seps = [i for i, w in enumerate(dw.texts) if w == CELL_SEPARATOR]
    assert [text[dw.starts[i]:dw.ends[i]] for i in seps] == ["\t"] * 3
    assert dw.texts[:8] == ["1", "|", "Dinh", "An", "Economic", "Zone", "|", "Tra"]
    sep_id = _hf_tokenizer().convert_tokens_to_ids("|")
    assert all(dw.sub_ids[i] == [sep_id] for i in seps)
    # spaces (even two of them) stay invisible; the row stays one sentence
    assert "Long" in dw.texts and dw.texts.count("|") == 3
    assert len({dw.sent[i] for i in range(seps[-1] + 2)}) == 1


def test_a_predicted_span_never_crosses_a_tab():
    from ie.components.planning_ie import _one_cell

    text = "1\tDinh An Economic Zone\tTra Vinh"
    dw = doc_words("d", text, _hf_tokenizer())
    span = lambda s, e: text[dw.starts[s]:dw.ends[e]]  # noqa: E731
    assert span(*_one_cell(dw, 0, len(dw.texts) - 1)) == "Dinh An Economic Zone"
    assert span(*_one_cell(dw, 2, 5)) == "Dinh An Economic Zone"  # inside one cell: unchanged
    assert span(*_one_cell(dw, 2, 8)) == "Dinh An Economic Zone"
    assert span(*_one_cell(dw, 7, 8)) == "Tra Vinh"
    s, e = _one_cell(dw, 1, 1)  # the tab alone: nothing left
    assert s > e
