
import pytest

from ie.text import tokenize


@pytest.mark.parametrize(
    "text,spans",
    [
        ("VND4,128 billion", ["VND4,128 billion"]),
        ("a 6,518-ha IP", ["6,518-ha"]),
        ("US$17.5 million", ["US$17.5 million"]),
        ("Bắc Ninh's park", ["Bắc Ninh"]),
        ("500ha and 12km2", ["500ha", "12km2"]),
        ("in 2021–2030 and 2021-25.", ["2021–2030", "2021-25"]),
        ("Park II-A. Next", ["Park II-A"]),
    ],
)
def test_tokenizer_keeps_guideline_spans_aligned(text, spans):
    doc = tokenize(text)
    for s in spans:
        start = text.index(s)
        assert doc.char_span(start, start + len(s)) is not None, s


def test_sentences_split_on_line_breaks_and_full_stops_not_abbreviations():
    doc = tokenize("HEADLINE here\nRing road No.4 opened. Mr. Thai said VND4,128 billion.\n\nNext")
    assert [s.text.strip() for s in doc.sents] == ["HEADLINE here", "Ring road No.4 opened.",
                                                   "Mr. Thai said VND4,128 billion.", "Next"]
