"""Province lookup over the lexicon: surface forms, diacritics, the 2025 merger."""

import pytest

from ie.gazetteer import MAX_PROVINCE_WORDS, PROVINCE_TOKEN_SEQS, PROVINCES_2024, PROVINCES_2025, lookup_province


@pytest.mark.parametrize("surface,name,post", [
    ("the province of Bắc Giang", "Bac Giang", "Bac Ninh"),
    ("Ha Noi's", "Ha Noi", "Ha Noi"),
    ("Saigon", "Ho Chi Minh City", "Ho Chi Minh City"),
    ("Ho Chi Minh", "Ho Chi Minh City", "Ho Chi Minh City"),
    ("Hue", "Thua Thien Hue", "Hue"),
    ("Ba Ria – Vung Tau", "Ba Ria-Vung Tau", "Ho Chi Minh City"),
    ("Đắk Lắk", "Dak Lak", "Dak Lak"),
    ("Can Tho city", "Can Tho", "Can Tho"),
])
def test_lookup_gives_canonical_name_and_post_merger_unit(surface, name, post):
    found = lookup_province(surface)
    assert (found["name"], found["province_2025"]) == (name, post)


def test_unknown_names_are_not_provinces():
    assert lookup_province("Paris") is None and lookup_province("Bac") is None


def test_unit_counts_and_token_sequences():
    assert len(PROVINCES_2024) == 63 and len(PROVINCES_2025) == 34
    assert ("ba", "ria", "vung", "tau") in PROVINCE_TOKEN_SEQS and MAX_PROVINCE_WORDS >= 4
