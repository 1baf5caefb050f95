
import pytest

from ie.corpus.markup import parse_markup, to_markup
from ie.corpus.validate import validate_doc
from ie.docs import CorpusError
from tests.corpus.samples import demo


def test_markup_offsets_and_round_trip():
    d = demo()
    assert d.meta == {"title": "Demo"}
    assert [d.span_text(e) for e in d.entities][:3] == ["Bac Ninh", "16 industrial parks", "6,397.68 ha"]
    assert "[[" not in d.text and d.text.startswith("BẮC NINH — Bac Ninh has")
    assert len(d.relations) == 6
    again = parse_markup(to_markup(d), "x.md")[0]
    assert again.text == d.text
    assert [(e.start, e.end, e.label) for e in again.entities] == [(e.start, e.end, e.label) for e in d.entities]
    assert len(again.relations) == 6
    assert validate_doc(d) == []


def test_markup_errors_name_file_line_and_document():
    with pytest.raises(CorpusError, match=r"bad\.md:4\(x\).*unknown entity key 'nope'"):
        parse_markup("### doc: x\n[[Hanoi|PROVINCE|h]]\n### relations\nh LOCATED_IN nope\n", "bad.md")
    with pytest.raises(CorpusError, match=r"bad\.md:2\(x\).*malformed"):
        parse_markup("### doc: x\n[[Hanoi|PROVINCE\n", "bad.md")
