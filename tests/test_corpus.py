import json

import pytest

from ie.cli import main
from ie.corpus.convert import from_docbin, from_prodigy, read_any, to_docbin, to_prodigy
from ie.corpus.markup import parse_markup, to_markup
from ie.corpus.validate import validate_doc
from ie.docs import CorpusError, Document, Entity, Relation, read_jsonl, write_jsonl
from ie.text import tokenize

MARKUP = """### doc: demo
### meta: {"title": "Demo"}
BẮC NINH — [[Bac Ninh|PROVINCE|bn]] has [[16 industrial parks|FACILITY|g]] covering [[6,397.68 ha|AREA|a]] by [[2030|DATE|d]].

The [[Yen Phong Industrial Park II-A|FACILITY|y]] drew [[US$17.5 million|MONEY|m]] and [[VND4,128 billion|MONEY|m2]] in [[2021-25|DATE|d2]].
### relations
g LOCATED_IN bn
g HAS_AREA a
a DATE_OF d
y HAS_INVESTMENT m
y HAS_INVESTMENT m2
m DATE_OF d2
"""


def demo():
    return parse_markup(MARKUP, "demo.md")[0]


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


def bad_doc():
    text = "Bac Ninh has Que Vo IP in Que Vo district. Hai Phong grew."
    ents = [
        Entity("T1", 0, 8, "PROVINCE"),
        Entity("T2", 13, 22, "FACILITY"),
        Entity("T1", 26, 32, "FACILITY"),  # duplicate id
        Entity("T3", 200, 210, "DATE"),  # outside the text
        Entity("T4", 12, 22, "FACILITY"),  # outer whitespace
        Entity("T5", 26, 32, "DISTRICT"),  # unknown label
        Entity("T6", 4, 12, "PROVINCE"),  # overlaps T1
        Entity("T7", 1, 8, "PROVINCE"),  # not on a token boundary
        Entity("T8", 43, 52, "PROVINCE"),
        Entity("T9", 17, 22, "AREA"),
    ]
    rels = [
        Relation("T1", "T8", "LOCATED_IN"),  # PROVINCE -> PROVINCE not allowed
        Relation("T4", "T99", "LOCATED_IN"),  # missing id
        Relation("T9", "T8", "HAS_AREA"),  # wrong direction/types and crosses a sentence
        Relation("T2", "T8", "LOCATED_IN"),  # crosses a sentence
    ]
    return Document("bad", text, ents, rels, source="f.jsonl:7")


def test_validate_reports_every_problem_with_its_place():
    probs = [str(p) for p in validate_doc(bad_doc())]
    text = "\n".join(probs)
    for needle in ["f.jsonl:7(bad):T1: duplicate entity id", "T3: offsets 200-210 outside the text",
                   "T4: span ' Que Vo IP' has outer whitespace", "T5: unknown label 'DISTRICT'", "T6: overlaps",
                   "T7: span 'ac Ninh' is not aligned to token boundaries",
                   "LOCATED_IN does not allow PROVINCE -> PROVINCE", "missing entity id 'T99'",
                   "HAS_AREA does not allow AREA -> PROVINCE", "T2-LOCATED_IN->T8: relation crosses a sentence boundary"]:
        assert needle in text, needle
    assert all(p.startswith("f.jsonl:7(bad)") for p in probs)


def test_validate_cli_exit_codes(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    write_jsonl([demo()], good)
    assert main(["corpus", "validate", str(good)]) == 0
    bad = tmp_path / "bad.jsonl"
    write_jsonl([bad_doc()], bad)
    assert main(["corpus", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1(bad):T1: duplicate entity id" in out
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x"}\n{not json\n')
    assert main(["corpus", "validate", str(broken)]) == 1
    assert f"{broken}:2" in capsys.readouterr().err


def test_stats_counts(tmp_path, capsys):
    p = tmp_path / "c.jsonl"
    write_jsonl([demo()], p)
    assert main(["corpus", "stats", str(p), "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["documents"] == 1
    assert st["entities"]["MONEY"] == 2 and st["entities"]["total"] == 8
    assert st["relations"]["HAS_INVESTMENT"] == 2 and st["relations"]["total"] == 6


def _same(a: Document, b: Document):
    assert a.id == b.id and a.text == b.text
    assert sorted((e.start, e.end, e.label) for e in a.entities) == sorted((e.start, e.end, e.label) for e in b.entities)
    ea, eb = a.entity_map(), b.entity_map()
    ra = sorted(((ea[r.head].start, ea[r.tail].start, r.label) for r in a.relations))
    rb = sorted(((eb[r.head].start, eb[r.tail].start, r.label) for r in b.relations))
    assert ra == rb


def test_docbin_round_trip(tmp_path):
    d = demo()
    to_docbin([d], tmp_path / "c.spacy")
    back = from_docbin(tmp_path / "c.spacy")
    assert len(back) == 1
    _same(d, back[0])
    assert back[0].meta == {"title": "Demo"}


def test_prodigy_round_trip(tmp_path):
    d = demo()
    task = to_prodigy(d)
    assert {"text", "tokens", "spans", "relations"} <= set(task)
    assert task["relations"][0]["label"] == "LOCATED_IN"
    _same(d, from_prodigy(json.loads(json.dumps(task))))
    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps(task) + "\n")
    _same(d, read_any(p)[0])


def test_convert_cli_through_all_formats(tmp_path):
    src = tmp_path / "demo.md"
    src.write_text(MARKUP)
    assert main(["corpus", "convert", str(src), "--out", str(tmp_path / "a.spacy")]) == 0
    assert main(["corpus", "convert", str(tmp_path / "a.spacy"), "--out", str(tmp_path / "b.jsonl"), "--to", "prodigy"]) == 0
    assert main(["corpus", "convert", str(tmp_path / "b.jsonl"), "--out", str(tmp_path / "c.jsonl"), "--to", "jsonl"]) == 0
    _same(demo(), list(read_jsonl(tmp_path / "c.jsonl"))[0])


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


def test_seed_gold_is_valid_and_matches_the_seed_files(root):
    from tests.conftest import SHARED

    docs = list(read_jsonl(root / "corpus/gold/seeds.jsonl"))
    assert len(docs) == 5
    assert sum(len(d.entities) for d in docs) >= 250 and sum(len(d.relations) for d in docs) >= 80
    for d in docs:
        assert validate_doc(d) == []
        if SHARED.exists():
            assert d.text == (SHARED / "seeds" / f"{d.id}.txt").read_text(encoding="utf-8")


def test_seed_overlap_check_flags_copied_text_but_not_stock_phrases():
    from ie.corpus.coverage import seed_overlaps

    seeds = {"s": "the northern province eyes turning itself into an industrial locality following a modern orientation"}
    copied = Document("c", "Today the northern province eyes turning itself into an industrial locality following a plan.")
    stock = Document("k", "The Bac Ninh Provincial Planning for the period 2021-2030 with a vision to 2050 approved by the PM.")
    seeds["t"] = "under the Provincial Planning for the period 2021-2030 with a vision to 2050 approved by the Prime Minister"
    hits = seed_overlaps(seeds, [copied, stock])
    assert {h[0] for h in hits} == {"c"}


def test_training_corpus_shares_no_12_word_sequence_with_the_seeds(root):
    from tests.conftest import SHARED

    from ie.corpus.coverage import read_seed_texts, seed_overlaps
    from ie.corpus.reader import read_docs

    if not (SHARED / "seeds").exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    hits = seed_overlaps(read_seed_texts(SHARED / "seeds"), read_docs([root / "corpus/train"]))
    assert hits == []


def test_training_corpus_meets_the_size_targets(root):
    from ie.corpus.stats import corpus_stats
    from ie.corpus.reader import read_docs

    docs = list(read_docs([root / "corpus/train"]))
    human = [d for d in docs if not d.meta.get("synthetic")]
    st = corpus_stats(human)
    assert st["documents"] >= 200 and st["words"] >= 60000
    assert st["entities"]["total"] >= 6000 and st["relations"]["total"] >= 2000
    assert not any(d.id.startswith("0") and len(d.id) > 18 for d in docs)  # no seed ids
