"""End-to-end checks of the real model: a few training steps with the real encoder,
saved with nlp.to_disk, read back with spacy.load."""

import json

import pytest
import spacy

from ie.components.results import doc_to_document
from ie.components.windows import doc_words, make_windows
from ie.corpus.markup import parse_markup
from ie.docs import write_jsonl
from ie.model.config import ModelConfig
from tests.components.samples import TRAIN_MD


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


def test_predicted_spans_never_keep_edge_punctuation():
    from ie.components.planning_ie import _trim

    words = ["in", "2025", ",", "2030", "and", "(", "VND", "5", "billion", ")"]
    assert _trim(words, 1, 2) == (1, 1)
    assert _trim(words, 5, 9) == (6, 8)
    assert _trim(words, 2, 2)[0] > _trim(words, 2, 2)[1]  # a span of punctuation only disappears


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
    assert ablation["model"] == {**load_config("training/configs/six_layers.json")["model"], "rule_features": False}
    assert ablation["training"] == load_config("training/configs/six_layers.json")["training"]


def test_spacy_evaluate_reports_the_strict_figures_of_ie_evaluate(trained, tmp_path, capsys):
    """Issue 15 item 13: labels in meta.json; ``spacy evaluate`` prints NER and (with
    ``--spans-key rel``) relation P/R/F equal to ``ie evaluate``'s strict micro figures."""
    from ie.cli import main
    from ie.schema import ENTITY_LABELS, RELATION_LABELS

    out, _ = trained
    meta = json.loads((out / "meta.json").read_text())
    assert meta["labels"]["planning_ie"] == list(ENTITY_LABELS) + list(RELATION_LABELS)
    gold = out.parent / "dev.jsonl"
    assert main(["corpus", "convert", str(gold), "--out", str(tmp_path / "gold.spacy")]) == 0
    from spacy.cli.evaluate import evaluate  # what `python -m spacy evaluate` runs

    evaluate(str(out), tmp_path / "gold.spacy", output=tmp_path / "spacy.json", spans_key="rel", silent=False)
    printed = capsys.readouterr().out
    assert "NER P" in printed and "SPAN P" in printed
    assert main(["evaluate", "--gold", str(gold), "--model", str(out), "--json", str(tmp_path / "ie.json")]) == 0
    sp, mine = json.loads((tmp_path / "spacy.json").read_text()), json.loads((tmp_path / "ie.json").read_text())
    ents, rels = mine["entities"]["strict"], mine["relations"]["strict"]
    assert (sp["ents_p"], sp["ents_r"], sp["ents_f"]) == (ents["micro"]["precision"], ents["micro"]["recall"], ents["micro"]["f1"])
    assert (sp["spans_rel_p"], sp["spans_rel_r"], sp["spans_rel_f"]) == (rels["micro"]["precision"], rels["micro"]["recall"],
                                                                        rels["micro"]["f1"])
    for lab in ENTITY_LABELS:
        assert sp["ents_per_type"][lab]["f"] == ents["per_label"][lab]["f1"]


@pytest.mark.parametrize("text,dropped", [
    ("three other expanded", True), ("24 new", True), ("47 urban and urban service", True),
    ("Three new", True), ("17 industrial zones", False), ("12-15 industrial parks", False),
    ("five planned IZs", False), ("29 khu công nghiệp", False), ("2 cảng biển", False),
    ("539 DDI", False), ("three VSIPs", False), ("Ten Tan", False), ("25B", False), ("six estates", False),
    ("two main port systems", False), ("four wharves", False), ("Thang Long Industrial Park", False),
    ("the two parks", False), ("1,200 hectares of land", True),
])
def test_a_count_without_a_facility_noun_is_not_a_facility(text, dropped):
    from ie.components.planning_ie import headless_count

    assert headless_count(text) is dropped


def test_no_gold_facility_span_would_be_dropped_as_a_headless_count(root):
    """The rule is the guideline's (D23): it must never contradict the annotated data."""
    from ie.components.planning_ie import headless_count
    from ie.corpus.reader import read_docs

    docs = read_docs([root / "corpus/train", root / "corpus/ood/ood.jsonl", root / "corpus/gold/seeds.jsonl"])
    bad = [d.text[e.start:e.end] for d in docs for e in d.entities
           if e.label == "FACILITY" and headless_count(d.text[e.start:e.end])]
    assert bad == []


def test_a_closing_bracket_stays_when_its_opening_bracket_is_inside_the_span():
    from ie.components.planning_ie import _trim

    words = ["Nhon", "Hoi", "Industrial", "Park", "(", "Zone", "A", ")", ",", "the"]
    assert _trim(words, 0, 8, "FACILITY") == (0, 7)
    assert _trim(words, 4, 7, "FACILITY") == (5, 6)  # the opener is trimmed first, then the closer
    assert _trim(["Park", ")"], 0, 1, "FACILITY") == (0, 0)


def test_a_facility_span_never_opens_with_a_determiner():
    from ie.components.planning_ie import _trim

    words = ["The", "Cao", "Bang", "border-gate", "economic", "zone"]
    assert _trim(words, 0, 5, "FACILITY") == (1, 5)
    assert _trim(["these", "3", "economic", "zones"], 0, 3, "FACILITY") == (1, 3)
    assert _trim(["The", "Hague"], 0, 1, "PROVINCE") == (0, 1)  # other labels: untouched
    assert _trim(["An", "Phu", "IP"], 0, 2, "FACILITY") == (0, 2)  # Vietnamese "An" is a name
    assert _trim(["the"], 0, 0, "FACILITY") == (0, 0)  # never trims a span away by itself


def test_gold_facility_spans_pass_the_edge_rules_unchanged(root):
    """Trimming, the determiner rule and the bracket rule agree with every annotated span."""
    from ie.components.planning_ie import _trim
    from ie.components.windows import doc_words
    from ie.corpus.reader import read_docs
    from ie.model.encoder import default_encoder_path
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(default_encoder_path(), local_files_only=True)
    docs = [d for d in read_docs([root / "corpus/train/dev.jsonl", root / "corpus/ood/ood.jsonl",
                                  root / "corpus/gold/seeds.jsonl"])]
    changed = []
    for d in docs:
        dw = doc_words(d.id, d.text, tok)
        start_at = {s: i for i, s in enumerate(dw.starts)}
        end_at = {e: i for i, e in enumerate(dw.ends)}
        for e in d.entities:
            s, t = start_at[e.start], end_at[e.end]
            if _trim(dw.texts, s, t, e.label) != (s, t):
                changed.append(d.text[e.start:e.end])
    assert changed == []
