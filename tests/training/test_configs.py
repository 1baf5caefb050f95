"""Training configs: every shipped config loads, each ablation arm differs from the default
in the one block it names, and a misspelled setting is refused when the config is read
(not minutes later, when the perturbed views are built)."""

import json
from pathlib import Path

import pytest

from ie.corpus.perturb import PerturbSettings, perturb
from ie.training import load_config

CONFIGS = Path(__file__).resolve().parents[2] / "training" / "configs"
ARMS = sorted(CONFIGS.glob("ablation_*.json"))


def test_there_are_arms_for_each_single_perturbation():
    names = {p.stem.removeprefix("ablation_") for p in ARMS}
    assert {"no_augment", "no_mention", "no_type_words", "no_case_diacritics"} <= names


@pytest.mark.parametrize("path", ARMS, ids=lambda p: p.stem)
def test_an_arm_changes_only_what_it_names(path):
    default, arm = load_config(CONFIGS / "six_layers.json"), load_config(path)  # the config the arms were run on
    raw = json.loads(path.read_text())
    for section in ("model", "training", "data"):
        if section not in raw:
            assert arm[section] == default[section]
        else:
            changed = {k for k in arm[section] if arm[section][k] != default[section].get(k)}
            assert changed and changed <= set(raw[section])


def test_single_perturbation_arms_switch_off_only_their_probabilities():
    base = PerturbSettings()
    expect = {"no_mention": {"mention"}, "no_type_words": {"type_words"},
              "no_case_diacritics": {"headline_caps", "strip_diacritics", "add_diacritics"}}
    for arm, off in expect.items():
        aug = dict(load_config(CONFIGS / f"ablation_{arm}.json")["data"]["augment"])
        assert aug.pop("views") == 1
        aug.pop("seed")
        s = PerturbSettings(**aug)
        for name in base.__dataclass_fields__:
            if name in off:
                assert getattr(s, name) == 0.0
            else:
                assert getattr(s, name) == getattr(base, name) > 0


def test_a_zero_probability_never_applies_that_perturbation():
    import random

    from ie.corpus.perturb import PerturbLexicon
    from ie.docs import Document, Entity

    text = "Hanoi plans Thang Long Industrial Park."
    assert text[12:38] == "Thang Long Industrial Park"
    doc = Document(id="d", text=text, entities=[Entity(id="T1", label="FACILITY", start=12, end=38)], relations=[])
    lex = PerturbLexicon.load()
    off = PerturbSettings(mention=0.0, type_words=0.0, headline_caps=0.0, strip_diacritics=0.0, add_diacritics=0.0)
    for seed in range(20):
        assert perturb(doc, lex, random.Random(seed), off).text == text


def test_unknown_augment_setting_is_refused_with_the_file_named(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"base": str(CONFIGS / "default.json"),
                               "data": {"augment": {"views": 1, "mentions": 0.0}}}))
    with pytest.raises(ValueError, match=r"bad\.json.*'mentions'"):
        load_config(bad)
