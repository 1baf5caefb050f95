"""Properties of what the pipeline writes, checked on generated texts with hypothesis
(the rule pipeline, for speed; it writes through the same result code as the model):
spans lie inside the text and cover exactly their surface, never overlap, survive the
JSONL and markup round trips with the same offsets, and the corpus validator accepts
the output as a document."""

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ie.components.results import doc_to_document
from ie.components.rules import rule_entities, rules_pipeline
from ie.corpus.markup import parse_markup, to_markup
from ie.corpus.validate import validate_doc
from ie.docs import Document

# pieces the grammars react to, mixed with arbitrary characters
PIECES = ["Bac Ninh", "Hai Phong", "Bắc Ninh", "HẢI PHÒNG", "Ha Noi", "Thua Thien-Hue", "Ba Ria - Vung Tau", "city",
          "district", "province", "16", "12", "twelve", "new", "industrial parks", "industrial clusters", "IPs",
          "Que Vo", "Industrial Park", "Economic Zone", "II", "Phase 2", "–", "-", "US$", "VND", "5", "4,128",
          "6,397.68", "1,100-1,200", "billion", "million", "dong", "USD", "ha", "hectares", "km2", "sq km", "2030",
          "2021-2025", "2021-25", "Q3", "August", "late", "in", "has", "covering", "by", "invested", "of", "the",
          ",", ".", ";", "(", ")", "'s", "\n", "National Highway 5", "Ring Road 4"]
SAFE = st.characters(blacklist_categories=("Cs",), blacklist_characters="[]|#\r\x00")
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(SAFE, max_size=4)), min_size=1, max_size=25).map(
    " ".join)

NLP = None


def nlp():
    global NLP
    if NLP is None:
        NLP = rules_pipeline()
    return NLP


def result(text: str) -> Document:
    return doc_to_document(nlp()(text), "gen")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_rule_spans_lie_inside_the_text_and_never_overlap(text):
    spans = rule_entities(text)
    assert spans == sorted(spans)
    for s, e, lab in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip() and text[s:e][-1] not in " ,.;:"
    for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:]):
        assert e1 <= s2


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_pipeline_output_is_valid_and_round_trips_through_jsonl(text):
    assume(text.strip())  # an empty document is an error line in ie extract, never a result
    doc = result(text)
    assert doc.text == text
    ents = doc.entity_map()
    for e in doc.entities:
        assert 0 <= e.start < e.end <= len(text)
    for r in doc.relations:
        assert r.head in ents and r.tail in ents
    # the validator accepts what the pipeline writes (as gold, token alignment included)
    assert [str(p) for p in validate_doc(doc)] == []
    line = json.dumps(doc.to_json(), ensure_ascii=False)
    back = Document.from_json(json.loads(line))
    assert back.text == text
    assert [(e.id, e.start, e.end, e.label, back.text[e.start:e.end]) for e in back.entities] == \
        [(e.id, e.start, e.end, e.label, text[e.start:e.end]) for e in doc.entities]
    assert [(r.head, r.tail, r.label) for r in back.relations] == [(r.head, r.tail, r.label) for r in doc.relations]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_pipeline_output_round_trips_through_markup(text):
    text = text.strip()
    assume(text and not any(line.startswith("#") for line in text.split("\n")))  # '#' lines are markup headers
    doc = result(text)
    (back,) = parse_markup(to_markup(doc), "gen.md")
    # markup drops the blank lines at both ends of a document, so compare on the stripped text
    assert back.text == text
    spans = lambda d: [(e.start, e.end, e.label) for e in d.entities]  # noqa: E731
    assert spans(back) == spans(doc)
    by_id = lambda d: {e.id: (e.start, e.end) for e in d.entities}  # noqa: E731
    assert sorted((by_id(back)[r.head], by_id(back)[r.tail], r.label) for r in back.relations) == \
        sorted((by_id(doc)[r.head], by_id(doc)[r.tail], r.label) for r in doc.relations)


@pytest.mark.parametrize("text", ["Bac Ninh has 16 industrial parks covering 6,397.68 ha, with VND4,128 billion invested by 2030.",
                                  "HẢI PHÒNG — Hai Phong plans 12 new industrial clusters (about US$5 million) in Q3 2024."])
def test_known_articles_give_valid_output(text):
    doc = result(text)
    assert doc.entities and doc.relations
    assert validate_doc(doc) == []
