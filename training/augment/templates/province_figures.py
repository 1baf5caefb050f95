"""Figures of a province: investment, GRDP, exports, budget, natural area, rankings."""

from __future__ import annotations

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import (
    CENTRALLY_RUN_CITIES,
    COUNTRIES,
    INDUSTRIES,
    MERGED_OLD_UNITS,
    MONTHS,
    PROVINCES,
    REGIONS,
    WEEKDAYS,
)
from . import template


@template(1.5)
def fdi_province(g: Phrases, s: Sentence):
    p = g.province(s, st=g.pick(["np", "name"]))
    s.add(" " + g.pick(["attracted", "drew", "lured", "secured", "pulled in"]) + " ")
    m = g.money_maybe_converted(s, "fdi")
    s.add(" " + g.pick(["in foreign direct investment", "in FDI", "of registered foreign capital",
                   "in new and additional FDI", "in investment capital"]) + " ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(1.2)
def fdi_date_first(g: Phrases, s: Sentence):
    d = g.date(s, "past", cap=True)
    s.add(", foreign investors registered ")
    m = g.money_maybe_converted(s, "fdi")
    s.add(" in ")
    p = g.province(s, st="np")
    s.add(f", up {g.percent()} over the same period last year.")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(1.2)
def grdp_possessive(g: Phrases, s: Sentence):
    p = g.province(s, st="poss")
    verb = g.pick(["reached", "hit", "was estimated at", "stood at", "rose to"])
    s.add(" GRDP " + verb + " ")
    m = g.money_maybe_converted(s, "grdp", ap=0 if verb.endswith(" at") else 0.3, eq=0.45)
    s.add(" ")
    d = g.date(s, "pastp")
    s.add(".")
    s.relate(p, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def grdp_target(g: Phrases, s: Sentence):
    p = g.province(s, st="name")
    s.add(" " + g.pick(["aims to raise its GRDP to", "targets a GRDP of", "expects its GRDP to exceed",
                   "plans to lift its economy to"]) + " ")
    m = g.money_maybe_converted(s, "grdp", ap=0.2)
    s.add(" ")
    d = g.date(s, "targety")
    s.add(f", with average growth of {g.rng.randint(7, 12)}-{g.rng.randint(13, 15)}% a year.")
    s.relate(p, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def grdp_pronoun(g: Phrases, s: Sentence):
    s.add(g.pick(["The province's GRDP reached ", "Its economy was worth ", "The locality's GRDP hit "]))
    m = g.money_maybe_converted(s, "grdp", eq=0.5)
    s.add(" ")
    d = g.date(s, "pastp")
    s.add(f", the {g.pick(['second', 'third', 'fourth', 'fifth', 'highest'])} in {g.pick(REGIONS)}.")
    s.relate(m, "DATE_OF", d)  # pronoun-owned: no HAS_VALUE


@template(1.0)
def exports(g: Phrases, s: Sentence):
    s.add(g.pick(["Export turnover of ", "Exports from ", "Export value of "]))
    p = g.province(s, st="np")
    s.add(" " + g.pick(["reached", "hit", "totalled", "amounted to"]) + " ")
    m = g.money_maybe_converted(s, "export")
    s.add(" ")
    d = g.date(s, "pastp")
    s.add(f", up {g.percent()} year-on-year.")
    s.relate(p, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def budget(g: Phrases, s: Sentence):
    p = g.province(s, st="name")
    s.add(" collected ")
    m = g.money(s, "budget")
    s.add(" in state budget revenue ")
    d = g.date(s, "pastp")
    s.add(f", exceeding the annual estimate by {g.percent()}.")
    s.relate(p, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def budget_two_years(g: Phrases, s: Sentence):
    p = g.province(s, st="name")
    what = g.pick(["expects budget revenue of", "projects GRDP at", "targets export value of"])
    s.add(" " + what + " ")
    t1, t2 = g.money_series({"budget": "budget", "GRDP": "grdp", "export": "export"}[what.split()[1]], 2)
    m1 = s.entity(t1, "MONEY")
    s.add(" in ")
    y1 = g.pick([2025, 2026, 2027])
    d1 = s.entity(str(y1), "DATE")
    s.add(" and ")
    g.approximator(s, 0.15)
    m2 = s.entity(t2, "MONEY")
    s.add(" in ")
    d2 = s.entity(str(g.pick([2030, 2030, 2035])), "DATE")
    s.add(".")
    s.relate(p, "HAS_VALUE", [m1, m2])
    s.relate(m1, "DATE_OF", d1)
    s.relate(m2, "DATE_OF", d2)


@template(0.9)
def three_years(g: Phrases, s: Sentence):
    s.add("Under the plan, ")
    p = g.province(s, st="name")
    s.add(" targets GRDP of ")
    ms, ds = [], []
    years = [2025, 2030, g.pick([2035, 2045, 2050])]
    texts = g.money_series("grdp", 3)
    for i, y in enumerate(years):
        if i:
            s.add(" and " if i == 2 else ", ")
        ms.append(s.entity(texts[i], "MONEY"))
        s.add(" in ")
        ds.append(s.entity(str(y), "DATE"))
    s.add(".")
    s.relate(p, "HAS_VALUE", ms)
    for m, d in zip(ms, ds):
        s.relate(m, "DATE_OF", d)


@template(0.9)
def province_area(g: Phrases, s: Sentence):
    p = g.province(s, st=g.pick(["np", "name"]))
    s.add(" " + g.pick(["covers", "has a natural area of", "spans", "stretches over"]) + " ")
    a = g.area(s, "prov")
    s.add(f" and has a population of about {round(g.rng.uniform(0.4, 9.5), 1)} million.")
    s.relate(p, "HAS_AREA", a)


@template(0.8)
def merged_area(g: Phrases, s: Sentence):
    new = g.pick(list(MERGED_OLD_UNITS))
    old = g.pick(MERGED_OLD_UNITS[new])
    s.add("The enlarged ")
    pn = g.province(s, new, "name")
    s.add(", which absorbed ")
    po = g.province(s, old, "name")
    s.add(" on ")
    s.entity(g.pick(["1 July 2025", "July 1, 2025", "1/7/2025"]), "DATE")
    s.add(", now covers ")
    a = g.area(s, "prov")
    s.add(".")
    s.relate(pn, "HAS_AREA", a)
    _ = po


@template(1.0)
def total_social(g: Phrases, s: Sentence):
    s.add(g.pick(["Total social investment capital mobilised in ", "Total investment needed in ",
             "Investment capital to be mobilised in "]))
    p = g.province(s, st="name")
    s.add(" ")
    d = g.date(s, "fperiod")
    s.add(" is estimated at ")
    m = g.money(s, "total", ap=0.3, rng=0.3)
    s.add(".")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def this_year(g: Phrases, s: Sentence):
    s.add(g.pick(["This year, ", "In the coming time, ", "Annually, "]))
    p = g.province(s, st="name")
    s.add(" aims to attract ")
    m = g.money(s, "fdi")
    s.add(f" in FDI, focusing on {g.pick(INDUSTRIES)} and {g.pick(INDUSTRIES)}.")
    s.relate(p, "HAS_INVESTMENT", m)


@template(1.0)
def agency_pronoun(g: Phrases, s: Sentence):
    s.add("According to ")
    p = g.province(s, st="agency")
    s.add(", the province " + g.pick(["drew", "attracted", "received"]) + " ")
    m = g.money(s, "fdi")
    s.add(" in new investment ")
    d = g.date(s, "past")
    s.add(".")
    # "the province" refers back to the province named earlier in the same sentence (R2)
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def agency_report(g: Phrases, s: Sentence):
    pc = g.draw_province()
    s.add("A report by ")
    g.province(s, pc, "agency")
    s.add(" shows that ")
    kind, n = g.group_kind(pc, ["IP", "IP", "IC"])
    k = g.counted_group(s, kind, n=n, mod=g.pick(["", "operational "]), abbr=False)
    s.add(" " + g.pick(["attracted", "drew", "registered"]) + " ")
    m = g.money_maybe_converted(s, "fdi")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", m)  # the agency's province does not place the group: no LOCATED_IN
    s.relate(m, "DATE_OF", d)


@template(0.8)
def per_capita(g: Phrases, s: Sentence):
    s.add("GRDP per capita in ")
    p = g.province(s, st="name")
    s.add(" is expected to reach ")
    m = g.per_capita(s)
    s.add(" ")
    d = g.date(s, "targety")
    s.add(".")
    s.relate(p, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(0.9)
def disbursed(g: Phrases, s: Sentence):
    s.add("Disbursed FDI in ")
    p = g.province(s, st="np")
    s.add(" " + g.pick(["reached", "totalled", "hit"]) + " ")
    m = g.money(s, "fdi", ap=0.2)
    s.add(f", or {g.percent()} of registered capital, ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.9)
def from_to(g: Phrases, s: Sentence):
    s.add("From ")
    a = g.pick([2016, 2021])
    d = s.entity(f"{a} to {a + 4}", "DATE")
    s.add(", ")
    p = g.province(s, st="name")
    s.add(" attracted ")
    m = g.money(s, "fdi")
    s.add(f", {g.percent()} more than in the previous five years.")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def ranking(g: Phrases, s: Sentence):
    p1c, p2c = g.rng.sample(PROVINCES, 2)
    s.add("In FDI attraction ")
    d = g.date(s, "past")
    s.add(", ")
    low, high = g.money_series("fdi", 2)
    p1 = g.province(s, p1c, "name")
    s.add(" ranked first with ")
    m1 = s.entity(high, "MONEY")
    s.add(", followed by ")
    p2 = g.province(s, p2c, "name")
    s.add(" with ")
    g.approximator(s, 0.2)
    m2 = s.entity(low, "MONEY")
    s.add(".")
    s.relate(p1, "HAS_INVESTMENT", m1)
    s.relate(p2, "HAS_INVESTMENT", m2)
    s.relate([m1, m2], "DATE_OF", d)


@template(0.7)
def late_month(g: Phrases, s: Sentence):
    p = g.province(s, st="name")
    s.add(" attracted ")
    m = g.money(s, "fdi")
    s.add(" of new investment in ")
    d = s.entity(f"{g.pick(['late', 'early'])} {g.pick(MONTHS)}", "DATE")
    s.add(" alone.")
    s.relate(p, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def former_investment(g: Phrases, s: Sentence):
    new = g.pick(list(MERGED_OLD_UNITS))
    old = g.pick(MERGED_OLD_UNITS[new])
    s.add("The former ")
    po = g.province(s, old, "name")
    s.add(" province, now part of ")
    pn = g.province(s, new, "name")
    s.add(", " + g.pick(["attracted", "drew"]) + " ")
    m = g.money(s, "fdi")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(po, "HAS_INVESTMENT", m)  # the most specific unit the figure measures
    s.relate(m, "DATE_OF", d)
    _ = pn


@template(0.7)
def economy_adjectival(g: Phrases, s: Sentence):
    pc = g.draw_province()
    s.add("The ")
    g.province(s, pc, "name")
    s.add(f" economy grew {round(g.rng.uniform(3, 12.5), 1)}{g.pick(['%', ' percent'])} in ")
    s.entity(str(g.rng.randint(2018, 2024)), "DATE")
    s.add(", driven by ")
    f1 = g.draw_facility(("IP", "CEZ", "PORT", "IC"), prov=pc)
    g.facility(s, f1)
    s.add(" and ")
    g.facility(s, g.draw_facility(("IP", "CEZ", "PORT", "AIRPORT"), prov=pc, exclude=(f1,)))
    s.add(".")  # not placed, no figure: no relation


@template(0.9)
def quarter_investors(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "IP", "HTP", "CEZ"))
    s.add("In ")
    y = g.rng.randint(2020, 2024)
    if g.chance(0.5):
        d = s.entity(f"Q{g.rng.randint(1, 4)} {y}", "DATE")
    else:
        s.add("the ")
        d = s.entity(f"{g.pick(['third', 'second', 'first', 'fourth'])} quarter of {y}", "DATE")
    s.add(", ")
    k = g.facility(s, f)
    s.add(f" welcomed {g.rng.randint(3, 25)} new investors with total capital of ")
    m = g.money(s, "fac", ap=0.2)
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.8)
def budget_contribution(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "CEZ", "EPZ", "PORT"))
    k = g.facility(s, f, cap=True)
    s.add(" contributed ")
    m = g.money(s, "small" if g.chance(0.5) else "budget")
    s.add(" to the state budget ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(0.9)
def quote_target(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "CEZ", "EXPRESSWAY", "AIRPORT", "UA"))
    pc = g.facility_province(f)
    s.add(f"{g.person()}, {g.pick(['director', 'deputy director', 'head'])} of the ")
    g.province(s, pc, "name")
    s.add(g.pick([" Department of Planning and Investment", " Department of Finance"] +
            ([" Export Processing and Industrial Zones Authority"] if pc in CENTRALLY_RUN_CITIES else
             [" Industrial Parks Management Board", " Economic Zone Management Board"])))
    goal = "be fully leased" if f.kind in ("IP", "CEZ", "UA") else "be completed"
    s.add(", said: “We expect ")
    k = g.facility(s, f)
    s.add(f" to {goal} ")
    d = g.date(s, "target")
    s.add(".”")
    s.relate(k, "DATE_OF", d)  # agency mention does not place the facility


@template(0.9)
def indirect_quote(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "CEZ", "PORT"))
    pc = g.facility_province(f)
    # a weekday is not DATE (D55)
    s.add(f"{g.person()} told reporters{' on ' + g.pick(WEEKDAYS) if g.chance(0.35) else ''} that ")
    k = g.facility(s, f)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" would need a further ")
    m = g.money(s, "fac", ap=0.3)
    s.add(" to complete its infrastructure ")
    d = g.date(s, "target")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate([m, k], "DATE_OF", d)  # the spending and the facility's completion target


@template(0.7)
def pronoun_money(g: Phrases, s: Sentence):
    s.add(g.pick(["They attracted ", "The parks drew ", "These zones attracted ", "It received "]))
    m = g.money_maybe_converted(s, "fac")
    s.add(" ")
    d = g.date(s, "past")
    s.add(f", most of it from {g.pick(COUNTRIES)}.")
    s.relate(m, "DATE_OF", d)


@template(0.6)
def province_grdp_equivalent_target(g: Phrases, s: Sentence):
    p = g.province(s, st="poss")
    s.add(" GRDP will exceed ")
    ms = g.money_maybe_converted(s, "grdp", ap=0, eq=1.0, close=True)
    s.add(" ")
    d = g.date(s, "targety")
    s.add(".")
    s.relate(p, "HAS_VALUE", ms)
    s.relate(ms, "DATE_OF", d)


@template(0.7)
def target_years_list(g: Phrases, s: Sentence):
    pc = g.draw_province()
    p = g.province(s, pc, "name")
    s.add(" set targets for ")
    s.entity("2025", "DATE")
    s.add(", ")
    s.entity("2030", "DATE")
    s.add(" and ")
    s.entity(g.pick(["2045", "2050"]), "DATE")
    s.add(f" in {g.decision()}.")
    _ = p


@template(0.9)
def range_money(g: Phrases, s: Sentence):
    f = g.draw_facility(("IP", "EXPRESSWAY", "RINGROAD", "PORT", "AIRPORT"))
    s.add(g.pick(["Site clearance for ", "Compensation for ", "The first phase of "]))
    k = g.facility(s, f)
    s.add(" " + g.pick(["requires", "will cost", "needs"]) + " ")
    m = g.money(s, "infra" if f.kind != "IP" else "fac", ap=0.1, rng=0.7)
    s.add(", to be disbursed ")
    d = g.date(s, "fperiod")
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.7)
def equivalent_to(g: Phrases, s: Sentence):
    f = g.draw_facility(("EXPRESSWAY", "AIRPORT", "PORT", "RAILWAY", "IP"))
    s.add("Total investment in ")
    k = g.facility(s, f)
    s.add(" is ")
    ms = g.money_maybe_converted(s, "infra", ap=0.2, eq=1.0)
    s.add(".")
    s.relate(k, "HAS_INVESTMENT", ms)
