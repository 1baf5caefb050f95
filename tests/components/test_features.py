"""Word features the uncased encoder cannot see: case, lexical class, gazetteer and rule tags."""

from ie.components.features import case_class, lex_class, province_tags, rule_classes, token_features
from ie.schema import CASE_CLASSES, GAZ_CLASSES, LEX_CLASSES, RULE_CLASSES


def names(classes, ids):
    return [classes[i] for i in ids]


def test_case_classes():
    assert names(CASE_CLASSES, [case_class(w) for w in ["park", "Park", "VND", "A", "iPhone", "2030", "–"]]) == [
        "lower", "title", "upper", "title", "mixed", "digit", "punct"]


def test_lexical_classes_come_from_the_lexicon():
    words = ["ports", "US$", "billion", "ha", "Sept", "twelve", "district", "province", "nearly", "II-A", "2030",
             "6,397.68", "VND4,128", "worth"]
    assert names(LEX_CLASSES, [lex_class(w) for w in words]) == [
        "facility_noun", "currency", "magnitude", "area_unit", "month", "number_word", "below_province",
        "province_word", "approximator", "roman", "year", "number", "currency_number", "none"]


def test_province_tags_take_the_longest_name_and_skip_inner_dashes():
    words = "Ba Ria - Vung Tau and Bắc Ninh , not Bac".split()
    assert names(GAZ_CLASSES, province_tags(words)) == [
        "B-PROV", "I-PROV", "I-PROV", "I-PROV", "I-PROV", "O", "B-PROV", "I-PROV", "O", "O", "O"]


def test_rule_classes_mark_words_inside_rule_spans():
    text = "Bac Ninh drew VND 9 trillion"
    words = text.split()
    starts = [text.index(w) for w in words]
    ends = [s + len(w) for s, w in zip(starts, words)]
    assert names(RULE_CLASSES, rule_classes(text, starts, ends)) == [
        "B-PROVINCE", "I-PROVINCE", "O", "B-MONEY", "I-MONEY", "I-MONEY"]
    assert len(token_features(words)) == 3
