"""Training-time perturbation (ie.corpus.perturb): every perturbed copy is still gold."""

import random

from ie.corpus.perturb import (PerturbLexicon, PerturbSettings, add_diacritics, perturb, replace_mentions,
                               strip_diacritics, substitute_type_words, upper_headline)
from ie.corpus.validate import validate_docs
from ie.docs import Document, Entity, Relation

LEX = PerturbLexicon(
    facilities=[("Nghi Son Economic Zone", "economic_zone"), ("Yen Phong II-C Industrial Park", "industrial_park"),
                ("Cai Mep International Port", "seaport")],
    type_groups=[["industrial park", "industrial zone", "IZ"], ["industrial parks", "industrial complexes", "parks"]],
    provinces=[("Bac Ninh", "Bắc Ninh"), ("Ha Nam", "Hà Nam")],
)


def _doc() -> Document:
    text = ("Bac Ninh adds VSIP Industrial Park\n"
            "Bac Ninh's VSIP Industrial Park covers 700 ha and 16 industrial parks drew US$2 billion in 2024. "
            "VSIP Industrial Park opened in 2008.")

    def ent(i, surface, label, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return Entity(i, start, start + len(surface), label)

    ents = [ent("T1", "Bac Ninh", "PROVINCE"), ent("T2", "VSIP Industrial Park", "FACILITY"),
            ent("T3", "Bac Ninh", "PROVINCE", 1), ent("T4", "VSIP Industrial Park", "FACILITY", 1),
            ent("T5", "700 ha", "AREA"), ent("T6", "16 industrial parks", "FACILITY"),
            ent("T7", "US$2 billion", "MONEY"), ent("T8", "2024", "DATE"),
            ent("T9", "VSIP Industrial Park", "FACILITY", 2), ent("T10", "2008", "DATE")]
    rels = [Relation("T4", "T3", "LOCATED_IN"), Relation("T4", "T5", "HAS_AREA"),
            Relation("T6", "T7", "HAS_INVESTMENT"), Relation("T7", "T8", "DATE_OF"), Relation("T9", "T10", "DATE_OF")]
    return Document("d1", text, ents, rels)


def _surfaces(doc):
    return {e.id: doc.text[e.start:e.end] for e in doc.entities}


def test_mention_replacement_is_consistent_and_keeps_relations():
    doc = _doc()
    out = replace_mentions(doc, LEX, random.Random(0), p=1.0)
    s = _surfaces(out)
    assert s["T4"] == "Yen Phong II-C Industrial Park"  # the only industrial_park in the lexicon
    assert s["T2"] == s["T4"] == s["T9"]  # one surface, one replacement throughout the document
    assert s["T6"] == "16 industrial parks"  # counted groups are never replaced
    assert s["T5"] == "700 ha" and s["T10"] == "2008"
    assert out.relations == doc.relations
    assert validate_docs([out]) == []


def test_type_word_substitution_keeps_case_style_and_offsets():
    out = substitute_type_words(_doc(), LEX, random.Random(1), p=1.0)
    s = _surfaces(out)
    assert s["T2"] in {"VSIP Industrial Zone", "VSIP IZ"}
    assert s["T6"] in {"16 industrial complexes", "16 parks"}
    assert out.text.endswith(" opened in 2008.")
    assert validate_docs([out]) == []


def test_case_and_diacritics_are_length_preserving_or_tracked():
    doc = _doc()
    up = upper_headline(doc)
    assert up.text.split("\n")[0] == "BAC NINH ADDS VSIP INDUSTRIAL PARK"
    assert up.text.split("\n")[1] == doc.text.split("\n")[1]
    vn = add_diacritics(doc, LEX)
    assert _surfaces(vn)["T1"] == "Bắc Ninh" and _surfaces(vn)["T5"] == "700 ha"
    back = strip_diacritics(vn)
    assert back.text == doc.text


def test_perturb_is_deterministic_for_a_seed_and_validates():
    settings = PerturbSettings(mention=1.0, type_words=1.0, headline_caps=1.0, strip_diacritics=0.0, add_diacritics=1.0)
    a = perturb(_doc(), LEX, random.Random(5), settings)
    b = perturb(_doc(), LEX, random.Random(5), settings)
    assert a == b and a.id == "d1#aug" and a.meta["perturbed"]
    assert validate_docs([a]) == []


def test_the_project_lexicon_feeds_perturbation():
    lex = PerturbLexicon.load()
    assert len(lex.facilities) > 500 and lex.names("seaport") and lex.names("industrial_park")
    assert ("Ha Noi", "Hà Nội") in lex.provinces
