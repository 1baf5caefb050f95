"""Normalized values of entity spans (section 3 of the guideline); the spaCy component
that attaches them is :mod:`ie.components.normalizer`.

Every function takes the span text (and, for MONEY, the text just before it, to find an
approximator) and returns a JSON-ready dict, or raises :class:`NormError` with a reason.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ie import lexicon
from ie.gazetteer import lookup_province, strip_diacritics


class NormError(ValueError):
    pass


NUMBER_WORDS = lexicon.number_words(in_amounts=True)
MAGNITUDES = lexicon.magnitudes()
CURRENCIES = lexicon.currencies()  # (pattern, ISO code), longest first
APPROX = lexicon.approximators()
_APPROX_RE = re.compile(r"(?:^|\W)(" + "|".join(re.escape(a) for a, _ in APPROX) + r")\s*$", re.I)
_NUM = r"\d[\d.,]*"
MAX_DIGITS = 24  # no amount or area in the news has more; longer runs are not values


def parse_number(tok: str) -> float:
    """'4,128' -> 4128; '17.5' -> 17.5; '6.397,68' -> 6397.68; '1.234.567' -> 1234567."""
    t = tok.strip().rstrip(".,")
    if not t or not re.fullmatch(r"\d[\d.,]*", t):
        raise NormError(f"not a number: {tok!r}")
    digits = sum(c.isdigit() for c in t)
    if digits > MAX_DIGITS:
        raise NormError(f"number with {digits} digits is beyond any real amount (at most {MAX_DIGITS})")
    if "," in t and "." in t:
        if t.rfind(",") > t.rfind("."):  # 6.397,68 (European)
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        parts = t.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            t = t.replace(",", "")
        elif len(parts) == 2:
            t = t.replace(",", ".")
        else:
            raise NormError(f"unclear number {tok!r}")
    elif t.count(".") > 1:
        if all(len(p) == 3 for p in t.split(".")[1:]):
            t = t.replace(".", "")
        else:
            raise NormError(f"unclear number {tok!r}")
    if not re.fullmatch(r"\d+(?:\.\d+)?", t):  # separators left in the wrong places: "0.,.0", "1,.5"
        raise NormError(f"unclear number {tok!r}")
    return Decimal(t)


def _words_number(words: list[str]) -> Decimal:
    cur = Decimal(0)
    if words[:2] in (["half", "a"], ["half", "an"]):
        words = ["half"] + words[2:]
    for w in words:
        v = NUMBER_WORDS.get(w)
        if v is None:
            raise NormError(f"unknown number word {w!r}")
        if w == "hundred":
            cur = (cur or 1) * 100
        else:
            cur += Decimal(str(v))
    return cur


def _quantity(s: str) -> tuple[float, float | None]:
    """Number (or range) with an optional magnitude word: '1,100-1,200 billion' -> (1.1e12, 1.2e12)."""
    s = s.strip().lower().replace("–", "-").replace("—", "-")
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"(?<=\d)\s*to\s*(?=\d)", "-", s)
    m = re.fullmatch(rf"({_NUM})(?:-({_NUM}))?\s*([a-z]+)?(?:\s+([a-z]+))?", s)
    if m:
        lo, hi = parse_number(m.group(1)), (parse_number(m.group(2)) if m.group(2) else None)
        if hi is not None and hi < lo:
            raise NormError(f"range ends before it starts: {s!r}")
        mult = Decimal(1)
        for w in (m.group(3), m.group(4)):
            if w:
                if w not in MAGNITUDES:
                    raise NormError(f"unknown magnitude {w!r}")
                mult *= Decimal(str(int(MAGNITUDES[w])))
        return lo * mult, (hi * mult if hi is not None else None)
    words = s.replace("-", " ").split()
    mult = Decimal(1)
    while words and words[-1] in MAGNITUDES:
        mult *= Decimal(str(int(MAGNITUDES[words.pop()])))
    if not words:
        raise NormError(f"no number in {s!r}")
    # mixed: "1.5 billion" handled above; "six billion", "one hundred"
    return _words_number(words) * mult, None


def _clean(v) -> float | int:
    d = Decimal(v)
    return int(d) if d == d.to_integral_value() else float(d)


def find_approximator(left: str) -> str | None:
    m = _APPROX_RE.search(left[-25:])
    if not m:
        return None
    said = m.group(1).lower()
    return dict(APPROX)[said]


def _currency(token: str) -> str | None:
    t = token.lower()
    for pat, code in CURRENCIES:
        if re.fullmatch(pat, t):
            return code
    return None


_CUR_ANY = "|".join(p for p, _ in CURRENCIES)
_MONEY_PREFIX = re.compile(rf"^({_CUR_ANY})\s*(.+)$", re.I)
_MONEY_SUFFIX = re.compile(rf"^(.+?)\s*({_CUR_ANY})$", re.I)


def normalize_money(text: str, left: str = "") -> dict:
    """Currency before (VND4,128 billion, US$17.5 million) or after (2.2 quadrillion VND) the number."""
    s = text.strip()
    cur = rest = None
    m = _MONEY_PREFIX.match(s)
    if m and m.group(2)[:1].isdigit() and _currency(m.group(1)):
        cur, rest = _currency(m.group(1)), m.group(2)
    else:
        m = _MONEY_SUFFIX.match(s)
        if m and _currency(m.group(2)):
            cur, rest = _currency(m.group(2)), m.group(1)
    if cur is None:
        raise NormError(f"no currency in {text!r}")
    lo, hi = _quantity(rest)
    out = {"amount": _clean(lo), "currency": cur}
    if hi is not None:
        out["min"], out["max"] = _clean(lo), _clean(hi)
    approx = find_approximator(left)
    if approx:
        out["approximator"] = approx
    return out


AREA_UNITS = lexicon.area_units()  # (pattern, hectares per unit)


def normalize_area(text: str, left: str = "") -> dict:
    s = text.strip().lower()
    for pat, factor in AREA_UNITS:
        m = re.fullmatch(rf"(.+?)\s*-?\s*{pat}", s)
        if m:
            lo, hi = _quantity(m.group(1))
            out = {"hectares": _clean(lo * factor)}
            if hi is not None:
                out["min"], out["max"] = _clean(lo * factor), _clean(hi * factor)
            approx = find_approximator(left)
            if approx:
                out["approximator"] = approx
            return out
    raise NormError(f"no area unit in {text!r}")


MONTHS = lexicon.months()
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))


def _year(y: str) -> int:
    v = int(y)
    if not 1900 <= v <= 2100:
        raise NormError(f"year {y} out of range")
    return v


def normalize_date(text: str, left: str = "") -> dict:
    s = strip_diacritics(text.strip()).lower().replace("–", "-").replace("—", "-")
    s = re.sub(r"\s+", " ", s)
    # ISO day
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # day/month/year (Vietnamese order)
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", s)
    if m:
        return _day(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MON})\.?,? (\d{{4}})", s)
    if m:
        return _day(_year(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    m = re.fullmatch(rf"({_MON})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", s)
    if m:
        return _day(_year(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    # month year
    m = re.fullmatch(rf"(?:(early|mid|late|end of|beginning of|the end of) ?-?)?({_MON})\.?,? (\d{{4}})", s)
    if m:
        y, mo = _year(m.group(3)), MONTHS[m.group(2)]
        out = {"start": y, "end": y, "month": f"{y:04d}-{mo:02d}"}
        if m.group(1):
            out["part"] = m.group(1)
        return out
    # day and month without a year (guideline D55: "October 8", "Sept. 9", "8 October")
    m = re.fullmatch(rf"({_MON})\.? (\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MON})\.?", s)
    if m:
        mo, d = (MONTHS[m.group(1)], int(m.group(2))) if m.group(1) else (MONTHS[m.group(4)], int(m.group(3)))
        _day(2000, mo, d)  # a day that exists in some year (2000 is a leap year)
        return {"start": None, "end": None, "month": mo, "day": d}
    m = re.fullmatch(rf"(?:(early|mid|late|end of|beginning of) ?-?)?({_MON})", s)
    if m:
        out = {"start": None, "end": None, "month": MONTHS[m.group(2)]}
        if m.group(1):
            out["part"] = m.group(1)
        return out
    # year ranges: 2021-2030, 2021 - 2030, 2021-25, 2021 to 2030, 2021 and 2030
    m = re.fullmatch(r"(\d{4}) ?(?:-|to|and|until|through) ?(\d{2}|\d{4})", s)
    if m:
        a = _year(m.group(1))
        b = int(m.group(2)) if len(m.group(2)) == 4 else (a // 100) * 100 + int(m.group(2))
        _year(str(b))
        if b < a:
            raise NormError(f"range ends before it starts: {text!r}")
        return {"start": a, "end": b}
    m = re.fullmatch(r"(\d{4})(?:'s)?", s)
    if m:
        y = _year(m.group(1))
        return {"start": y, "end": y}
    # parts of a named year: first nine months of 2022, Q3 2024, end of 2025, mid-2027
    years = re.findall(r"\b(\d{4})\b", s)
    if len(years) == 1:
        y = _year(years[0])
        part = s.replace(years[0], "").strip(" ,-").replace(" of", "").strip()
        return {"start": y, "end": y, "part": part or None}
    raise NormError(f"unrecognised date {text!r}")


def _day(y: int, mo: int, d: int) -> dict:
    import datetime

    try:
        iso = datetime.date(y, mo, d).isoformat()
    except ValueError as exc:
        raise NormError(f"invalid day: {exc}") from None
    return {"date": iso, "start": y, "end": y}


def normalize_province(text: str, left: str = "") -> dict:
    found = lookup_province(text)
    if found is None:
        raise NormError(f"unknown province name {text!r}")
    return found


def normalize_facility(text: str, left: str = "") -> dict:
    m = re.match(r"^(\d[\d,]*|[a-z]+)\s", text.strip().lower())
    if m:
        try:
            n = parse_number(m.group(1)) if m.group(1)[0].isdigit() else NUMBER_WORDS.get(m.group(1))
        except NormError:
            n = None
        if n and float(n).is_integer():
            return {"name": text.strip(), "count": int(n)}
    return {"name": text.strip()}


NORMALIZERS = {
    "PROVINCE": normalize_province,
    "FACILITY": normalize_facility,
    "MONEY": normalize_money,
    "AREA": normalize_area,
    "DATE": normalize_date,
}


def normalize(label: str, text: str, left: str = "") -> dict:
    fn = NORMALIZERS.get(label)
    if fn is None:
        raise NormError(f"no normalizer for label {label!r}")
    return fn(text, left)
