"""Cases settled by the guideline (D16-D18, D28, D34, D55, R1a-R4): short names, newspapers and events, sentence-final abbreviations, pronouns, parts of a whole, land quotas."""

from __future__ import annotations

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import BAYS, DISTRICT_BASES, FACILITIES_BY_KIND, SHORT_NAMES
from . import template


@template(0.6)
def event_newspaper(g: Phrases, s: Sentence):
    """Province names inside event and newspaper names are tagged; the event year is not DATE (D16, D54);
    a province name inside a natural-feature name is not tagged."""
    form = g.pick(["event", "paper", "bay"])
    if form == "bay":
        f = g.pick([f_ for f_ in FACILITIES_BY_KIND["PORT"] if f_.core in BAYS])
        k = g.facility(s, f, cap=True)
        s.add(f" on {BAYS[f.core]} will cost ")
        m = g.money(s, "infra")
        s.add(" and is due to open ")
        d = g.date(s, "target")
        s.add(".")
        s.relate(k, "HAS_INVESTMENT", m)
        s.relate(k, "DATE_OF", d)
        return
    pc = g.draw_province()
    if form == "event":
        event = g.pick(["Investment Promotion Conference", "Investment Forum", "Investment and Trade Promotion Conference"])
        s.add("Speaking at the ")
        g.province(s, pc, "name")
        s.add(f" {event} {g.rng.randint(2019, 2025)}, {g.pick(['the provincial Party Secretary', 'the provincial chairman'])} "
            "said ")
        p = g.province(s, pc, "name")
        s.add(" " + g.pick(["would develop", "would add", "plans to set up"]) + " ")
        k = g.counted_group(s, g.pick(["IP", "IC"]), mod=g.pick(["new ", "more ", ""]), abbr=False)
        s.add(" ")
        d = g.date(s, "target")
        s.add(".")
        s.relate(k, "LOCATED_IN", p)
        s.relate(k, "DATE_OF", d)
        return
    f = g.draw_facility(("IP", "IP", "CEZ", "HTP"))
    s.add("According to " + g.pick(["", "the "]))
    g.province(s, pc, "name")
    s.add(g.pick([" Newspaper", " newspaper"]) + ", ")
    k = g.facility(s, f)
    s.add(" in ")
    p = g.province(s, g.facility_province(f), "np")
    s.add(" " + g.pick(["attracted", "drew"]) + " ")
    m = g.money(s, "fac")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)  # the newspaper's province places nothing
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.6)
def short_name(g: Phrases, s: Sentence):
    """A short name standing for a facility named in full in the same sentence is FACILITY (D28)."""
    kind = g.pick(["IP", "IP", "AIRPORT", "PORT"])
    if kind == "IP":
        pool = [f for f in FACILITIES_BY_KIND["IP"] if f.bare_ok and not f.suffix and "VSIP" not in f.core
                and not any(f.core.startswith(b) for b in DISTRICT_BASES)]
        f = g.draw_facility("IP", exclude=[x for x in FACILITIES_BY_KIND["IP"] if x not in pool]) if pool else g.pick(FACILITIES_BY_KIND["IP"])
        pc = g.facility_province(f)
        if g.chance(0.5):
            k = g.facility(s, f, cap=True, phase=False)
            s.add(" in ")
            p = g.province(s, pc, "np")
            s.add(f" is {g.percent()} occupied, and rents at ")
            ks = s.entity(f.core, "FACILITY")
            s.add(" average ")
            m = g.rate(s, "lease")
            s.add(".")
            s.relate(k, "LOCATED_IN", p)
            s.relate(ks, "HAS_VALUE", m)
        else:
            s.add("Rents at ")
            k = g.facility(s, f, phase=False)
            s.add(" in ")
            p = g.province(s, pc, "np")
            s.add(" average ")
            m = g.rate(s, "lease")
            s.add(", and ")
            s.entity(f.core, "FACILITY")
            s.add(f" is now {g.percent()} occupied.")
            s.relate(k, "LOCATED_IN", p)
            s.relate(k, "HAS_VALUE", m)
        return
    f = g.pick([x for x in FACILITIES_BY_KIND[kind] if x.core in SHORT_NAMES[kind]])
    pc = g.facility_province(f)
    k = g.facility(s, f, cap=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    if kind == "AIRPORT":
        s.add(f" handled {round(g.rng.uniform(1.5, 30 if f.international else 5), 1)} million passengers ")
    else:
        s.add(f" handled {round(g.rng.uniform(5, 90), 1)} million tonnes of cargo ")
    g.date(s, "pastp")
    s.add(", and ")
    ks = s.entity(f.core, "FACILITY")
    s.add(" " + (g.pick(["is due to get a new terminal", "will be expanded"]) if kind == "AIRPORT" else
                 g.pick(["will get two more berths", "will be dredged for larger ships"])) + " ")
    d = g.date(s, "target")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(ks, "DATE_OF", d)  # the stated target of the facility; the traffic year dates no entity


@template(0.35)
def sa_pa(g: Phrases, s: Sentence):
    """Sentences ending in "Sa Pa." (a town, not a province)."""
    if g.chance(0.5):
        f = next(x for x in FACILITIES_BY_KIND["EXPRESSWAY"] if x.core == "Noi Bai - Lao Cai")
        k = g.facility(s, f, cap=True)
        s.add(" " + g.pick(["has cut the drive", "has shortened the trip", "has halved travel time"]) + " from ")
        g.province(s, "Ha Noi", "name")
        s.add(" to Sa Pa.")  # the sentence does not say the road runs through Ha Noi
        _ = k
        return
    f = next(x for x in FACILITIES_BY_KIND["AIRPORT"] if x.core == "Sa Pa")
    p = g.province(s, "Lao Cai", "name")
    s.add(" will build ")
    k = g.facility(s, f)
    s.add(", due to open ")
    d = g.date(s, "target")
    s.add(", to bring more tourists to Sa Pa.")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)


@template(0.8)
def pronoun_antecedent(g: Phrases, s: Sentence):
    """A pronoun whose antecedent is named earlier in the same sentence passes the figure to it (R2)."""
    if g.chance(0.5):
        pc = g.draw_province()
        p = g.province(s, pc, "name")
        s.add(" has ")
        kind, n = g.group_kind(pc, ["IP", "IP", "IC"])
        k = g.counted_group(s, kind, n=n, mod=g.pick(["", "", "operational "]), abbr=False)
        s.add(" and it " + g.pick(["registered", "attracted", "drew"]) + " ")
        m = g.money_maybe_converted(s, "fdi")
        s.add(" " + g.pick(["in FDI", "in new investment", "of foreign capital"]) + " ")
        d = g.date(s, "past")
        s.add(".")
        s.relate(k, "LOCATED_IN", p)
        s.relate(p, "HAS_INVESTMENT", m)
        s.relate(m, "DATE_OF", d)
        return
    f = g.draw_facility(("IP", "IP", "IC", "UA", "CEZ"))
    pc = g.facility_province(f)
    k = g.facility(s, f, cap=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" " + g.pick(["was established", "opened", "was put into operation"]) + " ")
    d = g.date(s, "status")
    s.add(", and it now " + g.pick(["covers", "spans"]) + " ")
    a = g.area(s, {"IC": "ic", "CEZ": "ez", "UA": "ua"}.get(f.kind, "ip"))
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "DATE_OF", d)
    s.relate(k, "HAS_AREA", a)


@template(0.8)
def part_area(g: Phrases, s: Sentence):
    """Part of a facility's area (first phase, land still available) is HAS_AREA of the facility (R2b)."""
    if g.chance(0.5):
        f = g.draw_facility(("IP", "IP", "UA", "CEZ", "IC"))
        scale = {"IC": "ic", "CEZ": "ez", "UA": "ua"}.get(f.kind, "ip")
        s.add("The first phase of ")
        k = g.facility(s, f, phase=False)
        p = None
        if g.chance(0.4):
            s.add(" in ")
            p = g.province(s, g.facility_province(f), "np")
        s.add(" " + g.pick(["covers", "spans", "takes up"]) + " ")
        a = g.area(s, scale)
        s.add(".")
        s.relate(k, "LOCATED_IN", p)
        s.relate(k, "HAS_AREA", a)
        return
    f = g.draw_facility(("IP", "IP", "IC"))
    k = g.facility(s, f, cap=True, phase=False)
    s.add(" still has ")
    a = g.area(s, "small")
    s.add(" of " + g.pick(["industrial land", "land", "serviced land"]) + " available for lease ")
    d = g.date(s, "asof")
    s.add(".")
    s.relate(k, "HAS_AREA", a)
    s.relate(a, "DATE_OF", d)


@template(0.8)
def land_quota(g: Phrases, s: Sentence):
    """Land quotas and land for a use are not the province's area: no HAS_AREA, DATE_OF kept (R2c)."""
    pc = g.draw_province()
    form = g.pick(["allocated", "plans", "reserve"])
    if form == "reserve":
        s.add("Under the plan, ")
    p = g.province(s, pc, "name")
    if form == "allocated":
        s.add(" has been allocated ")
        a = g.area(s, "group")
        s.add(" of " + g.pick(["industrial land", "land for industrial parks"]) + " ")
        d = g.date(s, "fperiod")
    elif form == "plans":
        s.add(" plans ")
        a = g.area(s, "group")
        s.add(" of " + g.pick(["logistics land", "land for urban development", "industrial land"]) + " ")
        d = g.date(s, "target")
    else:
        s.add(" will reserve ")
        a = g.area(s, "group")
        s.add(" for " + g.pick(["industrial parks", "logistics", "urban development", "industrial clusters"]) + " ")
        d = g.date(s, "fperiod")
    s.add(".")
    s.relate(a, "DATE_OF", d)
    _ = p


@template(0.7)
def range_two_spans(g: Phrases, s: Sentence):
    """Two spans for "from US$7.8 billion to US$9 billion", each with the same relations (D34)."""
    if g.chance(0.5):
        f = g.draw_facility(("EXPRESSWAY", "AIRPORT", "PORT", "RAILWAY", "BRIDGE"))
        k = g.facility(s, f, cap=True)
        s.add(" is " + g.pick(["expected", "estimated", "projected"]) + " to cost from ")
        lo, hi = g.money_series("infra", 2)
        m1 = s.entity(lo, "MONEY")
        s.add(" to ")
        m2 = s.entity(hi, "MONEY")
        s.add(g.pick([".", ", according to the Ministry of Construction.", ", according to the feasibility study."]))
        s.relate(k, "HAS_INVESTMENT", [m1, m2])  # construction cost (R3)
        return
    p = g.province(s, st="name")
    s.add(" expects to attract from ")
    lo, hi = g.money_series("fdi", 2)
    m1 = s.entity(lo, "MONEY")
    s.add(" to ")
    m2 = s.entity(hi, "MONEY")
    s.add(" in FDI ")
    d = g.date(s, "fperiod")
    s.add(".")
    s.relate(p, "HAS_INVESTMENT", [m1, m2])
    s.relate([m1, m2], "DATE_OF", d)
