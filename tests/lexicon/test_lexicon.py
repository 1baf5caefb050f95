from decimal import Decimal

from ie import lexicon


def test_provinces_and_merger_map():
    provs = lexicon.provinces()
    assert len(provs) == 63
    assert provs["Bac Giang"] == ("Bắc Giang", "Bac Ninh")
    assert len({post for _, post in provs.values()} | {"Hue"}) == 34
    for form, name in lexicon.province_variants(include_lookup_only=True).items():
        assert name in provs, form
    assert "Ho Chi Minh" not in lexicon.province_variants()
    assert lexicon.province_variants(include_lookup_only=True)["Ho Chi Minh"] == "Ho Chi Minh City"


def test_each_word_list_has_no_repeats():
    said = [a for a, _ in lexicon.approximators()]
    assert len(said) == len(set(said))
    assert dict(lexicon.approximators())["close to"] == "nearly"
    for key in ("facility_type_words", "facility_type_names", "months", "below_province_words"):
        words = lexicon._words()[key]
        assert len(words) == len(set(words)), key


def test_units_numbers_and_money():
    assert dict((f, p) for p, f in lexicon.area_units())[Decimal("100")].startswith("(?:sq")
    assert lexicon.months()["sept"] == 9 and lexicon.months()["dec"] == 12
    assert lexicon.month_names()[0] == "January"
    assert "half" not in lexicon.number_words() and lexicon.number_words(in_amounts=True)["half"] == 0.5
    assert lexicon.magnitudes()["billion"] == 10**9
    assert lexicon.magnitude_feature_words() <= set(lexicon.magnitudes())
    assert [code for _, code in lexicon.currencies()][:2] == ["USD", "VND"]
    assert {"usd", "$", "dong"} <= lexicon.currency_words()
    assert {"ha", "km2"} <= lexicon.area_unit_words()


def test_edge_punctuation_sets():
    edge = lexicon.edge_punctuation()
    assert edge["never_at_either_edge"] <= edge["trimmed_from_predicted_spans"]
    assert "." in edge["never_last"] and "." not in edge["never_first"]


def test_facility_names_read_every_tsv(tmp_path):
    fac = tmp_path / "facilities"
    fac.mkdir()
    (fac / "b.tsv").write_text("name\ttype\tprovince\taliases\nVSIP II\tindustrial park\tBinh Duong\tVSIP 2| VSIP-II\n"
                               "\t\t\t\n", encoding="utf-8")
    (fac / "a.tsv").write_text("name\ttype\tprovince\taliases\nCai Mep port\tport\tBa Ria-Vung Tau\t\n", encoding="utf-8")
    (fac / "notes.txt").write_text("ignored", encoding="utf-8")
    got = lexicon.facility_names(tmp_path)
    assert [f.name for f in got] == ["Cai Mep port", "VSIP II"]
    assert got[0].aliases == () and got[1].aliases == ("VSIP 2", "VSIP-II")
    assert got[1].type == "industrial park" and got[1].province == "Binh Duong"


def test_data_files_cover_the_lexicon():
    names = {p.name for p in lexicon.data_files()}
    assert {"provinces.tsv", "province_variants.tsv", "words.json"} <= names
    assert all(p.suffix in (".tsv", ".json") for p in lexicon.data_files())


def test_rule_grammar_words_are_known_vocabulary():
    g = lexicon.rule_grammar()
    assert set(g["written_magnitudes"]) <= set(lexicon.magnitudes())
    numbers = lexicon.number_words(in_amounts=True)
    assert all(w.split()[0] in numbers for w in g["spelled_amounts"] + g["spelled_counts_extra"])
    assert "_about" not in g
