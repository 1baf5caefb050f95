import shutil

from ie import lexicon
from ie.components.windows import cache_key, input_files
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
