"""The augmenter (training/augment): deterministic for a seed, exact offsets, schema-clean
relations, validator-clean documents, rosters read from the lexicon."""

from __future__ import annotations

import random

import pytest

from ie import lexicon
from ie.corpus.validate import validate_docs
from ie.docs import write_jsonl
from ie.schema import ENTITY_LABELS, RELATION_ARGS
from training.augment import generate, main, rosters
from training.augment.documents import _sentence
from training.augment.phrases import Phrases
from training.augment.templates import DRAW_ORDER, TEMPLATES

N_SENTENCES = 120  # about ten documents: enough to draw most templates, fast to generate


@pytest.fixture(scope="module")
def docs():
    return generate(N_SENTENCES, seed=5)


def _jsonl(docs, path) -> bytes:
    write_jsonl(docs, path)
    return path.read_bytes()


def test_same_seed_gives_identical_output(docs, tmp_path):
    assert _jsonl(docs, tmp_path / "a.jsonl") == _jsonl(generate(N_SENTENCES, seed=5), tmp_path / "b.jsonl")


def test_different_seed_gives_different_output(docs):
    other = generate(N_SENTENCES, seed=6)
    assert [d.text for d in docs] != [d.text for d in other]


def test_ids_and_meta(docs):
    assert docs and all(d.id.startswith("syn-s5-") for d in docs)
    assert all(d.meta == {"synthetic": True, "generator": "training/augment.py"} for d in docs)


def _check_spans(doc) -> None:
    for e in doc.entities:
        assert e.label in ENTITY_LABELS, e
        assert 0 <= e.start < e.end <= len(doc.text), e
        surface = doc.text[e.start:e.end]
        assert surface == surface.strip() and surface, (doc.id, e, surface)


def _check_relations(doc) -> None:
    by_id = doc.entity_map()
    for r in doc.relations:
        assert r.head in by_id and r.tail in by_id and r.head != r.tail, r
        heads, tails = RELATION_ARGS[r.label]
        assert by_id[r.head].label in heads and by_id[r.tail].label in tails, (doc.id, r)


def test_entity_offsets_inside_text_and_trimmed(docs):
    assert sum(len(d.entities) for d in docs) > 100
    for d in docs:
        _check_spans(d)


def test_relations_reference_entities_and_obey_schema(docs):
    assert sum(len(d.relations) for d in docs) > 50
    for d in docs:
        _check_relations(d)


def test_validator_reports_no_problems(docs):
    assert [str(p) for p in validate_docs(docs)] == []


def test_every_template_writes_clean_sentences():
    """Each template, drawn a few times on its own, gives spans and relations that hold."""
    from ie.docs import Document, Entity, Relation

    for name, fn, _weight in TEMPLATES:
        g = Phrases(random.Random(name))
        for i in range(3):
            g.home = g.pick(rosters.PROVINCES)
            s = _sentence(g, fn, dateline=i == 0)
            doc = Document(id=f"{name}-{i}", text=s.text,
                           entities=[Entity(f"T{k + 1}", a, b, lab) for k, (a, b, lab) in enumerate(s.entities)],
                           relations=[Relation(f"T{h + 1}", f"T{t + 1}", lab) for h, lab, t in s.relations])
            _check_spans(doc)
            _check_relations(doc)


def test_draw_order_names_every_template_once():
    assert len(DRAW_ORDER) == len(set(DRAW_ORDER)) == len(TEMPLATES) == 110
    assert [name for name, _, _ in TEMPLATES] == list(DRAW_ORDER)
    assert all(weight > 0 for _, _, weight in TEMPLATES)


def test_rosters_come_from_the_lexicon():
    assert rosters.PROVINCES == tuple(lexicon.provinces())
    assert tuple(rosters.MONTHS) == lexicon.month_names()
    assert set(rosters.APPROXIMATORS) <= {said for said, _ in lexicon.approximators()}
    assert set(rosters.NUMBER_WORDS) == set(range(1, 13))
    assert all(lexicon.number_words()[w] == n for n, w in rosters.NUMBER_WORDS.items())
    names = [f.canonical for f in rosters.FACILITIES]
    assert len(names) == len(set(names)) and len(names) > 400
    known = set(lexicon.provinces())
    assert all(set(f.provinces) <= known for f in rosters.FACILITIES)
    assert set(rosters.DISTRICTS) <= known and set(rosters.REGION_OF) == known
    assert set(rosters.FACILITY_KINDS) >= {f.kind for f in rosters.FACILITIES}


def test_command_writes_the_documents_and_checks_sentence_splits(tmp_path, capsys):
    out = tmp_path / "syn.jsonl"
    assert main(["--out", str(out), "--sentences", "30", "--seed", "5", "--check", "--show", "1"]) == 0
    assert out.read_bytes() == _jsonl(generate(30, seed=5), tmp_path / "again.jsonl")
    assert "0 documents with sentence-split mismatches" in capsys.readouterr().out
