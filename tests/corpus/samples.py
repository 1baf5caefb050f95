"""Sample documents shared by the corpus tests."""

from ie.corpus.markup import parse_markup
from ie.docs import Document, Entity, Relation

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


def same_document(a: Document, b: Document):
    assert a.id == b.id and a.text == b.text
    assert sorted((e.start, e.end, e.label) for e in a.entities) == sorted((e.start, e.end, e.label) for e in b.entities)
    ea, eb = a.entity_map(), b.entity_map()
    ra = sorted(((ea[r.head].start, ea[r.tail].start, r.label) for r in a.relations))
    rb = sorted(((eb[r.head].start, eb[r.tail].start, r.label) for r in b.relations))
    assert ra == rb
