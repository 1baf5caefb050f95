"""The rule baseline: grammar spans and the relations it draws within a sentence."""

from ie.components.rules import rule_entities, rules_pipeline

TEXT = ("Bac Ninh has 16 industrial parks covering 6,397.68 ha, with VND4,128 billion invested by 2030. "
        "The Yen Phong Industrial Park II-A in Bac Giang city.")


def spans(text):
    return [(text[s:e], lab) for s, e, lab in rule_entities(text)]


def test_grammars_find_each_label_and_trim_trailing_punctuation():
    assert spans(TEXT) == [("Bac Ninh", "PROVINCE"), ("16 industrial parks", "FACILITY"), ("6,397.68 ha", "AREA"),
                           ("VND4,128 billion", "MONEY"), ("2030", "DATE"),
                           ("The Yen Phong Industrial Park II-A", "FACILITY")]


def test_a_province_name_before_city_or_district_is_not_the_province():
    assert ("Bac Giang", "PROVINCE") not in spans(TEXT)
    assert spans("Da Nang city and Tu Son district of Bac Ninh.") == [("Da Nang", "PROVINCE"), ("Bac Ninh", "PROVINCE")]


def test_money_and_area_prefer_the_longer_overlapping_span():
    assert spans("US$17.5 million and 1,100-1,200 billion VND on 12 km2") == [
        ("US$17.5 million", "MONEY"), ("1,100-1,200 billion VND", "MONEY"), ("12 km2", "AREA")]


def test_pipeline_relations_stay_in_the_sentence_and_respect_argument_types():
    doc = rules_pipeline()(TEXT)
    rels = {(h.text, lab, t.text) for h, t, lab, _ in doc._.relations}
    assert ("16 industrial parks", "LOCATED_IN", "Bac Ninh") in rels
    assert ("16 industrial parks", "HAS_INVESTMENT", "VND4,128 billion") in rels
    assert ("6,397.68 ha", "DATE_OF", "2030") in rels
    assert not any(h == "The Yen Phong Industrial Park II-A" and lab == "LOCATED_IN" for h, lab, _ in rels)
    assert all(e._.norm is not None for e in doc.ents if e.label_ in ("MONEY", "AREA"))
