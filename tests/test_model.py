"""End-to-end checks of the real model: a few training steps with the real encoder,
saved with nlp.to_disk, read back with spacy.load."""

import json

import pytest
import spacy

from ie.corpus.markup import parse_markup
from ie.docs import write_jsonl
from ie.model.config import ModelConfig
from ie.components.windows import doc_words, make_windows
from ie.components.results import doc_to_document

TRAIN_MD = """### doc: t{i}
[[Bac Ninh|PROVINCE|p]] has [[16 industrial parks|FACILITY|f]] covering [[6,397.68 ha|AREA|a]] by [[2030|DATE|d]].
The [[Que Vo II Industrial Park|FACILITY|q]] in [[Bắc Ninh|PROVINCE|p2]] drew [[VND4,128 billion|MONEY|m]] and [[US$17.5 million|MONEY|u]] in [[2021-25|DATE|d2]].
### relations
f LOCATED_IN p
f HAS_AREA a
a DATE_OF d
q LOCATED_IN p2
q HAS_INVESTMENT m
q HAS_INVESTMENT u
m DATE_OF d2
"""


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from ie.training import train_pipeline

    tmp = tmp_path_factory.mktemp("model")
    docs = [d for i in range(6) for d in parse_markup(TRAIN_MD.replace("{i}", str(i)), "t.md")]
    write_jsonl(docs[:5], tmp / "train.jsonl")
    write_jsonl(docs[5:], tmp / "dev.jsonl")
    cfg = json.loads(open("training/configs/default.json").read())
    cfg["data"] = {"train": [str(tmp / "train.jsonl")], "dev": [str(tmp / "dev.jsonl")], "cache": str(tmp / "cache")}
    cfg["training"].update({"epochs": 2, "batch_size": 4, "max_steps": 3})
    (tmp / "cfg.json").write_text(json.dumps(cfg))
    metrics = train_pipeline(tmp / "cfg.json", tmp / "out", show_progress=False)
    return tmp / "out", metrics


def test_training_writes_a_pipeline_that_spacy_load_reads(trained):
    out, metrics = trained
    assert metrics["steps"] == 3
    assert (out / "metrics.json").exists() and json.loads((out / "metrics.json").read_text())["history"]
    assert (out / "meta.json").exists() and (out / "planning_ie" / "weights.pt").exists()
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["planning_sentencizer", "planning_ie", "planning_normalizer"]
    doc = nlp("Bac Ninh has 16 industrial parks covering 6,397.68 ha by 2030.")
    assert all(e.label_ in {"PROVINCE", "FACILITY", "MONEY", "AREA", "DATE"} for e in doc.ents)
    assert isinstance(doc._.relations, list)


def test_save_load_round_trip_gives_identical_predictions(trained, tmp_path):
    out, _ = trained
    nlp = spacy.load(out)
    texts = ["Hai Phong plans 12 new industrial clusters with VND 1.2 trillion by 2030.",
             "The Que Vo II Industrial Park in Bắc Ninh drew US$17.5 million in 2021-25."]
    before = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(nlp.pipe(texts))]
    nlp.to_disk(tmp_path / "copy")
    nlp2 = spacy.load(tmp_path / "copy")
    after = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(nlp2.pipe(texts))]
    assert before == after
    # deterministic: the same text twice gives the same output
    assert [doc_to_document(d, "0").to_json() for d in nlp.pipe(texts[:1] * 2)][0] == before[0]


def test_single_and_batched_calls_agree_and_a_bad_device_is_refused(trained):
    out, _ = trained
    nlp = spacy.load(out)
    texts = ["Long An has 35 industrial parks on 12,000 ha.", "Hai Phong drew US$3 billion in 2024."] * 3
    one_by_one = [doc_to_document(nlp(t), "x").to_json() for t in texts]
    batched = [doc_to_document(d, "x").to_json() for d in nlp.pipe(texts, batch_size=4)]
    assert one_by_one == batched
    with pytest.raises(ValueError, match="device must be 'cpu' or 'cuda"):
        spacy.load(out, config={"components": {"planning_ie": {"device": "gpu0"}}})


def test_long_document_is_tagged_to_its_end(trained):
    out, _ = trained
    nlp = spacy.load(out)
    para = "Bac Ninh has 16 industrial parks covering 6,397.68 ha by 2030. "
    text = para * 250  # ~2,750 words, far beyond one 512-subword window
    assert len(text.split()) > 2000
    doc = nlp(text)
    comp = nlp.get_pipe("planning_ie")
    dw = doc_words("x", text, comp.hf_tokenizer, sdoc=doc)
    wins = make_windows(dw, comp.cfg, 101, 102)
    owned = sorted(w for win in wins for w in range(win.own_start, win.own_end))
    assert owned == list(range(len(dw.texts)))  # every word owned exactly once
    assert all(len(w.input_ids) <= comp.cfg.max_subwords for w in wins)


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


def test_cross_validation_trains_per_fold_and_reports_mean_and_spread(tmp_path):
    from ie.cli import main

    docs = [d for i in range(4) for d in parse_markup(TRAIN_MD.replace("{i}", str(i)), "t.md")]
    write_jsonl(docs[:2], tmp_path / "train.jsonl")
    write_jsonl(docs, tmp_path / "gold.jsonl")
    cfg = json.loads(open("training/configs/default.json").read())
    cfg["data"] = {"train": [str(tmp_path / "train.jsonl")], "dev": [], "cache": str(tmp_path / "cache")}
    cfg["training"].update({"epochs": 1, "batch_size": 4})
    (tmp_path / "cfg.json").write_text(json.dumps(cfg))
    rc = main(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--cv", "2", "--config", str(tmp_path / "cfg.json"),
               "--cv-max-steps", "1", "--report", str(tmp_path / "cv"), "--cv-work", str(tmp_path / "work")])
    assert rc == 0
    res = json.loads((tmp_path / "cv" / "cv.json").read_text())
    assert res["k"] == 2 and len(res["folds"]) == 2
    assert sorted(sum((f["test_documents"] for f in res["folds"]), [])) == sorted(d.id for d in docs)
    assert set(res["entity_f1"]["micro"]) == {"mean", "stdev", "folds", "pooled", "support"}
    assert res["entity_f1"]["micro"]["support"] == sum(len(d.entities) for d in docs)
    weights = tmp_path / "work" / "fold1" / "model" / "planning_ie" / "weights.pt"
    assert weights.exists()
    assert not (tmp_path / "cv" / "fold1").exists()  # fold models stay out of the report folder
    # re-scoring reuses the fold models trained on the same documents and settings
    mtime = weights.stat().st_mtime_ns
    assert main(["evaluate", "--gold", str(tmp_path / "gold.jsonl"), "--cv", "2", "--config", str(tmp_path / "cfg.json"),
                 "--cv-max-steps", "1", "--report", str(tmp_path / "cv"), "--cv-work", str(tmp_path / "work"),
                 "--cv-reuse"]) == 0
    again = json.loads((tmp_path / "cv" / "cv.json").read_text())
    assert all(f["reused_model"] for f in again["folds"]) and weights.stat().st_mtime_ns == mtime
    assert again["folds"] == [dict(f, reused_model=True) for f in res["folds"]]


def test_cross_validation_leaves_undefined_labels_out_of_the_mean():
    from ie.evaluation.crossval import _aggregate

    def fold(tp, fp, fn):
        return {"relations": {"HAS_VALUE": {"tp": tp, "fp": fp, "fn": fn, "f1": None if tp + fp + fn == 0
                                            else 2 * tp / (2 * tp + fp + fn)}}}

    agg = _aggregate([fold(1, 0, 0), fold(0, 0, 0), fold(0, 1, 1)], "relations")["HAS_VALUE"]
    assert agg["folds"] == 2 and agg["mean"] == 0.5 and agg["support"] == 2
    assert agg["pooled"] == round(2 * 1 / (2 + 1 + 1), 4)


def test_predicted_spans_never_keep_edge_punctuation():
    from ie.components.planning_ie import _trim

    words = ["in", "2025", ",", "2030", "and", "(", "VND", "5", "billion", ")"]
    assert _trim(words, 1, 2) == (1, 1)
    assert _trim(words, 5, 9) == (6, 8)
    assert _trim(words, 2, 2)[0] > _trim(words, 2, 2)[1]  # a span of punctuation only disappears


def test_training_core_runs_without_spacy():
    """The GPU machine has torch and transformers but no spaCy: the core must not need it."""
    import subprocess
    import sys

    code = r"""
import sys
sys.modules["spacy"] = None  # any import of spaCy now fails
from ie.model.batching import Window
from ie.model.config import ModelConfig, TrainConfig
from ie.model.network import build_model
from ie.model.training import train, quick_eval
from ie.model.encoder import default_encoder_path
ex = Window(doc_id="d", offset=0, own_start=0, own_end=2, input_ids=[101, 7592, 2003, 102], sub_case=[0, 2, 1, 0],
           word_first=[1, 2], word_last=[1, 2], case=[2, 1], lex=[1, 1], gaz=[2, 1], rule=[0, 0], owned=[1, 1],
           sent=[0, 0], tags=[1, 0], ents=[[0, 0, 0]], rels=[])
m = build_model(ModelConfig(), default_encoder_path())
res = train(m, [ex, ex], TrainConfig(epochs=1, batch_size=2, max_steps=1), evaluate=lambda mm: quick_eval(mm, [ex]))
assert res["steps"] == 1 and "spacy" not in [k for k, v in sys.modules.items() if v is not None]
print("ok")
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip().endswith("ok")


def test_rule_features_reach_the_model():
    from transformers import AutoTokenizer

    from ie.model.batching import collate
    from ie.model.network import build_model
    from ie.components.windows import prepare
    from ie.model.encoder import default_encoder_path
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


def test_spans_are_cut_at_sentence_boundaries():
    from ie.model.decoding import split_at_sentences

    assert split_at_sentences([(0, 3, 0), (5, 5, 1)], [0, 0, 1, 1, 1, 1]) == [(0, 1, 0), (2, 3, 0), (5, 5, 1)]


def test_ie_load_shortcut(trained):
    import ie

    out, _ = trained
    nlp = ie.load(out)
    assert nlp.pipe_names[-1] == "planning_normalizer"
    assert ie.load("rules")("Hanoi plans Ring Road 4 by 2027.").ents


def test_network_settings_live_in_the_pipeline_config(trained):
    from ie.components.planning_ie import saved_network
    from ie.training import load_config

    out, _ = trained
    assert not (out / "planning_ie" / "cfg.json").exists()
    net = saved_network(out)
    assert net == ModelConfig(**{**net}).to_json() and "rule_features" in net
    ablation = load_config("training/configs/ablation_no_rule_features.json")
    assert ablation["model"] == {**load_config("training/configs/default.json")["model"], "rule_features": False}
    assert ablation["training"] == load_config("training/configs/default.json")["training"]
