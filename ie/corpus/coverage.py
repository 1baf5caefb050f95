"""Coverage counts for the training corpus (what the corpus issue asks to see), and the
check that no 12-word sequence of a seed article occurs in the training data."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from ie.docs import Document
from ie.gazetteer import PROVINCES_2024, PROVINCES_2025, lookup_province

MONEY_FORMS = {
    "VND prefix": r"^VN[DĐ]\s?\d", "VND suffix": r"\d.*\bVN[DĐ]$", "VNĐ": r"VNĐ", "dong": r"\b(dong|đồng)$",
    "US$": r"US\$", "$ alone": r"^\$", "USD": r"USD", "million": r"million", "billion": r"billion",
    "trillion": r"trillion", "quadrillion": r"quadrillion", "spelled number": r"^(one|two|three|four|five|six|seven|eight|nine|ten|half)\b",
    "range": r"\d\s?[-–]\s?\d", "dots+commas": r"\d,\d{3}\.\d|\d\.\d{3},\d",
}
AREA_FORMS = {"ha": r"\d\s?ha$", "hectares": r"hectares?$", "N-ha": r"\d-ha$", "Nha (attached)": r"\dha$",
              "km2": r"km2|km²|sq\.? ?km|square kilomet", "square metres": r"square met|m2$|m²", "range": r"\d\s?[-–]\s?\d"}
DATE_FORMS = {"year": r"^\d{4}$", "YYYY-YYYY": r"^\d{4}-\d{4}$", "YYYY-YY": r"^\d{4}-\d{2}$",
              "YYYY - YYYY": r"^\d{4} [-–] \d{4}$", "D Month YYYY": r"^\d{1,2} [A-Z][a-z]+ \d{4}$",
              "Month D, YYYY": r"^[A-Z][a-z]+ \d{1,2}, \d{4}$", "d/m/yyyy": r"^\d{1,2}/\d{1,2}/\d{4}$",
              "Month YYYY": r"^[A-Z][a-z]+ \d{4}$", "month only": r"^(early |mid-|late )?[A-Z][a-z]+$",
              "part of year": r"(first|second|third|last|beginning|end|half|quarter|months|Q[1-4]|early|mid|late).*\d{4}"}
FACILITY_TYPES = {"industrial park": r"industrial (park|zone)|\bIPs?\b|\bIZs?\b", "cluster": r"cluster|\bICs?\b",
                  "economic zone": r"economic zone|\bEZs?\b", "hi-tech park": r"hi-?tech|high-tech",
                  "port": r"port\b|seaport|terminal", "airport": r"airport", "road": r"highway|expressway|road|route|ring",
                  "railway": r"railway|metro|rail", "bridge": r"bridge", "logistics": r"logistics",
                  "roman numeral": r"\b(II|III|IV|VI)\b", "phase": r"[Pp]hase", "counted group": r"^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"}
NEGATIVES = {"district/town/commune": r"\b(district|town|commune|ward)s?\b", "percent": r"percent|%",
             "projects count": r"\d+ (new )?projects", "length km": r"\d+(\.\d+)?[- ]?km\b(?!2)",
             "decision numbers": r"\b\d+/(\d{4}/)?[A-ZĐ]{2,}", "countries": r"\b(Viet ?Nam|Japan|China|Korea|Singapore|Thailand)\b",
             "regions": r"(Red River Delta|Mekong Delta|Central Highlands|Southeast|North Central|Capital Region)",
             "durations": r"\b\d+ years\b", "relative time": r"\b(this year|next year|last year|the coming time)\b"}


def _count_forms(spans: list[str], forms: dict[str, str], flags: int = 0) -> dict[str, int]:
    return {k: sum(1 for s in spans if re.search(p, s, flags)) for k, p in forms.items()}


def coverage_report(docs: Iterable[Document]) -> dict:
    docs = list(docs)
    by_label: dict[str, list[tuple[Document, object]]] = {}
    for d in docs:
        for e in d.entities:
            by_label.setdefault(e.label, []).append((d, e))
    prov = Counter()
    post = Counter()
    prov_forms = Counter()
    for d, e in by_label.get("PROVINCE", []):
        s = d.text[e.start:e.end]
        n = lookup_province(s)
        if n:
            prov[n["name"]] += 1
            name_2025 = "Hue" if s.lower() in {"hue", "huế"} else n["name"]
            if name_2025 in PROVINCES_2025:
                post[name_2025] += 1
        if any(ord(c) > 127 for c in s):
            prov_forms["with diacritics"] += 1
        if s.isupper():
            prov_forms["upper case"] += 1
        after = d.text[e.end:e.end + 12]
        if re.match(r"['’]s\b", after):
            prov_forms["possessive"] += 1
        if re.match(r"\s+(Provincial|People|Department|Province's|Planning|JSC|Corporation|Group)", after) or re.search(r"(Becamex|Viglacera)\s+$", d.text[max(0, e.start - 15):e.start]):
            prov_forms["inside agency/plan/company name"] += 1
    fac = [d.text[e.start:e.end] for d, e in by_label.get("FACILITY", [])]
    words = [len(d.text.split()) for d in docs]
    styles = Counter(d.meta.get("style", "unspecified") for d in docs)
    neg = {k: sum(len(re.findall(p, d.text)) for d in docs) for k, p in NEGATIVES.items()}
    return {
        "provinces_pre_2025": {name: prov[name] for name in PROVINCES_2024},
        "provinces_pre_2025_missing": [n for n in PROVINCES_2024 if prov[n] == 0],
        "provinces_2025": {name: post[name] for name in PROVINCES_2025},
        "provinces_2025_missing": [n for n in PROVINCES_2025 if post[n] == 0],
        "province_forms": dict(prov_forms),
        "facility_distinct_surfaces": len({f.lower() for f in fac}),
        "facility_types": {**_count_forms(fac, {k: v for k, v in FACILITY_TYPES.items() if k != "roman numeral"}, re.I),
                           **_count_forms(fac, {"roman numeral": FACILITY_TYPES["roman numeral"]})},
        "money_forms": _count_forms([d.text[e.start:e.end] for d, e in by_label.get("MONEY", [])], MONEY_FORMS),
        "area_forms": _count_forms([d.text[e.start:e.end].lower() for d, e in by_label.get("AREA", [])], AREA_FORMS),
        "date_forms": _count_forms([d.text[e.start:e.end] for d, e in by_label.get("DATE", [])], DATE_FORMS),
        "hard_negative_mentions": neg,
        "styles": dict(styles),
        "documents_over_1500_words": sum(1 for w in words if w > 1500),
        "synthetic_documents": sum(1 for d in docs if d.meta.get("synthetic")),
        **_sentence_shares(docs),
    }


def _sentence_shares(docs: list[Document]) -> dict:
    """Sentences written by people vs. generated by training/augment.py (at most half may be generated)."""
    from ie.text import tokenize

    human = synthetic = 0
    for d in docs:
        n = sum(1 for s in tokenize(d.text).sents if s.text.strip())
        if d.meta.get("synthetic"):
            synthetic += n
        else:
            human += n
    total = human + synthetic
    return {"sentences_human": human, "sentences_synthetic": synthetic,
            "synthetic_sentence_share": round(synthetic / total, 3) if total else 0.0}


def format_coverage(cov: dict) -> str:
    lines = ["coverage"]
    for k, v in cov.items():
        if isinstance(v, dict) and k.startswith("provinces"):
            vals = sorted(v.values())
            lines.append(f"  {k}: {len(v)} names, min {vals[0]}, median {vals[len(vals)//2]}, max {vals[-1]}")
        elif isinstance(v, dict):
            lines.append(f"  {k}: " + ", ".join(f"{a}={b}" for a, b in v.items()))
        else:
            lines.append(f"  {k}: {v}")
    return "\n".join(lines)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


# Stock phrases of the genre that any article may share with a seed (the issue allows them).
STOCK_PHRASES = (
    "provincial planning for the period 2021-2030 with a vision to 2050 approved by the prime minister",
    "provincial planning for the 2021-2030 period with a vision to 2050 approved by the prime minister",
)


def seed_overlaps(seed_texts: dict[str, str], docs: Iterable[Document], n: int = 12,
                  allowed: Iterable[str] = STOCK_PHRASES, min_stock: int = 9) -> list[tuple[str, str, str]]:
    """(training doc id, seed id, the shared n-word sequence) for every n-gram of a seed
    that occurs in a training document; an n-gram of which at least ``min_stock``
    consecutive words belong to a stock phrase in ``allowed`` is ignored."""
    grams: dict[tuple, str] = {}
    for sid, t in seed_texts.items():
        w = _words(t)
        for i in range(len(w) - n + 1):
            grams.setdefault(tuple(w[i : i + n]), sid)
    ok = {tuple(_words(a)) for a in allowed}
    hits = []
    for d in docs:
        w = _words(d.text)
        for i in range(len(w) - n + 1):
            g = tuple(w[i : i + n])
            if g in grams and not any(_common_run(g, a) >= min_stock for a in ok):
                hits.append((d.id, grams[g], " ".join(g)))
    return hits


def _common_run(g: tuple, a: tuple) -> int:
    """Length of the longest contiguous word run shared by g and a."""
    best = 0
    for i in range(len(g)):
        for j in range(len(a)):
            k = 0
            while i + k < len(g) and j + k < len(a) and g[i + k] == a[j + k]:
                k += 1
            best = max(best, k)
    return best


def read_seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(seeds_dir).glob("*.txt"))}
