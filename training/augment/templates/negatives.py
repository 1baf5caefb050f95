"""Hard negatives: regions, countries, decisions, lengths, durations, wages, unnamed places, border gates and stations, photo and proposal dates."""

from __future__ import annotations

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import (
    BORDER_GATES,
    COUNTRIES,
    DECADES,
    DISTRICTS,
    FACILITIES_BY_KIND,
    FACILITIES_BY_KIND_AND_PROVINCE,
    INVESTORS,
    MONTHS,
    PRODUCTS,
    PROVINCES,
    RAIL_STATIONS,
    REGION_OF,
)
from . import template


@template(0.9)
def region_negative(g: Phrases, s: Sentence):
    pc = g.draw_province()
    p = g.province(s, pc, "name")
    s.add(f", one of the leading FDI destinations in {REGION_OF[pc]}, " + g.pick(["attracted", "drew"]) + " ")
    m = g.money(s, "fdi")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.9)
def countries_negative(g: Phrases, s: Sentence):
    c1, c2 = g.rng.sample(COUNTRIES, 2)
    s.add(f"Investors from {c1} and {c2} accounted for {g.percent()} of the ")
    m = g.money(s, "fdi", ap=0)
    s.add(" registered in ")
    p = g.province(s, st="np")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.7)
def plan_decision_negative(g: Phrases, s: Sentence):
    s.add(f"Under {g.decision(pm=True)}, the Prime Minister approved ")
    g.province(s, st="plan")
    s.add(" for the ")
    s.entity(g._period_text("plan"), "DATE")
    s.add(" period, with a vision to ")
    s.entity(g.pick(["2050", "2045"]), "DATE")
    s.add(".")


@template(0.6)
def project_negative(g: Phrases, s: Sentence):
    s.add(f"A {g.pick(['1,500', '3,000', '4,800', '600', '1,200'])}-MW {g.pick(['LNG power plant', 'wind power', 'thermal power plant'])} project worth ")
    g.money(s, "infra")
    s.add(" has been proposed in ")
    g.province(s, st="np")
    s.add(".")  # project-owned figure: no relation


@template(0.9)
def length_negative(g: Phrases, s: Sentence):
    f = g.draw_facility(("EXPRESSWAY", "RAILWAY", "RINGROAD"))
    s.add(f"The {g.rng.randint(12, 380)}-km ")
    k = g.facility(s, f, art=False)
    s.add(" will cost ")
    m = g.money_maybe_converted(s, "infra", close=True)
    s.add(" and is due for completion ")
    d = g.date(s, "target")
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(k, "DATE_OF", d)


@template(0.8)
def unnamed_negative(g: Phrases, s: Sentence):
    pc = g.pick([p_ for p_ in PROVINCES if p_ in DISTRICTS])
    p = g.province(s, pc, "name")
    dist = g.district(pc)
    n = g.rng.randint(15, 120)
    art = "an" if str(n).startswith("8") or n in (11, 18) else "a"
    s.add(f" will build {art} {n}-km {g.pick(['expressway', 'road', 'dual carriageway'])} connecting {dist} "
        f"with {g.pick(['the provincial centre', 'its industrial zones', 'the national highway network'])} at a cost of ")
    g.money(s, "infra")
    s.add(".")  # an unnamed facility owns the figure: no relation
    _ = p


@template(0.8)
def duration_negative(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "CEZ", "HTP"))
    s.add("Investors in ")
    k = g.facility(s, f)
    p = None
    if g.chance(0.5):
        s.add(" in ")
        p = g.province(s, g.facility_province(f), "np")
    s.add(f" are offered land leases of {g.pick(['50', '70', '49'])} years and tax exemptions for "
        f"{g.pick(['four', 'two', 'five'])} years.")
    s.relate(k, "LOCATED_IN", p)


@template(1.0)
def typed_list_negative(g: Phrases, s: Sentence):
    kind = g.pick(["PORT", "EXPRESSWAY", "AIRPORT", "IP"])
    region = g.pick(sorted(set(REGION_OF.values())))
    pool = [f for f in FACILITIES_BY_KIND[kind] if f.bare_ok and REGION_OF[f.provinces[0]] == region]
    if len(pool) < 2:
        region = "the Red River Delta"
        pool = [f for f in FACILITIES_BY_KIND[kind] if f.bare_ok and REGION_OF[f.provinces[0]] == region]
    facs = g.rng.sample(pool, min(len(pool), g.pick([2, 3])))
    noun = {"PORT": "Seaports", "EXPRESSWAY": "Expressways", "AIRPORT": "Airports", "IP": "Industrial parks"}[kind]
    tail = {"PORT": ["handle most of the cargo of", "serve shippers across"],
            "EXPRESSWAY": ["have cut travel times across", "anchor growth in"],
            "AIRPORT": ["serve travellers across", "anchor tourism growth in"],
            "IP": ["attract investors from across", "anchor growth in"]}[kind]
    s.add(f"{noun} such as ")
    g.names_list(s, facs)
    s.add(f" {g.pick(tail)} {region}.")


@template(0.7)
def wage_negative(g: Phrases, s: Sentence):
    f = g.draw_facility("IP")
    s.add("Workers at ")
    g.facility(s, f)
    s.add(" earn about ")
    m = s.entity(g.pick([f"{round(g.rng.uniform(6, 12), 1)} million VND", f"VND {round(g.rng.uniform(6, 12), 1)} million"]),
            "MONEY")
    s.add(f" per person per month, {g.percent()} more than ")
    d = s.entity(str(g.rng.randint(2019, 2023)), "DATE")
    s.add(" levels.")  # the year is a comparison base, not the figure's date: no relation
    _ = (m, d)


@template(0.7)
def border_gate_negative(g: Phrases, s: Sentence):
    """Border-gate checkpoints are not FACILITY (D27); the figures they own get no HAS_*."""
    name, pc = g.pick(BORDER_GATES)
    gate = g.weighted([(f"{name} border gate", 4), (f"{name} International Border Gate", 1),
                (f"{name} international border gate", 2), (f"{name} border checkpoint", 1)])
    form = g.pick(["trade", "spend", "ez"])
    zones = FACILITIES_BY_KIND_AND_PROVINCE.get(("BGEZ", pc), [])
    if form == "ez" and zones:
        s.add(f"The {gate} is part of ")
        k = g.facility(s, g.pick(zones), art=True)
        s.add(" in ")
        p = g.province(s, pc, "np")
        s.add(".")
        s.relate(k, "LOCATED_IN", p)
        return
    if form == "spend":
        p = g.province(s, pc, "name")
        s.add(" will spend ")
        m = g.money(s, "small")
        s.add(f" upgrading the {gate} ")
        d = g.date(s, "fperiod")
        s.add(".")
        s.relate(m, "DATE_OF", d)  # spending on a checkpoint: no FACILITY owns it
        _ = p
        return
    s.add(g.pick(["Trade through the ", "Import-export turnover via the "]))
    s.add(gate + " in ")
    p = g.province(s, pc, "np")
    s.add(" " + g.pick(["reached", "totalled", "hit"]) + " ")
    m = g.money(s, "export")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(m, "DATE_OF", d)
    _ = p


@template(0.6)
def station_negative(g: Phrases, s: Sentence):
    """Railway stations are not FACILITY (D27); the railway line is."""
    name, pc = g.pick(RAIL_STATIONS)
    st = g.weighted([(f"{name} station", 3), (f"{name} railway station", 3), (f"{name} Railway Station", 1)])
    lines = [f for f in FACILITIES_BY_KIND["RAILWAY"] if pc in f.provinces and not f.fixed]
    if lines and g.chance(0.5):
        s.add("Freight trains on ")
        g.facility(s, g.pick(lines))
        s.add(f" will stop at {st}, where a new container yard is planned.")
        return
    p = g.province(s, pc, "name")
    s.add(" will spend ")
    m = g.money(s, "small")
    s.add(f" upgrading {st} ")
    d = g.date(s, "fperiod")
    s.add(".")
    s.relate(m, "DATE_OF", d)
    _ = p


@template(0.5)
def photo_negative(g: Phrases, s: Sentence):
    """The date of a photo is not a date of the facility (R4)."""
    f = g.draw_facility(("IP", "PORT", "EXPRESSWAY", "BRIDGE", "AIRPORT", "UA"))
    s.add(g.pick(["A view of ", "A corner of ", "An aerial view of "]))
    k = g.facility(s, f)
    s.add(" in ")
    p = g.province(s, g.facility_province(f), "np")
    s.add(", " + g.pick(["photographed", "pictured"]) + " in ")
    s.entity(f"{g.pick(MONTHS)} {g.rng.randint(2019, 2025)}", "DATE")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)


@template(0.5)
def proposal_negative(g: Phrases, s: Sentence):
    """The date of a proposal about a facility is not its date (R4)."""
    f = g.draw_facility(("AIRPORT", "PORT", "EXPRESSWAY", "IP", "BRIDGE"))
    if g.chance(0.5):
        s.add("In ")
        s.entity(f"{g.pick(MONTHS)} {g.rng.randint(2019, 2025)}", "DATE")
        s.add(", ")
        g.province(s, g.facility_province(f), "agency")
        s.add(" proposed " + g.pick(["upgrading", "expanding", "relocating"]) + " ")
        g.facility(s, f)
        s.add(".")  # an agency mention does not place the facility; the proposal date is not its date
        return
    g.facility(s, f, cap=True)
    s.add(" was first proposed in ")
    s.entity(str(g.rng.randint(2008, 2022)), "DATE")
    s.add(" and is still awaiting " + g.pick(["approval", "an investor", "funding"]) + ".")


@template(0.4)
def decade_negative(g: Phrases, s: Sentence):
    """Decades are not DATE (D55)."""
    f = g.draw_facility(("IP", "IP", "EPZ", "CEZ"))
    s.add(f"First planned in {g.pick(DECADES)}, ")
    k = g.facility(s, f, phase=False)
    s.add(" in ")
    p = g.province(s, g.facility_province(f), "np")
    s.add(" now covers ")
    a = g.area(s, "ez" if f.kind == "CEZ" else "ip")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)


@template(0.5)
def tenant_plot_negative(g: Phrases, s: Sentence):
    """A tenant's plot is not the facility's area (R2b)."""
    f = g.draw_facility(("IP", "IP", "HTP", "IC"))
    s.add(f"{g.pick(INVESTORS)} has leased ")
    if g.chance(0.5):
        s.add("a plot of ")
        g.area(s, "plot", ap=0)
        s.add(" in ")
    else:
        g.area(s, "plot", ap=0)
        s.add(" in ")
    k = g.facility(s, f, phase=False)
    p = None
    if g.chance(0.4):
        s.add(" in ")
        p = g.province(s, g.facility_province(f), "np")
    s.add(f" for a new {g.pick(PRODUCTS)} plant.")
    s.relate(k, "LOCATED_IN", p)
