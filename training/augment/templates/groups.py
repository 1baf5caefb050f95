"""Counted groups, typed lists and coordinated names of facilities (D23, D29)."""

from __future__ import annotations

from ..phrases import Phrases
from ..render import Sentence
from ..rosters import FACILITIES_BY_KIND, FACILITY_KINDS, MERGED_OLD_UNITS, UNIT_GROUPS, named_after_province
from . import template
from .facility_figures import facility_area_location


@template(1.5)
def group_area(g: Phrases, s: Sentence):
    pc = g.draw_province()
    p = g.province(s, pc, "name")
    s.add(" " + g.pick(["has developed", "now operates", "has", "is home to"]) + " ")
    kind, n = g.group_kind(pc, ["IP", "IP", "IC", "CEZ", "BGEZ", "UA"])
    k = g.counted_group(s, kind, n=n)
    # no "combined" here: joint figures get no HAS_* (R2a), and a group's total area is written as such
    how = g.pick(["with a total area of", "covering", "spanning", "with a total of"])
    s.add(" " + how + " ")
    a = g.area(s, "group", ap=0 if how == "with a total of" else 0.2)
    s.add(f", with an average occupancy rate of {g.percent()}." if g.chance(0.5) else ".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)


@template(1.4)
def group_plan(g: Phrases, s: Sentence):
    pc = g.draw_province()
    d = g.date(s, "target", cap=True)
    s.add(", ")
    p = g.province(s, pc, "name")
    s.add(" " + g.pick(["plans to set up", "will develop", "intends to add", "aims to build"]) + " ")
    k = g.counted_group(s, g.pick(["IP", "IP", "IC", "UA"]), mod=g.pick(["new ", "more ", "additional ", ""]))
    s.add(" " + g.pick(["covering", "with a total area of", "on"]) + " ")
    a = g.area(s, "group")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)
    s.relate([k, a], "DATE_OF", d)


@template(1.2)
def group_plan_period(g: Phrases, s: Sentence):
    pc = g.draw_province()
    d = g.date(s, "fperiod", cap=True)
    s.add(", ")
    p = g.province(s, pc, "name")
    s.add(" will develop ")
    k = g.counted_group(s, g.pick(["IP", "IC", "IC"]))
    s.add(" on ")
    a = g.area(s, "group")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)
    s.relate([k, a], "DATE_OF", d)


@template(1.1)
def planning_doc(g: Phrases, s: Sentence):
    pc = g.draw_province()
    provides = g.chance(0.3)
    if not provides:
        s.add("Under ")
    p = g.province(s, pc, "plan", cap=provides)
    s.add(" for ")
    d = s.entity(g._period_text("plan"), "DATE")
    s.add(", with a vision to ")
    s.entity(g.pick(["2050", "2045"]), "DATE")  # the vision year is not the date of the plan-period figures (R4)
    if provides:  # "the X Provincial Planning provides for Y" places Y in X (R1a)
        s.add(", provides for ")
    else:
        s.add(", the province will " + g.pick(["develop", "have", "build"]) + " ")
    k = g.counted_group(s, g.pick(["IP", "IC"]))
    s.add(" totalling ")
    a = g.area(s, "group")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_AREA", a)
    s.relate([k, a], "DATE_OF", d)


@template(1.2)
def group_members(g: Phrases, s: Sentence):
    kind = g.pick(["IP", "IP", "CEZ", "PORT", "IC"])
    n = g.pick([2, 2, 3])
    got = g.draw_facility_group(kind, n)
    if got is None:
        return group_area(g, s)
    pc, facs = got
    p = g.province(s, pc, "name")
    s.add(" " + g.pick(["is home to", "has", "operates"]) + " ")
    noun = {"IP": "industrial parks", "CEZ": "coastal economic zones" if g.chance(0.5) else "economic zones",
            "PORT": "seaports", "IC": "industrial clusters"}[kind]
    k = s.entity(f"{g.count_word(n)} {noun}", "FACILITY")
    s.add(g.pick([", ", ", namely "]))
    ks = g.names_list(s, facs)
    s.add(".")
    s.relate([k] + ks, "LOCATED_IN", p)


@template(1.2)
def typed_list(g: Phrases, s: Sentence):
    kind = g.pick(["IP", "IP", "IP", "PORT", "IC", "CEZ"])
    got = g.draw_facility_group(kind, g.pick([2, 3, 3, 4]))
    if got is None:
        return group_area(g, s)
    pc, facs = got
    noun = {"IP": g.pick(["industrial parks", "industrial zones"]), "PORT": "ports", "IC": "industrial clusters",
            "CEZ": "economic zones"}[kind]
    s.add("In ")
    p = g.province(s, pc, "name")
    s.add(f", {noun} {g.pick(['such as', 'including', 'like'])} ")
    ks = g.names_list(s, facs)
    s.add(f" are {g.pick(['almost fully occupied', 'operating at full capacity', 'attracting strong interest'])}.")
    s.relate(ks, "LOCATED_IN", p)


@template(1.2)
def coordinated(g: Phrases, s: Sentence):
    kind = g.pick(["IP", "IP", "IC", "CEZ", "PORT"])
    got = g.draw_facility_group(kind, g.pick([2, 2, 3]))
    if got is None:
        return facility_area_location(g, s)
    pc, facs = got
    s.add("The ")
    ks = g.names_list(s, facs)
    s.add(" " + g.pick(FACILITY_KINDS[kind]["plural"]) + " in ")
    p = g.province(s, pc, "np")
    if kind == "PORT":
        s.add(f" handled {round(g.rng.uniform(5, 90), 1)} million tonnes of cargo last year")
    else:
        s.add(f" have attracted {g.project_count()}")
    if len(facs) == 2 and g.chance(0.35):  # "both zones" has no numeral: not FACILITY (D29)
        both = "both ports" if kind == "PORT" else g.pick(["both zones", "both parks"] if kind != "IC" else ["both clusters"])
        s.add(f", and {both} {g.pick(['are being expanded', 'plan to add new tenants', 'are close to full capacity'])}")
    s.add(".")
    s.relate(ks, "LOCATED_IN", p)


@template(1.0)
def combined_capital(g: Phrases, s: Sentence):
    got = g.draw_facility_group("IP", g.pick([2, 3]))
    if got is None:
        return facility_area_location(g, s)
    _pc, facs = got
    ks = g.names_list(s, facs)
    s.add(" " + g.pick(FACILITY_KINDS["IP"]["plural"]) + " started site clearance in ")
    d = s.entity(str(g.rng.randint(2021, 2025)), "DATE")
    s.add(", with combined infrastructure capital of ")
    g.money(s, "fac", ap=0.2)
    s.add(".")
    s.relate(ks, "DATE_OF", d)  # a combined figure has no single owner


@template(0.8)
def merger_group(g: Phrases, s: Sentence):
    new = g.pick(list(MERGED_OLD_UNITS))
    old = g.pick(MERGED_OLD_UNITS[new])
    s.add("Since ")
    s.entity(g.pick(["1 July 2025", "July 1, 2025"]), "DATE")
    s.add(", ")
    g.province(s, old, "name")
    s.add(" has been part of ")
    pn = g.province(s, new, "name")
    s.add(", which now has ")
    k = g.counted_group(s, g.pick(["IP", "IC"]), mod="")
    s.add(".")
    s.relate(k, "LOCATED_IN", pn)


@template(1.0)
def group_exports(g: Phrases, s: Sentence):
    pc = g.draw_province()
    kind, n = g.group_kind(pc, ["IP", "IP", "CEZ", "IC"])
    k = g.counted_group(s, kind, n=n, cap=True, mod="", abbr=False)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(" " + g.pick(["exported goods worth", "generated export value of", "posted revenue of"]) + " ")
    m = g.money_maybe_converted(s, "export")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_VALUE", m)
    s.relate(m, "DATE_OF", d)


@template(1.0)
def group_capital(g: Phrases, s: Sentence):
    pc = g.draw_province()
    p = g.province(s, pc, "poss")
    s.add(" ")
    kind, n = g.group_kind(pc, ["IP", "IP", "IC", "CEZ"])
    k = g.counted_group(s, kind, n=n, mod=g.pick(["", "", "operational "]) if kind in ("IP", "IC") else "", abbr=False)
    s.add(f" have attracted {g.project_count()} with total registered capital of ")
    m = g.money_maybe_converted(s, "fdi")
    s.add(" ")
    d = g.date(s, "asof")
    s.add(".")
    s.relate(k, "LOCATED_IN", p)
    s.relate(k, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)


@template(0.7)
def generic_industrial_parks(g: Phrases, s: Sentence):
    s.add(g.pick(["The industrial parks", "Industrial parks in the province", "The province's economic zones"]))
    s.add(" generated ")
    m = g.money(s, "export")
    s.add(" in export value ")
    d = g.date(s, "pastp")
    s.add(", employing about " + f"{g.rng.randint(20, 400)},000 workers.")
    s.relate(m, "DATE_OF", d)


@template(0.6)
def border_gate_list(g: Phrases, s: Sentence):
    f = g.draw_facility("BGEZ", bare=True)
    pc = f.provinces[0]
    s.add("There are ")
    k = s.entity(f"{g.count_word(g.rng.randint(20, 26))} {g.pick(['border-gate economic zones', 'border gate economic zones'])}",
            "FACILITY")
    s.add(" along the country's borders, among them ")
    kf = g.facility(s, f, art=True)
    s.add(" in ")
    p = g.province(s, pc, "np")
    s.add(".")
    s.relate(kf, "LOCATED_IN", p)
    _ = k


@template(0.7)
def province_named_list(g: Phrases, s: Sentence):
    """A province name used as a facility's bare name in a typed list is FACILITY (D18)."""
    if g.chance(0.55):
        kind = g.pick(["AIRPORT", "AIRPORT", "BGEZ"])
        units = UNIT_GROUPS[kind]
        named = [u for u, fs in units.items() if any(named_after_province(f) for f in fs)]
        unit = g.pick(named) if named and g.chance(0.75) else g.pick(list(units))
        facs = list(units[unit])
        g.rng.shuffle(facs)
        facs = facs[:3]
        if g.chance(0.4):
            s.add("After the merger, ")
        p = g.province(s, unit, "name")
        s.add(" " + g.pick(["now has", "has"]) + " ")
        noun = "airports" if kind == "AIRPORT" else g.pick(["border-gate economic zones", "border gate economic zones"])
        k = s.entity(f"{g.count_word(len(facs))} {noun}", "FACILITY")
        s.add(g.pick([" – ", ", ", ": "]))
        ks = g.names_list(s, facs)
        s.add(".")
        s.relate([k] + ks, "LOCATED_IN", p)  # listed members of a group the province has (R1a)
        return
    kind = g.pick(["HTP", "BGEZ", "FTZ", "HTAP", "AIRPORT"])
    pool = [f for f in FACILITIES_BY_KIND[kind] if not f.fixed and not f.suffix]
    first = g.pick([f for f in pool if named_after_province(f)])
    rest = g.rng.sample([f for f in pool if f is not first], min(len(pool) - 1, g.pick([1, 2])))
    facs = [first] + rest
    g.rng.shuffle(facs)
    noun = {"HTP": "Hi-tech parks", "BGEZ": "Border-gate economic zones", "FTZ": "Free trade zones",
            "HTAP": "Hi-tech agricultural parks", "AIRPORT": "Airports"}[kind]
    s.add(f"{noun} {g.pick(['such as', 'like', 'including'])} ")
    g.names_list(s, facs)
    s.add(" " + g.pick(["are listed as national priorities", "will receive new incentives",
                   "are expected to draw more investors", "are being upgraded"]) + ".")


@template(0.8)
def together(g: Phrases, s: Sentence):
    """A figure stated jointly for several named owners gets no HAS_* (R2a)."""
    kind = g.pick(["IP", "IP", "IC", "CEZ"])
    got = g.draw_facility_group(kind, g.pick([2, 2, 3]))
    if got is None:
        return facility_area_location(g, s)
    pc, facs = got
    scale = {"IC": "ic", "CEZ": "ez"}.get(kind, "ip")
    form = g.pick(["money", "which", "combined"])
    if form == "which":
        s.add("The ")
        ks = g.names_list(s, facs)
        s.add(" " + g.pick(FACILITY_KINDS[kind]["plural"]) + " in ")
        p = g.province(s, pc, "np")
        s.add(", which together " + g.pick(["cover", "span"]) + " ")
        a = g.area(s, scale)
        s.add(f", are {g.percent()} occupied.")
        s.relate(ks, "LOCATED_IN", p)
        _ = a  # a joint figure measures none of them
        return
    ks = g.names_list(s, facs)
    s.add(" " + g.pick(FACILITY_KINDS[kind]["plural"]) + " in ")
    p = g.province(s, pc, "np")
    if form == "combined":
        s.add(" have a combined area of ")
        a = g.area(s, scale, ap=0)
        s.add(".")
        s.relate(ks, "LOCATED_IN", p)
        _ = a
        return
    s.add(" together " + g.pick(["attracted", "drew", "registered"]) + " ")
    m = g.money_maybe_converted(s, "fac")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(ks, "LOCATED_IN", p)
    s.relate(m, "DATE_OF", d)  # joint figure: DATE_OF only


@template(0.6)
def each(g: Phrases, s: Sentence):
    """A figure stated for each of several named owners goes to each (R2a)."""
    kind = g.pick(["IP", "IP", "IC"])
    got = g.draw_facility_group(kind, 2)
    if got is None:
        return facility_area_location(g, s)
    pc, facs = got
    ks = g.names_list(s, facs)
    s.add(" " + g.pick(FACILITY_KINDS[kind]["plural"]) + " in ")
    p = g.province(s, pc, "np")
    s.relate(ks, "LOCATED_IN", p)
    if g.chance(0.5):
        s.add(" each " + g.pick(["cover", "span"]) + " ")
        a = g.area(s, "ic" if kind == "IC" else "ip")
        s.add(".")
        s.relate(ks, "HAS_AREA", a)
        return
    s.add(" each " + g.pick(["drew", "attracted"]) + " ")
    m = g.money(s, "fac")
    s.add(" ")
    d = g.date(s, "past")
    s.add(".")
    s.relate(ks, "HAS_INVESTMENT", m)
    s.relate(m, "DATE_OF", d)
