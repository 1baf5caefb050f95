"""Roads, railways, bridges, ports and airports: costs, routes, capacities."""

from __future__ import annotations

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import FACILITIES, FACILITIES_BY_KIND
from . import template


@template(1.3)
def infrastructure_cost_target(g: Phrases, s: Sentence):
    f = g.draw_facility(("EXPRESSWAY", "EXPRESSWAY", "BRIDGE", "RINGROAD", "RAILWAY", "AIRPORT", "PORT"))
    k = g.facility(s, f, cap=True)
    s.add(", with total investment of ")
    m = g.money_maybe_converted(s, "infra", ap=0.3)
    verb = {"AIRPORT": "go into operation", "PORT": "receive its first ships", "RAILWAY": "begin operation"}.get(
        f.kind, "open to traffic")
    s.add(f", is scheduled to {verb} ")
    d = g.date(s, "target")
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(k, "DATE_OF", d)  # the facility's target date, not the figure's


@template(1.2)
def linear_two_provinces(g: Phrases, s: Sentence):
    f = g.draw_facility(("EXPRESSWAY", "EXPRESSWAY", "RAILWAY", "BRIDGE", "HIGHWAY"), multi=True)
    p1c, p2c = g.rng.sample(list(f.provinces), 2)
    k = g.facility(s, f, cap=True)
    s.add(" " + g.pick(["linking", "connecting", "running through"]) + " ")
    p1 = g.province(s, p1c, "name")
    s.add(" and ")
    p2 = g.province(s, p2c, "name")
    s.add(f" is {g.percent()} complete.")
    s.relate(k, "LOCATED_IN", [p1, p2])


@template(0.8)
def runs_through(g: Phrases, s: Sentence):
    cands = [f for f in FACILITIES if f.kind in ("RINGROAD", "HIGHWAY", "EXPRESSWAY", "RAILWAY") and len(f.provinces) >= 3]
    f = g.pick(cands)
    pcs = g.rng.sample(list(f.provinces), 3)
    k = g.facility(s, f, cap=True)
    if f.kind == "RINGROAD" and f.core in ("4", "5") and g.chance(0.5):
        s.add(" of the Hanoi Capital Region")  # a province name inside a regional name is not tagged (D16)
    s.add(" " + g.pick(["runs through", "passes through", "crosses"]) + " ")
    ps = []
    for i, pc in enumerate(pcs):
        if i:
            s.add(" and " if i == 2 else ", ")
        ps.append(g.province(s, pc, "name"))
    s.add(".")
    s.relate(k, "LOCATED_IN", ps)


@template(0.7)
def airport_capacity(g: Phrases, s: Sentence):
    f = g.draw_facility("AIRPORT")
    k = g.facility(s, f, cap=True)
    cap_ = g.rng.randint(5, 50) if f.international else g.rng.randint(1, 5)
    s.add(f", designed to handle {cap_} million passengers a year, will cost ")
    m = g.money(s, "infra")
    s.add(" in its first phase.")
    s.relate(k, "HAS_INVESTMENT", m)


@template(0.6)
def port_throughput(g: Phrases, s: Sentence):
    f = g.draw_facility("PORT")
    k = g.facility(s, f, cap=True)
    s.add(f" handled {round(g.rng.uniform(0.5, 60), 1)} million tonnes of cargo ")
    g.date(s, "past")
    s.add(f", {g.percent()} more than a year earlier.")  # a throughput figure is not a status date
    _ = k


@template(0.9)
def infrastructure_spend(g: Phrases, s: Sentence):
    lettered = g.chance(0.3)
    if lettered:  # a highway with a letter ending the sentence ("National Highway 8A.") splits cleanly now
        f = g.weighted([(h, 3 if h.core == "8A" else 1) for h in FACILITIES_BY_KIND["HIGHWAY"] if h.core[-1].isalpha()])
    else:
        f = g.draw_facility(("EXPRESSWAY", "RINGROAD", "BRIDGE", "HIGHWAY", "PORT", "AIRPORT"))
    pc = g.facility_province(f)
    p = g.province(s, pc, "name")
    s.add(" will spend ")
    m = g.money_maybe_converted(s, "infra")
    verbs = ["upgrading", "expanding"] + ([] if f.kind == "HIGHWAY" else ["building", "completing"])
    if lettered:
        s.add(" ")
        d = g.date(s, "fperiod")
        s.add(" on " + g.pick(verbs) + " ")
        s.provinces.append(pc)
        k = s.entity(f"National Highway {f.core}", "FACILITY")
    elif g.chance(0.5):  # the construction spending is HAS_INVESTMENT of the facility (R3)
        s.add(" on " + g.pick(verbs) + " ")
        k = g.facility(s, f)
        s.add(" ")
        d = g.date(s, "fperiod")
    else:
        s.add(" ")
        d = g.date(s, "fperiod")
        s.add(" on " + g.pick(verbs) + " ")
        k = g.facility(s, f)
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def between(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "PORT", "AIRPORT", "CEZ"))
    s.add("Between ")
    a = g.pick([2021, 2026])
    d = s.entity(f"{a} and {a + 4}", "DATE")
    s.add(", ")
    k = g.facility(s, f)
    s.add(" will need ")
    m = g.money(s, "fac")
    s.add(" for upgrades.")
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.7)
def hanoi_capital_highway(g: Phrases, s: Sentence):
    f = g.draw_facility(("HIGHWAY", "RINGROAD"))
    pc = g.facility_province(f)
    s.add("Traffic on ")
    k = g.facility(s, f)
    s.add(" through ")
    p = g.province(s, pc, "np")
    s.add(f" has risen {g.percent()} since the widening was completed in ")
    d = s.entity(str(g.rng.randint(2015, 2024)), "DATE")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)


@template(0.7)
def airport_pair(g: Phrases, s: Sentence):
    f = g.draw_facility("AIRPORT")
    pc = f.provinces[0]
    s.add("Passenger numbers at ")
    k = g.facility(s, f)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" rose " + g.percent() + " ")
    g.date(s, "past")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)


@template(0.6)
def section(g: Phrases, s: Sentence):
    """'the Hung Yen section of Ring Road 4' places the road in Hung Yen (R1a)."""
    f = g.draw_facility(("EXPRESSWAY", "RINGROAD", "RINGROAD", "HIGHWAY", "RAILWAY"), multi=True)
    pc = g.facility_province(f)
    s.add(g.pick(["The ", "Site clearance for the ", "Construction of the ", "Work on the "]))
    p = g.province(s, pc, "name")
    s.add(" section of ")
    k = g.facility(s, f)
    s.add(f" is {g.percent()} complete.")
    s.relate(k, "LOCATED_IN", p)


@template(0.7)
def link_end(g: Phrases, s: Sentence):
    """A road linking two provinces is LOCATED_IN both (R1a); the sentence ends in a province name,
    often "Son La." (a full stop the project tokenizer now splits off)."""
    sonla = [f for f in FACILITIES if f.kind in ("EXPRESSWAY", "HIGHWAY") and "Son La" in f.provinces and len(f.provinces) > 1]
    if g.chance(0.4):
        f = g.pick(sonla)
        p2c = "Son La"
        p1c = g.pick([x for x in f.provinces if x != "Son La"])
    else:
        f = g.draw_facility(("EXPRESSWAY", "HIGHWAY", "RAILWAY", "BRIDGE"), multi=True)
        p1c, p2c = g.rng.sample(list(f.provinces), 2)
    k = g.facility(s, f, cap=True)
    verb = g.pick(["will link", "links", "connects", "will connect"])
    s.add(f" {verb} ")
    p1 = g.province(s, p1c, "name")
    s.add(" with " if "link" in verb or g.chance(0.5) else " and ")
    p2 = g.province(s, p2c, "name")
    s.add(".")
    s.relate(k, "LOCATED_IN", [p1, p2])
