"""Companies and firms: what they own, invest and earn (no HAS_* to a place for company figures)."""

from __future__ import annotations

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import COMPANIES, DEVELOPERS, FACILITIES_BY_KIND_AND_PROVINCE, INVESTORS, PRODUCTS
from . import template


@template(0.7)
def based_firms(g: Phrases, s: Sentence):
    g.province(s, st="adj")
    s.add(f" {g.pick(['firms', 'companies', 'manufacturers'])} account for {g.percent()} of tenants in ")
    g.facility(s, g.draw_facility("IP", local=0.3))
    s.add(".")  # the sentence does not place the park in the province


@template(0.8)
def company_revenue_negative(g: Phrases, s: Sentence):
    f = g.draw_facility("IP")
    s.add(f"{g.pick(COMPANIES[:10])}, which operates factories in ")
    g.facility(s, f)
    s.add(", reported revenue of ")
    m = g.money(s, "company")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(m, "DATE_OF", d)  # company-owned figure: no HAS_*


@template(0.7)
def developer_negative(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "UA"))
    s.add(f"{g.pick(DEVELOPERS)}, the developer of ")
    g.facility(s, f)
    s.add(", posted a profit of ")
    m = g.money(s, "small")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(m, "DATE_OF", d)


@template(0.5)
def company_with_province(g: Phrases, s: Sentence):
    pc = g.weighted([("Binh Dinh", 3), ("Binh Phuoc", 2)])
    s.add("Becamex ")
    g.province(s, pc, "name")
    s.add(" JSC is building infrastructure for ")
    zones = [(f_, 2 if f_.suffix.endswith("C") else 1) for f_ in FACILITIES_BY_KIND_AND_PROVINCE.get(("IP", pc), [])
             if f_.suffix.startswith("–")]
    f = g.weighted(zones) if zones and g.chance(0.8) else g.draw_facility("IP", prov=pc)  # "... – Zone C." ends the sentence
    g.facility(s, f)
    s.add(".")  # the province inside the company name does not place the park


@template(0.5)
def company_contains_facility_negative(g: Phrases, s: Sentence):
    co = g.pick(["Nam Dinh Vu Industrial Park JSC", "Tan Tao Industrial Park Corporation", "Dinh Vu Industrial Zone JSC"])
    s.add(f"Shares of {co} rose {g.percent()} after it reported revenue of ")
    m = g.money(s, "small")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(m, "DATE_OF", d)


@template(0.8)
def firm_investment_park(g: Phrases, s: Sentence):
    """Money a firm invests in a park is HAS_INVESTMENT of the park (R3)."""
    f = g.draw_facility(("IP", "IP", "HTP", "EPZ"))
    verb, prep = g.pick([("invested", "in"), ("poured", "into"), ("put", "into")])
    s.add(f"{g.pick(INVESTORS)} {verb} ")
    m = g.money_maybe_converted(s, "fac")
    s.add(f" {prep} ")
    k = g.facility(s, f)
    p = None
    if g.chance(0.4):
        s.add(" in ")
        p = g.province(s, g.facility_province(f), "np")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.6)
def firm_plant_negative(g: Phrases, s: Sentence):
    """The value of one firm's plant located in a park is not the park's (R3)."""
    f = g.draw_facility(("IP", "IP", "HTP", "EPZ"))
    prod = g.pick(PRODUCTS)
    art = "an" if prod[0] in "aeiou" else "a"
    if g.chance(0.5):
        s.add(f"{g.pick(INVESTORS)} was licensed ")
        d = g.date(s, "status")
        s.add(f" to build {art} {prod} plant worth ")
        m = g.money(s, "small")
        s.add(" in ")
        g.facility(s, f)
        s.add(".")
    else:
        s.add(f"{art} {prod} plant worth ")
        m = g.money(s, "small")
        s.add(f" built by {g.pick(INVESTORS)} in ")
        g.facility(s, f)
        s.add(" " + g.pick(["began operating", "started production"]) + " ")
        d = g.date(s, "status")
        s.add(".")
    s.relate(m, "DATE_OF", d)  # the plant's figure: no HAS_* for the park
