"""The rule baseline (ie.components.rules): counted groups, the nearest province for
LOCATED_IN, and its score on the seed gold pinned count by count."""

import pytest

from ie.components.rules import rule_entities, rules_pipeline


@pytest.fixture(scope="module")
def nlp():
    return rules_pipeline()


def spans(text, label=None):
    return [text[s:e] for s, e, lab in rule_entities(text) if label in (None, lab)]


@pytest.mark.parametrize("group", [
    "12 new industrial clusters", "3 border-gate economic zones", "66 clusters", "13 more industrial parks",
    "29 new industrial clusters", "five IPs", "thirteen IPs", "sixteen EZs", "twenty hi-tech parks", "2 seaports",
    "4 airports", "10 urban areas", "6 concentrated industrial zones", "9 ICs",
])
def test_counted_groups_are_one_facility_span(group):
    text = f"Hai Phong plans {group} by 2030."
    assert spans(text, "FACILITY") == [group]


def test_words_before_the_number_are_outside_and_a_bare_number_is_nothing():
    assert spans("the remaining five IPs", "FACILITY") == ["five IPs"]
    assert spans("raising the total to 29 this year.", "FACILITY") == []


def test_a_counted_group_is_located_in_the_province_of_its_sentence(nlp):
    doc = nlp("Hai Phong plans 12 new industrial clusters. Bac Ninh has 16 industrial parks.")
    rels = {(h.text, lab, t.text) for h, t, lab, _ in doc._.relations}
    assert rels == {("12 new industrial clusters", "LOCATED_IN", "Hai Phong"),
                    ("16 industrial parks", "LOCATED_IN", "Bac Ninh")}
    norms = {e.text: e._.norm for e in doc.ents if e.label_ == "FACILITY"}
    assert norms["12 new industrial clusters"]["count"] == 12


@pytest.mark.parametrize("text,province", [
    # nearest by token distance between the starts of the two spans
    ("Long An has Que Vo Industrial Park while Bac Ninh and Hai Phong wait.", "Long An"),
    ("Officials said Bac Ninh, Long An and Hai Phong grew and Que Vo Industrial Park too.", "Hai Phong"),
    ("Bac Ninh and Hai Phong and Long An: the VSIP Industrial Park is in Long An.", "Long An"),
])
def test_located_in_takes_the_nearest_province(nlp, text, province):
    doc = nlp(text)
    located = [(h.text, t.text) for h, t, lab, _ in doc._.relations if lab == "LOCATED_IN"]
    assert len(located) == 1 and located[0][1] == province
    assert sum(e.label_ == "PROVINCE" for e in doc.ents) >= 3


def test_located_in_never_leaves_the_sentence(nlp):
    doc = nlp("Bac Ninh grew fast. The Que Vo Industrial Park opened.")
    assert [lab for _, _, lab, _ in doc._.relations] == []


# The rule baseline on the five seed articles (README "rule baseline" row, scored with
# ie.evaluation.scoring as `ie evaluate` does). A deliberate change to the grammars updates
# these counts and README together.
SEED_ENTITIES = {"PROVINCE": (89, 3, 0), "FACILITY": (44, 7, 17), "MONEY": (35, 0, 0), "AREA": (15, 0, 0),
                 "DATE": (54, 1, 1)}
SEED_RELATIONS = {"LOCATED_IN": (22, 8, 7), "HAS_AREA": (13, 2, 0), "HAS_INVESTMENT": (5, 2, 0), "HAS_VALUE": (0, 0, 2),
                  "DATE_OF": (14, 5, 19)}


def test_pinned_seed_score_of_the_rule_baseline(root, nlp):
    from ie.docs import read_jsonl
    from ie.evaluation.predict import predict_documents
    from ie.evaluation.scoring import score

    gold = list(read_jsonl(root / "corpus" / "gold" / "seeds.jsonl"))
    r = score(gold, predict_documents("rules", gold, nlp=nlp), with_errors=False)
    ents, rels = r["entities"]["strict"], r["relations"]["strict"]
    assert {lab: (c["tp"], c["fp"], c["fn"]) for lab, c in ents["per_label"].items()} == SEED_ENTITIES
    assert {lab: (c["tp"], c["fp"], c["fn"]) for lab, c in rels["per_label"].items()} == SEED_RELATIONS
    assert (ents["micro"]["f1"], rels["micro"]["f1"]) == (0.9423, 0.7059)  # README: 0.942 / 0.706
    assert r["entities"]["lenient"]["micro"]["tp"] == 240
