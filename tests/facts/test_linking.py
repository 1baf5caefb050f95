from ie.facts.linking import analyse_facility, infer_document_province, resolve_document


def test_type_words_split_from_the_name():
    assert (analyse_facility("the VSIP Bac Ninh Industrial Park").core,
            analyse_facility("the VSIP Bac Ninh Industrial Park").type) == ("vsip bac ninh", "industrial_park")
    assert analyse_facility("Que Vo II Industrial Park – Phase 2").core == "que vo ii phase 2"
    assert analyse_facility("Yen Phong Industrial Park II-A").core == "yen phong ii a"
    assert analyse_facility("KCN Yên Phong").core == analyse_facility("Yen Phong IP").core == "yen phong"
    # same core, different types: different facilities
    airport, zone = analyse_facility("Van Don International Airport"), analyse_facility("Van Don coastal economic zone")
    assert airport.core == zone.core == "van don" and (airport.type, zone.type) == ("airport", "economic_zone")
    assert analyse_facility("National Highway 4B").core == "national highway 4b"


def test_counted_groups_and_generic_mentions_are_not_named():
    assert analyse_facility("16 concentrated industrial parks").kind == "group"
    assert analyse_facility("six IPs").count is None and analyse_facility("six IPs").kind == "group"
    assert analyse_facility("17 export processing zones and industrial parks").kind == "group"
    assert analyse_facility("These economic").kind == "generic"
    assert analyse_facility("International Airport").kind == "generic"
    assert analyse_facility("Dong Mai").kind == "named"


def test_acronyms_and_short_forms_resolve_within_an_article():
    text = "Nghi Son Economic Zone (NSEZ) grew. NSEZ and VSIP Hai Phong lead; VSIP gained, Nghi Son too."
    ents = [{"id": str(i), "start": text.index(s), "end": text.index(s) + len(s)} for i, s in enumerate(
        ["Nghi Son Economic Zone", "NSEZ and", "VSIP Hai Phong", "VSIP gained", "Nghi Son too"])]
    for e, cut in zip(ents, [0, 4, 0, 4, 8]):  # trim the helper words back off
        if cut:
            e["end"] = e["start"] + cut
    r = resolve_document(text, ents)
    assert (r["1"].core, r["1"].type, r["1"].how) == ("nghi son", "economic_zone", "acronym")
    assert (r["3"].core, r["3"].how) == ("vsip hai phong", "short form")
    assert (r["4"].core, r["4"].type, r["4"].how) == ("nghi son", "economic_zone", "same name")


def test_ambiguous_short_form_stays_unresolved():
    text = "VSIP Bac Ninh and VSIP Hai Phong grew; VSIP plans more."
    ents = [{"id": "a", "start": 0, "end": 13}, {"id": "b", "start": 18, "end": 32}, {"id": "c", "start": 39, "end": 43}]
    assert resolve_document(text, ents)["c"].core == "vsip"


def test_document_province_from_dateline_headline_or_the_only_province():
    text = "VĨNH LONG — The province approved ..."
    p = infer_document_province(text, [(0, 9, "Vinh Long", "Vinh Long")])
    assert (p.method, p.evidence) == ("dateline", "VĨNH LONG —")
    text = "Can Tho opens a park\n\nCan Tho and Hau Giang will merge; Hau Giang has parks."
    p = infer_document_province(text, [(0, 7, "Can Tho", "Can Tho"), (22, 29, "Can Tho", "Can Tho"),
                                       (34, 43, "Hau Giang", "Can Tho"), (56, 65, "Hau Giang", "Can Tho")])
    assert p.method == "headline" and p.province == "Can Tho"
    text = "Parks grow\n\nCan Tho and Hau Giang will merge."
    assert infer_document_province(text, [(12, 19, "Can Tho", "Can Tho"), (24, 33, "Hau Giang", "Can Tho")]) is None
