"""Linking mentions to canonical records.

- :func:`analyse_facility` splits a FACILITY surface into a name core, a type and a kind
  (``named``, ``group`` for counted groups such as "16 industrial parks", ``generic`` for
  leftovers such as "These economic zones");
- :func:`resolve_document` links the FACILITY mentions of one article to each other:
  same core, acronyms introduced in parentheses ("... Industrial Park (VSIP)"), short
  forms that begin a longer name of the same article ("VSIP" -> "VSIP Bac Ninh");
- :func:`infer_document_province` finds the province an article is about (dateline,
  headline, the only province it names, or the one it names most), with its evidence;
- :func:`link_keys` maps the (core, type) keys of all articles to facility records, so
  the same park across articles is one record. Counted groups are never linked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ie.facts.sources import facility_lexicon, fold

# (pattern over folded text, type); the first pattern that matches decides the type, and
# the matched words are removed from the name core. Types use the facility lexicon's names.
_TYPE_PATTERNS: list[tuple[str, str]] = [
    # Vietnamese type words and their abbreviations, as written in aliases ("KCN Yên Phong")
    (r"khu che xuat|kcx", "export_processing_zone"),
    (r"khu cong nghe cao", "hi_tech_park"),
    (r"khu kinh te cua khau", "border_economic_zone"),
    (r"khu kinh te|kkt", "economic_zone"),
    (r"cum cong nghiep|ccn", "industrial_cluster"),
    (r"khu cong nghiep|kcn", "industrial_park"),
    (r"cang hang khong(?: quoc te)?|san bay(?: quoc te)?", "airport"),
    (r"export processing zones?|epzs?", "export_processing_zone"),
    (r"(?:hi|high) ?tech(?:nology)? (?:parks?|zones?)|htps?", "hi_tech_park"),
    (r"free trade zones?|ftzs?", "free_trade_zone"),
    (r"border ?gate economic zones?|border economic zones?", "border_economic_zone"),
    (r"(?:coastal |special |open )?economic zones?|ezs?", "economic_zone"),
    (r"(?:industry )?cooperation zones?", "economic_zone"),
    (r"industrial clusters?|ics?|clusters?", "industrial_cluster"),
    (r"(?:concentrated )?industrial (?:parks?|zones?|estates?|complex(?:es)?)|ips?|izs?", "industrial_park"),
    (r"(?:international |domestic )?airports?", "airport"),
    (r"dry ports?|inland container depots?|icds?", "dry_port"),
    (r"(?:international |gateway |general |high class |deep water |container )*(?:sea)?ports?|terminals?", "seaport"),
    (r"logistics (?:centres?|centers?|hubs?|parks?)", "logistics_centre"),
    (r"(?:high speed )?railways?|railroads?|metro lines?", "railway"),
    (r"expressways?|motorways?", "expressway"),
    (r"bridges?", "bridge"),
    (r"(?:new )?urban areas?|urban zones?|townships?", "urban_area"),
]
# types whose type words are part of the name itself ("National Highway 4B", "Ring road No.4")
_LEADING_TYPE = re.compile(r"^(?:national highway|highway|ring road|provincial road|road|route)\b")
_TYPE_RES = [(re.compile(rf"(?:^|\s)(?:{p})(?=\s|$)"), t) for p, t in _TYPE_PATTERNS]
_ROAD_RE = re.compile(r"(?:^|\s)(?:national highway|highway|ring road|road|roads|route|avenue|boulevard)(?=\s|$)")
_GENERIC_FIRST = {
    "these", "those", "this", "that", "for", "regarding", "such", "other", "its", "their", "all", "both",
    "many", "several", "some", "each", "every", "which", "in", "of", "on", "at", "to", "with", "and", "or",
}
_COUNT_WORDS = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "dozens", "hundreds", "dozen",
}
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,14})\s*\)")
_TYPE_ACRONYMS = {"ip", "ips", "iz", "izs", "ic", "ics", "ez", "ezs", "epz", "epzs", "ftz", "htp", "kcn", "ccn", "kkt"}

TYPE_LABELS = {
    "industrial_park": "industrial park", "industrial_cluster": "industrial cluster", "economic_zone": "economic zone",
    "border_economic_zone": "border-gate economic zone", "export_processing_zone": "export processing zone",
    "free_trade_zone": "free trade zone", "hi_tech_park": "hi-tech park", "seaport": "seaport", "dry_port": "dry port",
    "airport": "airport", "expressway": "expressway", "road": "road", "railway": "railway", "bridge": "bridge",
    "logistics_centre": "logistics centre", "urban_area": "urban area", "": "facility",
}


@dataclass
class FacilityName:
    kind: str  # named | group | generic
    core: str  # folded name without type words ("vsip bac ninh"); "" for groups and generic
    type: str  # one of TYPE_LABELS' keys ("" when the surface names no type)
    count: int | None = None


def facility_type(folded: str) -> tuple[str, str]:
    """(type, core) of a folded facility name."""
    s = re.sub(r"^the\s+", "", folded)
    s = re.sub(r"'s$", "", s).strip(" .,;:")
    if _LEADING_TYPE.match(s):
        return ("road", s)
    for rx, typ in _TYPE_RES:
        m = rx.search(s)
        if m:
            core = (s[: m.start()] + " " + s[m.end():]).strip()
            return typ, re.sub(r"\s+", " ", core).strip(" ,.;:")
    if _ROAD_RE.search(s):
        return "road", s
    return "", s


def analyse_facility(surface: str, norm: dict | None = None) -> FacilityName:
    folded = fold(surface)
    folded = re.sub(r"^the\s+", "", folded)
    first = folded.split(" ", 1)[0] if folded else ""
    count = (norm or {}).get("count")
    if count is None and (re.fullmatch(r"\d[\d,]*", first) or first in _COUNT_WORDS):
        rest = folded.split(" ", 1)[1] if " " in folded else ""
        if facility_type(rest)[0] or not rest:
            count = int(first.replace(",", "")) if first[:1].isdigit() else None
            return FacilityName("group", "", facility_type(rest)[0], count)
    typ, core = facility_type(folded)
    if count is not None:
        return FacilityName("group", "", typ, int(count))
    core = re.sub(r"[()\"“”]", " ", core)
    core = re.sub(r"\s+", " ", core).strip()
    if not core or first in _GENERIC_FIRST or not re.search(r"[a-z0-9]", core):
        return FacilityName("generic", "", typ)
    return FacilityName("named", core, typ)


@dataclass
class Resolved:
    """Link of one FACILITY mention inside its article."""
    ent_id: str
    name: FacilityName
    core: str  # core after resolution within the article
    type: str
    how: str  # "name", "same name", "acronym", "short form", "group", "generic"
    acronym: str | None = None  # acronym introduced right after this mention


def resolve_document(text: str, facilities: list[dict]) -> dict[str, Resolved]:
    """Link the FACILITY entities of one article (dicts with id/start/end/norm), in text order."""
    out: dict[str, Resolved] = {}
    acronyms: dict[str, tuple[str, str]] = {}
    for e in sorted(facilities, key=lambda e: e["start"]):
        nm = analyse_facility(text[e["start"]:e["end"]], e.get("norm"))
        r = Resolved(e["id"], nm, nm.core, nm.type, "name" if nm.kind == "named" else nm.kind)
        m = _ACRONYM_AFTER.match(text[e["end"]: e["end"] + 24])
        if nm.kind == "named" and m and fold(m.group(1)) not in _TYPE_ACRONYMS:
            r.acronym = fold(m.group(1))
            acronyms.setdefault(r.acronym, (nm.core, nm.type))
        out[e["id"]] = r
    named = [r for r in out.values() if r.name.kind == "named"]
    typed: dict[str, set[str]] = {}
    for r in named:
        if r.type:
            typed.setdefault(r.core, set()).add(r.type)
    cores = {r.core for r in named}
    for r in named:
        core, typ = r.core, r.type
        if not typ and len(typed.get(core, ())) == 1:
            r.type, r.how = next(iter(typed[core])), "same name"
            continue
        if core in acronyms and acronyms[core][0] != core and (not typ or typ == acronyms[core][1] or not acronyms[core][1]):
            r.core, r.type, r.how = acronyms[core][0], acronyms[core][1] or typ, "acronym"
            continue
        if typ and core in typed:
            continue
        longer = {c for c in cores if c != core and c.startswith(core + " ")
                  and (not typ or typ in typed.get(c, {typ}))}
        if len(longer) == 1:
            c = next(iter(longer))
            types = typed.get(c, set())
            r.core, r.how = c, "short form"
            r.type = typ or (next(iter(types)) if len(types) == 1 else "")
    return out


@dataclass
class DocProvince:
    province: str
    province_2025: str
    method: str  # dateline | headline | only province | most mentioned
    evidence: str
    start: int
    end: int


def infer_document_province(text: str, provinces: list[tuple[int, int, str, str]], title: str | None = None
                            ) -> DocProvince | None:
    """The province an article is about, from its PROVINCE mentions ``(start, end, canonical,
    post-2025 unit)``: a dateline ("VĨNH LONG — ..."), the headline (first line, or
    ``title``), the only province named, or one named in at least 60% of the mentions (3+)."""
    if not provinces:
        return None
    provinces = sorted(provinces)
    for s, e, canon, post in provinces:
        line_start = text.rfind("\n", 0, s) + 1
        m = re.match(r"\s*(?:\([^)]*\)\s*)?[—–-]", text[e:e + 40])
        if m and not text[line_start:s].strip():
            return DocProvince(canon, post, "dateline", text[line_start:e + m.end()].strip(), s, e)
    first_nl = text.find("\n")
    head_end = first_nl if first_nl >= 0 else min(len(text), 200)
    in_head = {c for s, _, c, _ in provinces if s < head_end}
    if len(in_head) == 1 and first_nl > 0:
        s, e, canon, post = next(p for p in provinces if p[2] in in_head)
        return DocProvince(canon, post, "headline", text[:head_end].strip(), s, e)
    if title:
        ftitle = fold(title)
        hits = {p[2]: p for p in provinces if fold(text[p[0]:p[1]]) in ftitle or fold(p[2]) in ftitle}
        if len(hits) == 1:
            s, e, canon, post = next(iter(hits.values()))
            return DocProvince(canon, post, "headline", title, s, e)
    counts = Counter(c for _, _, c, _ in provinces)
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    first = next(p for p in provinces if p[2] == top)
    if len(counts) == 1:
        return DocProvince(top, first[3], "only province", f"the only province named ({n} mentions)", first[0], first[1])
    if n >= 3 and n / total >= 0.6:
        return DocProvince(top, first[3], "most mentioned", f"{n} of {total} province mentions", first[0], first[1])
    return None


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def facility_id(core: str, typ: str) -> str:
    return f"{typ or 'facility'}:{_slug(core)}"


def lexicon_index() -> dict[str, dict[str, tuple[str, str, str, str]]]:
    """folded core of a lexicon name or alias -> {type: (core, type, name, province)} of the
    entries it names (one core can name several facilities: an airport and a park)."""
    idx: dict[str, dict[str, tuple[str, str, str, str]]] = {}
    for name, typ, prov, aliases in facility_lexicon():
        ltyp, core = facility_type(fold(name))
        typ = typ or ltyp
        for form in (name, *aliases):
            acore = facility_type(fold(form))[1]
            if acore:
                idx.setdefault(acore, {}).setdefault(typ, (core, typ, name, prov))
    return idx


def link_keys(keys: list[tuple[str, str]], aliases: list[tuple[str, str, str]],
              lex: dict[str, dict[str, tuple[str, str, str, str]]] | None = None
              ) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(core, type) of every named mention -> (facility id, core, type) of its record.

    ``aliases`` are (acronym, core, type) introduced in articles. A key of the facility
    lexicon takes the lexicon's canonical name and type; an untyped key takes the type of
    the only typed record with its core in the articles, else of the only lexicon entry
    with that core, else the record its acronym names. ``lex`` defaults to
    :func:`lexicon_index`; ``{}`` links without the facility lexicon."""
    lex = lexicon_index() if lex is None else lex
    typed: dict[str, set[str]] = {}
    for core, typ in keys:
        if typ:
            typed.setdefault(core, set()).add(typ)
    acr: dict[str, set[tuple[str, str]]] = {}
    for a, core, typ in aliases:
        acr.setdefault(a, set()).add((core, typ))
    out = {}
    for core, typ in keys:
        c, t = core, typ
        if not t and len(typed.get(c, ())) == 1:
            t = next(iter(typed[c]))
        elif not t and len(lex.get(c, {})) == 1:
            t = next(iter(lex[c]))
        elif not t and len(acr.get(c, ())) == 1:
            c, t = next(iter(acr[c]))
        if t in lex.get(c, {}):
            c, t = lex[c][t][0], lex[c][t][1]
        out[(core, typ)] = (facility_id(c, t), c, t)
    return out
