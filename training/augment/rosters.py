"""What the augmenter writes about, read from the lexicon (``ie/lexicon``), shaped for drawing.

Provinces, their Vietnamese names, variants and the 2025 merger map come from
``provinces.tsv`` / ``province_variants.tsv``; months, number words and approximators from
``words.json``; everything only the augmenter writes (facility kinds and their type nouns,
facilities by province, districts, regions, companies, people, border gates, stations...) from
``augment_rosters.json``. Nothing is listed here. The augmenter draws by position, so the
order of every roster is part of what a seed produces.
"""

from __future__ import annotations

from dataclasses import dataclass

from ie import lexicon
from ie.gazetteer import lookup_province

_ROSTERS = lexicon.augment_rosters()

# -- provinces ------------------------------------------------------------------------------
PROVINCE_NAMES = lexicon.provinces()  # canonical pre-merger name -> (Vietnamese name, post-merger unit)
PROVINCES = tuple(PROVINCE_NAMES)
# Pre-merger centrally-run cities: "X city" keeps only the name (except Ho Chi Minh City).
CENTRALLY_RUN_CITIES = tuple(_ROSTERS["centrally_run_cities"])
# Surface forms of the province-level Hue: never followed by "city" (before 2025 "Hue city" was a
# city below province level, D12), never by "province".
HUE_FORMS = tuple(_ROSTERS["hue_forms"])


def _province_forms() -> dict[str, dict[str, list[str]]]:
    """canonical name -> written forms by kind: ``plain``, ``diacritics``, ``variants``, ``rare``."""
    not_written = set(_ROSTERS["province_variants_not_written"])  # ambiguous abbreviations, odd tokenization
    forms: dict[str, dict[str, list[str]]] = {}
    for canon, (vietnamese, _unit) in PROVINCE_NAMES.items():
        # the Vietnamese long form "Thành phố Hồ Chí Minh" is one PROVINCE span (D17); it is rare in
        # English text, so it is a low-weight "rare" form rather than a regular diacritic form
        long_vietnamese = vietnamese.startswith("Thành phố")
        keep = vietnamese != canon and not long_vietnamese
        forms[canon] = {"plain": [canon], "diacritics": [vietnamese] if keep else [], "variants": [],
                        "rare": [vietnamese] if long_vietnamese else []}
    for variant, canon in lexicon.province_variants().items():
        if variant in not_written or variant == canon:
            continue
        forms[canon]["variants"].append(variant)
    for canon, extra in _ROSTERS["province_variants_also_written"].items():
        forms[canon]["variants"] += extra  # "Hue" / "Huế" name the province-level unit (D17)
    return forms


PROVINCE_FORMS = _province_forms()
# new unit (after 1 July 2025) -> the old units merged into it other than itself
MERGED_OLD_UNITS: dict[str, list[str]] = {}
for _canon, (_vietnamese, _unit) in PROVINCE_NAMES.items():
    if _unit != _canon and _canon != "Thua Thien Hue":
        MERGED_OLD_UNITS.setdefault(_unit, []).append(_canon)

# -- facility kinds ----------------------------------------------------------------------------
# kind -> "singular" type nouns with weights, "plural" nouns for coordinated names, "counted"
# nouns for counted groups, "article" (probability of a leading "the"), "phases" (may take "Phase 2")
FACILITY_KINDS: dict[str, dict] = {
    kind: {**spec, "singular": [tuple(pair) for pair in spec["singular"]]}
    for kind, spec in _ROSTERS["facility_kinds"].items()
}
INFRASTRUCTURE_KINDS = ("EXPRESSWAY", "HIGHWAY", "RINGROAD", "RAILWAY", "BRIDGE", "AIRPORT", "PORT")
ZONE_KINDS = ("IP", "IC", "CEZ", "BGEZ", "EPZ", "FTZ", "HTP", "HTAP", "UA", "CBZ")


@dataclass(frozen=True)
class Facility:
    core: str  # name without type noun ("Que Vo II")
    kind: str
    provinces: tuple[str, ...]
    suffix: str = ""  # after the type noun ("II-A")
    fixed: tuple[str, ...] = ()  # fixed full surface forms
    international: bool = False  # airports

    @property
    def bare_ok(self) -> bool:
        """May appear as a bare name in a typed list or before a shared plural noun."""
        if self.fixed or self.kind in ("HIGHWAY", "RINGROAD", "CBZ", "LOG", "ICD", "HTAP", "FTZ", "HTP", "UA"):
            return False
        if self.suffix.startswith("–"):  # "Nhon Hoi Industrial Park – Zone C" has no bare form
            return False
        # "Cao Bang" alone would read as the province; typed lists that name facilities after
        # provinces (D18) are written by their own template (province_named_list)
        return lookup_province(self.core) is None

    @property
    def canonical(self) -> str:
        if self.fixed:
            return self.fixed[0]
        if self.kind == "HIGHWAY":
            return f"National Highway {self.core}"
        if self.kind == "RINGROAD":
            return f"Ring Road {self.core}"
        if self.kind == "AIRPORT":
            return f"{self.core} {'International Airport' if self.international else 'Airport'}"
        noun = FACILITY_KINDS[self.kind]["singular"][0][0]
        return f"{self.core} {noun}" + (f" {self.suffix}" if self.suffix else "")


def _known(provinces) -> tuple[str, ...]:
    provinces = tuple(provinces)
    unknown = [p for p in provinces if p not in PROVINCE_NAMES]
    assert not unknown, unknown
    return provinces


def _build_facilities() -> list[Facility]:
    facilities: list[Facility] = []
    # "Yen Phong" or ["Yen Phong", "II-A"]: the suffix goes after the type noun ("Yen Phong Industrial Park II-A")
    for kind, by_province in _ROSTERS["facilities_by_province"].items():
        for province, names in by_province.items():
            for name in names:
                core, suffix = (name, "") if isinstance(name, str) else name
                facilities.append(Facility(core, kind, _known([province]), suffix))
    for kind, by_name in _ROSTERS["linear_facilities"].items():  # name core -> provinces it lies in
        for core, provinces in by_name.items():
            facilities.append(Facility(core, kind, _known(provinces)))
    for core, airport in _ROSTERS["airports"].items():
        facilities.append(Facility(core, "AIRPORT", _known([airport["province"]]), international=airport["international"]))
    for fixed in _ROSTERS["fixed_facilities"]:  # names with a fixed shape
        facilities.append(Facility(fixed["forms"][0], fixed["kind"], _known(fixed["provinces"]),
                                   fixed=tuple(fixed["forms"])))
    names = [f.canonical for f in facilities]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    return facilities


FACILITIES = _build_facilities()
FACILITIES_BY_KIND: dict[str, list[Facility]] = {}
FACILITIES_BY_KIND_AND_PROVINCE: dict[tuple[str, str], list[Facility]] = {}
for _facility in FACILITIES:
    FACILITIES_BY_KIND.setdefault(_facility.kind, []).append(_facility)
    for _province in _facility.provinces:
        FACILITIES_BY_KIND_AND_PROVINCE.setdefault((_facility.kind, _province), []).append(_facility)

# Full name + parenthesised abbreviation (the abbreviation is not tagged again, D21).
ABBREVIATED_FACILITIES = [(a["name"], a["abbreviation"], a["province"]) for a in _ROSTERS["abbreviated_facilities"]]


def _unit_groups(kind: str) -> dict[str, list[Facility]]:
    """Facilities of one kind by the province-level unit after the 1 July 2025 merger (units with two or more)."""
    out: dict[str, list[Facility]] = {}
    for f in FACILITIES_BY_KIND.get(kind, []):
        if f.fixed or f.suffix:
            continue
        unit = PROVINCE_NAMES[f.provinces[0]][1]
        if unit in PROVINCE_NAMES:
            out.setdefault(unit, []).append(f)
    return {u: fs for u, fs in sorted(out.items()) if len(fs) >= 2}


UNIT_GROUPS = {"AIRPORT": _unit_groups("AIRPORT"), "BGEZ": _unit_groups("BGEZ")}


def named_after_province(f: Facility) -> bool:
    return lookup_province(f.core) is not None


# Border-gate checkpoints and railway stations are not FACILITY (D27); only border-gate economic
# zones are. (name, province)
BORDER_GATES = [tuple(pair) for pair in _ROSTERS["border_gates"]]
RAIL_STATIONS = [tuple(pair) for pair in _ROSTERS["rail_stations"]]
# ports on a bay named after a place: the province name inside a natural feature is not tagged (D16)
BAYS: dict[str, str] = _ROSTERS["bays"]
# facilities whose short name (without the type noun) stands for them unambiguously (D28)
SHORT_NAMES = {kind: tuple(names) for kind, names in _ROSTERS["short_names"].items()}

# -- hard negatives and other names ----------------------------------------------------------
# districts, towns and cities below province level (never PROVINCE, D12)
DISTRICTS: dict[str, list[str]] = _ROSTERS["districts"]
DISTRICT_BASES = {d.rpartition(" ")[0] for ds in DISTRICTS.values() for d in ds}
REGIONS = _ROSTERS["regions"]  # a province name inside a regional name is not tagged
REGION_OF = {province: region for region, provinces in _ROSTERS["region_provinces"].items() for province in provinces}
assert set(REGION_OF) == set(PROVINCE_NAMES)
COUNTRIES = _ROSTERS["countries"]
COMPANIES = _ROSTERS["companies"]
URBAN_AREA_DEVELOPERS = _ROSTERS["urban_area_developers"]
DEVELOPERS = _ROSTERS["developers"]
INVESTORS = _ROSTERS["investors"]
PEOPLE = _ROSTERS["people"]
INDUSTRIES = _ROSTERS["industries"]
PRODUCTS = _ROSTERS["products"]
DECADES = _ROSTERS["decades"]
WEEKDAYS = _ROSTERS["weekdays"]

# -- dates, numbers, approximators -------------------------------------------------------------
MONTHS = lexicon.month_names()
# abbreviated month names that stay one token with their full stop ("Sept. 9", D55): month -> form
MONTH_ABBREVIATIONS = {lexicon.months()[a.rstrip(".").lower()]: a for a in _ROSTERS["month_abbreviations_written"]}
# 1..12 -> the number word (the first the lexicon gives for the value: "twelve", not "dozen")
NUMBER_WORDS: dict[int, str] = {}
for _word, _value in lexicon.number_words().items():
    if _value == int(_value) and 1 <= _value <= 12:
        NUMBER_WORDS.setdefault(int(_value), _word)
# the approximators written before amounts, in drawing order; each is one the lexicon reads
APPROXIMATORS = _ROSTERS["approximators_written"]
assert set(APPROXIMATORS) <= {said for said, _ in lexicon.approximators()}, APPROXIMATORS
