"""The planning_ie component's relation output (ie.components.planning_ie): Spans in
(head, tail) schema order, the factory's rel_threshold (default 0.5) applied, 1.01 gives
none. The network is the real head with a stub encoder (tests/model/stub_network.py)
whose tag for each word is chosen here, so every expectation is derived by hand."""

import pytest

from ie.model.config import ModelConfig
from ie.model.encoder import default_encoder_path
from ie.schema import BIO_TAGS, relation_allowed
from ie.text import make_nlp
from tests.model.stub_network import prob, stub_model

TEXT = "Que Vo Industrial Park in Bac Ninh covers 500 ha by 2030."
WORD_TAGS = {"Que": "B-FACILITY", "Vo": "I-FACILITY", "Industrial": "I-FACILITY", "Park": "I-FACILITY",
             "Bac": "B-PROVINCE", "Ninh": "I-PROVINCE", "500": "B-AREA", "ha": "I-AREA", "2030": "B-DATE"}
FAC, PROV, AREA, DATE = "Que Vo Industrial Park", "Bac Ninh", "500 ha", "2030"


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(default_encoder_path(), local_files_only=True)


def pipeline(tokenizer, **settings):
    tag_of = {}
    for word, tag in WORD_TAGS.items():
        first = tokenizer(word, add_special_tokens=False)["input_ids"][0]
        assert first not in tag_of
        tag_of[first] = BIO_TAGS.index(tag)
    nlp = make_nlp()
    comp = nlp.add_pipe("planning_ie", config=settings)
    comp.model = comp._runtime = stub_model(tag_of)
    comp.cfg, comp.hf_tokenizer = ModelConfig(hidden=8, rel_hidden=8, use_features=False), tokenizer
    return nlp


def labelled(doc):
    """(head text, head label, relation, tail text, tail label, score); the Spans that
    ``doc._.relations`` rebuilds carry no label, so the labels are those of ``doc.ents``."""
    ents = {(e.start, e.end): e.label_ for e in doc.ents}
    return [(h.text, ents[h.start, h.end], lab, t.text, ents[t.start, t.end], s) for h, t, lab, s in doc._.relations]


def relations(doc):
    return {r[:5]: r[5] for r in labelled(doc)}


def test_relations_by_hand_under_the_default_threshold(tokenizer):
    nlp = pipeline(tokenizer)
    assert nlp.get_pipe("planning_ie").rel_threshold == 0.5
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents] == [(FAC, "FACILITY"), (PROV, "PROVINCE"), (AREA, "AREA"), (DATE, "DATE")]
    rels = relations(doc)
    assert rels == {
        (FAC, "FACILITY", "LOCATED_IN", PROV, "PROVINCE"): round(prob("LOCATED_IN"), 4),
        (FAC, "FACILITY", "HAS_AREA", AREA, "AREA"): round(prob("HAS_AREA"), 4),  # 0.8
        (PROV, "PROVINCE", "HAS_AREA", AREA, "AREA"): round(prob("HAS_AREA"), 4),
        (FAC, "FACILITY", "DATE_OF", DATE, "DATE"): round(prob("DATE_OF"), 4),
        (AREA, "AREA", "DATE_OF", DATE, "DATE"): round(prob("DATE_OF"), 4),
    }
    for _, head, lab, _, tail, _ in labelled(doc):
        assert relation_allowed(lab, head, tail)


def test_the_threshold_setting_is_applied(tokenizer):
    strict = relations(pipeline(tokenizer, rel_threshold=0.95)(TEXT))
    assert {k[2] for k in strict} == {"LOCATED_IN", "DATE_OF"} and len(strict) == 3
    none = pipeline(tokenizer, rel_threshold=1.01)(TEXT)
    assert none._.relations == [] and len(none.ents) == 4
