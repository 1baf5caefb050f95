"""The normalizer (ie.normalize) against the lexicon and every format of
corpus/GUIDELINES.md: each approximator, reversed and out-of-range ranges, the unit and
currency forms, dates with and without a year; and it never crashes on any string."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ie import lexicon
from ie.normalize import NORMALIZERS, NormError, find_approximator, normalize

# the lexicon, written out by hand: what each approximator means
APPROXIMATORS = {
    "more than": "more than", "less than": "less than", "at least": "at least", "up to": "up to",
    "close to": "nearly", "just over": "over", "nearly": "nearly", "almost": "nearly", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about", "over": "over",
    "exceeding": "over", "above": "over", "under": "less than", "below": "less than", "by": "by",
}


def test_the_lexicon_has_exactly_these_approximators():
    assert dict(lexicon.approximators()) == APPROXIMATORS


@pytest.mark.parametrize("said,meaning", sorted(APPROXIMATORS.items()))
def test_every_approximator_is_kept_for_money_and_area(said, meaning):
    m = normalize("MONEY", "US$5 million", f"The park drew {said} ")
    assert m == {"amount": 5_000_000, "currency": "USD", "approximator": meaning}
    a = normalize("AREA", "500 ha", f"covering {said.upper()} ")  # case does not matter
    assert a == {"hectares": 500, "approximator": meaning}


@pytest.mark.parametrize("left", ["", "The park drew ", "made US$5 million ", "nearby ", "overall ", "somewhere ",
                                  "aboutness ", "standby "])
def test_no_approximator_without_the_word_right_before(left):
    assert find_approximator(left) is None
    assert "approximator" not in normalize("MONEY", "US$5 million", left)


def test_approximator_before_a_range_and_inside_a_sentence():
    assert normalize("MONEY", "VND1,100-1,200 billion", "investment of around ") == {
        "amount": 1_100_000_000_000, "currency": "VND", "min": 1_100_000_000_000, "max": 1_200_000_000_000,
        "approximator": "about"}
    assert normalize("AREA", "12 km2", "(around\n") == {"hectares": 1200, "approximator": "about"}


@pytest.mark.parametrize("label,surface", [
    ("MONEY", "VND 3-2 billion"), ("MONEY", "US$70-45"), ("AREA", "700-500 ha"), ("AREA", "2-1 km2"),
    ("DATE", "2030-2021"), ("DATE", "2030-21"), ("DATE", "2030 to 2021"), ("DATE", "2030 and 2021"),
])
def test_reversed_ranges_are_refused(label, surface):
    with pytest.raises(NormError, match="range ends before it starts"):
        normalize(label, surface)


@pytest.mark.parametrize("surface", ["1899", "2101", "1899-1905", "2099-2101", "2021-2150", "May 1899", "Q3 2101",
                                     "12/5/1850", "5 May 2200"])
def test_years_out_of_range_are_refused(surface):
    with pytest.raises(NormError, match="out of range"):
        normalize("DATE", surface)


@pytest.mark.parametrize("surface", ["2024-02-30", "31/4/2024", "29 February 2023", "October 32", "February 30",
                                     "2024-13-01"])
def test_days_that_do_not_exist_are_refused(surface):
    with pytest.raises(NormError, match="invalid day"):
        normalize("DATE", surface)


def test_one_year_ranges_and_century_wrap():
    assert normalize("DATE", "2021-2021") == {"start": 2021, "end": 2021}
    assert normalize("DATE", "1999-2001") == {"start": 1999, "end": 2001}
    assert normalize("DATE", "1900") == {"start": 1900, "end": 1900}
    assert normalize("DATE", "2100") == {"start": 2100, "end": 2100}


# guideline formats, section by section (D30-D34 MONEY, D40 AREA, D50-D55 DATE)
@pytest.mark.parametrize("surface,expected", [
    ("VND 4,128 billion", {"amount": 4_128_000_000_000, "currency": "VND"}),  # D32
    ("900 billion dong", {"amount": 900_000_000_000, "currency": "VND"}),  # D30
    ("9,000 billion đồng", {"amount": 9_000_000_000_000, "currency": "VND"}),
    ("VNĐ 900 billion", {"amount": 900_000_000_000, "currency": "VND"}),
    ("$60.2 billion", {"amount": 60_200_000_000, "currency": "USD"}),
    ("5 million US dollars", {"amount": 5_000_000, "currency": "USD"}),
    ("EUR 5 million", {"amount": 5_000_000, "currency": "EUR"}),
    ("500 million euros", {"amount": 500_000_000, "currency": "EUR"}),
    ("100 billion yen", {"amount": 100_000_000_000, "currency": "JPY"}),
    ("30 billion won", {"amount": 30_000_000_000, "currency": "KRW"}),
    ("US$120", {"amount": 120, "currency": "USD"}),  # D31
    ("six billion USD", {"amount": 6_000_000_000, "currency": "USD"}),  # D33
    ("one trillion dong", {"amount": 1_000_000_000_000, "currency": "VND"}),
    ("half a billion USD", {"amount": 500_000_000, "currency": "USD"}),
    ("US$45-70", {"amount": 45, "currency": "USD", "min": 45, "max": 70}),  # D34
    ("US$7.8 billion", {"amount": 7_800_000_000, "currency": "USD"}),
])
def test_money_formats_of_the_guideline(surface, expected):
    assert normalize("MONEY", surface) == expected


@pytest.mark.parametrize("surface,hectares", [
    ("5 sq km", 500), ("2.5 sq. km", 250), ("3 square kilometres", 300), ("1 square kilometer", 100),
    ("12 km²", 1200), ("12 km2", 1200), ("1,000 m2", 0.1), ("10,000 square metres", 1), ("375,171 hectares", 375171),
    ("1 hectare", 1), ("500ha", 500), ("6,518-ha", 6518), ("6,518-hectare", 6518),
])
def test_area_units_of_the_guideline(surface, hectares):
    assert normalize("AREA", surface) == {"hectares": pytest.approx(hectares)}


def test_area_range_of_the_guideline():
    assert normalize("AREA", "500-700 ha") == {"hectares": 500, "min": 500, "max": 700}
    assert normalize("AREA", "1-2 sq km") == {"hectares": 100, "min": 100, "max": 200}


@pytest.mark.parametrize("surface,expected", [
    ("2021 to 2030", {"start": 2021, "end": 2030}),  # D50
    ("2021 and 2030", {"start": 2021, "end": 2030}),
    ("2021-2025", {"start": 2021, "end": 2025}),  # D52
    ("Q3 2024", {"start": 2024, "end": 2024, "part": "q3"}),  # D51
    ("third quarter of 2024", {"start": 2024, "end": 2024, "part": "third quarter"}),
    ("first half of 2024", {"start": 2024, "end": 2024, "part": "first half"}),
    ("end of 2025", {"start": 2025, "end": 2025, "part": "end"}),
    ("early 2026", {"start": 2026, "end": 2026, "part": "early"}),
    ("mid-2027", {"start": 2027, "end": 2027, "part": "mid"}),
    ("10/9/2024", {"date": "2024-09-10", "start": 2024, "end": 2024}),  # D53, day first
    ("2024-12-31", {"date": "2024-12-31", "start": 2024, "end": 2024}),
    ("Sept 9, 2024", {"date": "2024-09-09", "start": 2024, "end": 2024}),
    ("August", {"start": None, "end": None, "month": 8}),  # D55
    ("late July", {"start": None, "end": None, "month": 7, "part": "late"}),
    ("August 2024", {"start": 2024, "end": 2024, "month": "2024-08"}),
    ("October 8", {"start": None, "end": None, "month": 10, "day": 8}),
    ("Sept. 9", {"start": None, "end": None, "month": 9, "day": 9}),
    ("8 October", {"start": None, "end": None, "month": 10, "day": 8}),
])
def test_date_formats_of_the_guideline(surface, expected):
    assert normalize("DATE", surface) == expected


@pytest.mark.parametrize("surface", ["Saturday", "the 1990s", "Tet", "this month"])
def test_what_the_guideline_excludes_from_date_has_no_value(surface):
    with pytest.raises(NormError):
        normalize("DATE", surface)


def test_unknown_label_and_counted_facilities():
    with pytest.raises(NormError, match="no normalizer"):
        normalize("PERSON", "x")
    assert normalize("FACILITY", "16 industrial parks") == {"name": "16 industrial parks", "count": 16}
    assert normalize("FACILITY", "six IPs") == {"name": "six IPs", "count": 6}
    assert normalize("FACILITY", "Que Vo IP") == {"name": "Que Vo IP"}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(NORMALIZERS)), st.text(max_size=40), st.text(max_size=30))
def test_the_normalizer_never_crashes(label, text, left):
    """Any string: a JSON-ready dict or NormError, nothing else."""
    try:
        out = normalize(label, text, left)
    except NormError:
        return
    assert isinstance(out, dict)


_NUMBERISH = st.text(alphabet="0123456789.,- ", min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(_NUMBERISH, st.sampled_from(["ha", "km2", "billion VND", "million USD", ""]))
def test_number_like_strings_never_crash(num, unit):
    for label in ("MONEY", "AREA", "DATE"):
        try:
            normalize(label, f"{num} {unit}".strip())
        except NormError:
            pass


def test_number_parsing_details():
    """Survivors of the first mutation run (eval/reports/mutation.md), killed by hand."""
    from ie.normalize import parse_number

    assert parse_number("4,128.") == 4128 and parse_number("17.5,") == parse_number("17.5")  # trailing separators
    assert float(parse_number("1,5")) == 1.5  # one comma and not 3 digits after it: a decimal comma
    with pytest.raises(NormError, match="not a number: 'abc'"):
        parse_number("abc")
    with pytest.raises(NormError, match="unclear number '1,23,4567'"):
        parse_number("1,23,4567")
    with pytest.raises(NormError, match="unknown magnitude 'zillion'"):
        normalize("MONEY", "5 zillion USD")
    with pytest.raises(NormError, match="unknown number word 'many'"):
        normalize("MONEY", "many billion USD")


def test_range_spellings_and_integral_amounts():
    en_dash = normalize("MONEY", "VND1,100–1,200 billion")
    assert (en_dash["min"], en_dash["max"]) == (1_100_000_000_000, 1_200_000_000_000)
    spelled = normalize("MONEY", "2 to 3 billion USD")
    assert (spelled["min"], spelled["max"]) == (2_000_000_000, 3_000_000_000)
    # integral values are ints (JSON 4128000000000, not 4128000000000.0); fractions stay floats
    assert type(normalize("MONEY", "VND4,128 billion")["amount"]) is int
    assert type(normalize("AREA", "6,397.68 ha")["hectares"]) is float


@pytest.mark.parametrize("label,surface,expected", [
    ("MONEY", "one hundred billion VND", {"amount": 100_000_000_000, "currency": "VND"}),
    ("MONEY", "two hundred million USD", {"amount": 200_000_000, "currency": "USD"}),
    ("MONEY", "half an billion USD", {"amount": 500_000_000, "currency": "USD"}),
    ("MONEY", "VND1,100—1,200 billion", {"amount": 1_100_000_000_000, "currency": "VND", "min": 1_100_000_000_000,
                                         "max": 1_200_000_000_000}),
    ("DATE", "2021—2030", {"start": 2021, "end": 2030}),
    ("DATE", "late August 2024", {"start": 2024, "end": 2024, "month": "2024-08", "part": "late"}),
    ("DATE", "February 29", {"start": None, "end": None, "month": 2, "day": 29}),  # exists in leap years
])
def test_spelled_hundreds_em_dashes_parts_and_leap_days(label, surface, expected):
    assert normalize(label, surface) == expected
