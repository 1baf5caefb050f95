"""Figures of one named facility: area, investment, rents, openings, occupancy, phases."""

from __future__ import annotations

from ie.gazetteer import lookup_province

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import (
    ABBREVIATED_FACILITIES,
    COMPANIES,
    DISTRICTS,
    FACILITIES,
    FACILITIES_BY_KIND_AND_PROVINCE,
    FACILITY_KINDS,
    INDUSTRIES,
    MERGED_OLD_UNITS,
    MONTHS,
    URBAN_AREA_DEVELOPERS,
)
from . import template
from .province_figures import former_investment


@template(1.5)
def facility_area_location(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "IC", "CEZ", "BGEZ", "EPZ", "HTP", "UA", "HTAP"))
    pc = g.facility_province(f)
    k = g.facility(s, f, cap=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" " + g.pick(["covers", "spans", "has a total area of", "occupies"]) + " ")
    a = g.area(s, {"IC": "ic", "CEZ": "ez", "BGEZ": "ez", "UA": "ua"}.get(f.kind, "ip"))
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)


@template(1.2)
def facility_adjectival_area(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "CEZ", "UA", "IC"))
    pc = g.facility_province(f)
    s.add("The ")
    a = g.area(s, {"IC": "ic", "CEZ": "ez", "UA": "ua"}.get(f.kind, "ip"), adj=True)
    s.add(" ")
    k = g.facility(s, f, art=False)
    dists = [x for x in DISTRICTS.get(pc, []) if f.core.startswith(x.rsplit(" ", 1)[0])]
    dist = g.pick(dists) if dists else None
    if dist and g.chance(0.8):
        s.add(f", located in {dist}, ")
        p = g.province(s, pc, "name")
        s.add(",")
    else:
        s.add(" in ")
        p = g.province(s, pc, "np")
    s.add(f" is {g.percent()} occupied.")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)


@template(1.3)
def facility_investment_possessive(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "CEZ", "HTP", "EPZ", "BGEZ"))
    pc = g.facility_province(f)
    if pc in f.canonical:  # "VSIP Bac Ninh in Bac Ninh" rather than "Bac Ninh's VSIP Bac Ninh"
        k = g.facility(s, f)
        s.add(" in ")
        p = g.province(s, pc, "np")
    else:
        p = g.province(s, pc, "poss")
        s.add(" ")
        k = g.facility(s, f, art=False)
    s.add(" " + g.pick(["attracted", "drew", "registered", "secured"]) + " ")
    m = g.money_maybe_converted(s, "fac")
    s.add(" " + g.pick(["in investment", "of new capital", "in FDI", "in registered capital"]) + " ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def land_rent(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "IC", "CEZ"))
    pc = g.facility_province(f)
    s.add("Land rent at ")
    k = g.facility(s, f, art=False)
    s.add(" in ")
    p = g.province(s, pc, "np")
    if g.chance(0.25):  # "from US$A to US$B": two spans, each with the same relations (D34)
        s.add(" ranges from ")
        v = g.rng.randint(55, 200)
        cur = g.pick(["US$", "$", "USD "])
        m = [s.entity(f"{cur}{v}", "MONEY")]
        s.add(" to ")
        m.append(s.entity(f"{cur}{v + g.rng.randint(10, 60)}", "MONEY"))
        s.add(g.pick([" per square metre per lease term", " per square metre", " per m2 for the whole lease term"]))
    else:
        s.add(" averages ")
        m = g.rate(s, "lease")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_VALUE", m)  # rent charged by the park (R3)


@template(0.8)
def factory_rent(g: Phrases, s: Sentence):
    f = g.draw_facility("IP")
    s.add("Ready-built factories in ")
    k = g.facility(s, f)
    s.add(" rented for ")
    m = g.rate(s, "month", ap=0.2)
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def production_value(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "CEZ", "EPZ", "HTP"))
    s.add(g.pick(["Production value of ", "Industrial output of ", "Export value of enterprises in ", "Revenue of "]))
    k = g.facility(s, f)
    s.add(" " + g.pick(["reached", "hit", "totalled"]) + " ")
    m = g.money_maybe_converted(s, "export")
    s.add(" ")
    d = g.date(s, "pastp")
    s.add(f", up {g.percent()}.")
    s.relate(k, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.1)
def opened(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "EXPRESSWAY", "BRIDGE", "AIRPORT", "PORT", "CEZ", "IC", "UA", "LOG", "ICD"))
    k = g.facility(s, f, cap=True)
    p = None
    if g.chance(0.5):
        s.add(" in ")
        p = g.province(s, g.facility_province(f), "np")
    verb = {"EXPRESSWAY": ["was opened to traffic", "opened"], "BRIDGE": ["was opened to traffic", "was inaugurated"],
            "AIRPORT": ["went into operation", "was inaugurated"], "PORT": ["received its first vessel", "opened"],
            "LOG": ["went into operation", "opened"], "ICD": ["went into operation", "opened"]}
    vs = verb.get(f.kind, ["was established", "was put into operation", "was inaugurated"])
    if g.chance(0.2):  # a groundbreaking is a status change too (R4)
        vs = ["broke ground", "started construction"]
    s.add(" " + g.pick(vs) + " ")
    d = g.date(s, "status")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)


@template(0.9)
def approved(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "IC", "UA"))
    pc = g.facility_province(f)
    k = g.facility(s, f, cap=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" was approved ")
    d = g.date(s, "day")
    s.add(f" under {g.decision(approve=True)}.")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)


@template(0.8)
def expansion(g: Phrases, s: Sentence):
    f = g.draw_facility("IP")
    pc = g.facility_province(f)
    s.add("The ")
    k = g.facility(s, f, art=False, phase=False)
    s.add(" expansion in ")
    p = g.province(s, pc, "np")
    s.add(" was approved in ")
    d = s.entity(f"{g.pick(MONTHS)} {g.rng.randint(2019, 2024)}", "DATE")
    s.add(f", adding {g.rng.randint(20, 140)} plots for investors.")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)


@template(0.9)
def hitech_park_projects(g: Phrases, s: Sentence):
    f = g.draw_facility(("HTP", "EPZ", "IP", "CEZ"))
    k = g.facility(s, f, cap=True)
    s.add(f" has attracted {g.project_count()} with total registered capital of ")
    m = g.money_maybe_converted(s, "fac")
    s.add(" ")
    d = g.date(s, "asof")
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def economic_zone_established(g: Phrases, s: Sentence):
    f = g.draw_facility(("CEZ", "BGEZ", "CEZ"))
    s.add("Established ")
    d = g.date(s, "status")
    s.add(", ")
    k = g.facility(s, f)
    s.add(" now covers ")
    a = g.area(s, "ez")
    s.add(f" of {g.pick(['land and water surface', 'land', 'land and sea'])}.")
    s.relate(k, "DATE_OF", d)
    s.relate(k, "HAS_AREA", a)


@template(0.8)
def economic_zone_square_km(g: Phrases, s: Sentence):
    f = g.draw_facility(("CEZ", "BGEZ", "CBZ", "FTZ"))
    k = g.facility(s, f, cap=True)
    s.add(" " + g.pick(["spans", "covers", "stretches over"]) + " ")
    a = g.area(s, "ez")
    s.add(f" and is planned as a {g.pick(['national', 'regional', 'dynamic'])} growth pole.")
    s.relate(k, "HAS_AREA", a)


@template(0.8)
def urban_area(g: Phrases, s: Sentence):
    f = g.draw_facility("UA", local=0.3)
    pc = f.provinces[0]
    s.add("The ")
    a = g.area(s, "ua", adj=True)
    s.add(" ")
    k = g.facility(s, f, art=False)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(f" is being developed by {g.pick(URBAN_AREA_DEVELOPERS)}.")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)


@template(0.9)
def occupancy(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "IC", "HTP"))
    pc = g.facility_province(f)
    k = g.facility(s, f, cap=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(f" has attracted {g.project_count()} and reached an occupancy rate of {g.percent()}")
    if g.chance(0.25):  # a holiday is not DATE (D55)
        s.add(g.pick([", with more tenants expected after Tet", ", and new tenants will move in after Tet"]))
    s.add(".")
    s.relate(k, "LOCATED_IN", p)


@template(0.9)
def phase_target(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "UA"), bare=True)
    s.add("The ")
    k = s.entity(f"{g.bare_name(f)} {g.weighted(FACILITY_KINDS[f.kind]['singular'])} {g.pick(['– Phase 2', '- Phase II', '– Phase 3', 'Phase 2'])}"
            if not f.suffix else g.facility_surface(f), "FACILITY")
    s.add(" " + g.pick(["is expected to be completed", "will be handed over to investors", "will be operational"]) + " ")
    d = g.date(s, "target")
    s.add(".")
    s.relate(k, "DATE_OF", d)


@template(0.7)
def cluster_area(g: Phrases, s: Sentence):
    f = g.draw_facility("IC")
    k = g.facility(s, f, cap=True)
    s.add(" covers ")
    a = g.area(s, "ic")
    s.add(f" and is reserved for {g.pick(INDUSTRIES)}.")
    s.relate(k, "HAS_AREA", a)


@template(0.7)
def facility_possessive_occupancy(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "HTP", "EPZ"))
    s.add("Of ")
    k = g.facility(s, f)
    s.add("'s ")
    a = g.area(s, "ip", ap=0)
    s.add(f" of industrial land, {g.percent()} has been leased.")
    s.relate(k, "HAS_AREA", a)


@template(0.6)
def logistics_square_metres(g: Phrases, s: Sentence):
    f = g.draw_facility(("LOG", "ICD"), local=0.3)
    pc = f.provinces[0]
    k = g.facility(s, f, cap=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" " + g.pick(["covers", "occupies"]) + " ")
    a = g.area(s, "sqm")
    s.add(f" and handles cargo for {g.pick(COMPANIES[:20])} and other tenants.")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)


@template(0.6)
def abbreviation(g: Phrases, s: Sentence):
    full, _abbr, pc = g.pick(ABBREVIATED_FACILITIES)
    k = s.entity(full, "FACILITY")
    s.add(f" ({_abbr}) in ")
    p = g.province(s, pc, "np")
    s.add(" " + g.pick(["was set up", "was established", "opened"]) + " ")
    d = g.date(s, "status")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)


@template(0.7)
def district_facility(g: Phrases, s: Sentence):
    pc = g.pick([p for p in DISTRICTS if FACILITIES_BY_KIND_AND_PROVINCE.get(("IP", p))])
    f = g.draw_facility("IP", prov=pc)
    dist = g.district(pc)
    base, _, unit = dist.rpartition(" ")
    if unit in ("district", "town") and lookup_province(base) is None and g.chance(0.4):
        dist = base  # a district or town name without a facility noun is not tagged ("in Yen Phong", D28)
    s.add(f"Land funds in {dist} are limited, so ")
    p = g.province(s, pc, "name")
    s.add(" is extending ")
    k = g.facility(s, f)
    s.add(" by ")
    a = g.area(s, "small", ap=0)
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    _ = a  # the added land measures the extension, not the whole park


@template(0.7)
def cross_border_zone_target(g: Phrases, s: Sentence):
    f = g.draw_facility(("CBZ", "FTZ", "BGEZ"))
    pc = g.facility_province(f)
    p = g.province(s, pc, "name")
    s.add(" " + g.pick(["wants to launch", "hopes to open", "plans to pilot"]) + " ")
    k = g.facility(s, f)
    s.add(" ")
    d = g.date(s, "target")
    s.add(", with an initial budget of ")
    m = g.money(s, "fac")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)
    s.relate(k, "HAS_INVESTMENT", m)


@template(0.6)
def facility_value_rate(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IC"))
    s.add("Management fees at ")
    k = g.facility(s, f)
    s.add(" are ")
    self_m = s.entity(g.pick([f"US${round(g.rng.uniform(0.3, 1.2), 2)}", f"VND {g.rng.randint(8, 30)},000"]), "MONEY")
    s.add(" per square metre per year, while water costs ")
    m2 = s.entity(f"VND {g.rng.randint(9, 25)},{g.pick(['000', '500'])}", "MONEY")
    s.add(" per cubic metre.")
    s.relate(k, "HAS_VALUE", [self_m, m2])


@template(1.0)
def former_location(g: Phrases, s: Sentence):
    new = g.pick(list(MERGED_OLD_UNITS))
    old = g.pick(MERGED_OLD_UNITS[new])
    cands = [f for f in FACILITIES if old in f.provinces and f.kind in ("IP", "CEZ", "BGEZ", "IC", "HTAP", "PORT")]
    if not cands:
        return former_investment(g, s)
    f = g.pick(cands)
    k = g.facility(s, f, cap=True)
    s.add(", in the former ")
    po = g.province(s, old, "name")
    s.add(" province, now part of ")
    pn = g.province(s, new, "name")
    s.add(", " + g.pick(["covers", "spans"]) + " ")
    a = g.area(s, "ez" if f.kind in ("CEZ", "BGEZ") else "ip")
    s.add(".")
    s.relate(k, "LOCATED_IN", [po, pn])
    s.relate(k, "HAS_AREA", a)
