"""Phrase writers shared by the templates: provinces, facilities, counted groups, money, areas and dates.

Each writer appends its words to a :class:`~training.augment.render.Sentence` and tags the entity it
writes, returning the entity's index for relations. Every random draw goes through ``self.rng`` in a
fixed order: reordering draws changes the corpus a seed generates.
"""

from __future__ import annotations

import random
from typing import ClassVar

from .render import Sentence, capitalize
from .rosters import (
    APPROXIMATORS,
    CENTRALLY_RUN_CITIES,
    DISTRICTS,
    FACILITIES_BY_KIND,
    FACILITIES_BY_KIND_AND_PROVINCE,
    FACILITY_KINDS,
    HUE_FORMS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PEOPLE,
    PROVINCE_FORMS,
    PROVINCES,
    Facility,
)


class Phrases:
    """Phrase writers over one random generator; ``home`` is the province the current document
    is about (most provinces and facilities are drawn from it)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.home = "Bac Ninh"

    # random helpers -------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def weighted(self, pairs):
        total = sum(wt for _, wt in pairs)
        x = self.rng.random() * total
        for item, wt in pairs:
            x -= wt
            if x < 0:
                return item
        return pairs[-1][0]

    def draw_province(self, local: float = 0.65) -> str:
        return self.home if self.chance(local) else self.pick(PROVINCES)

    # negatives --------------------------------------------------------------
    def percent(self) -> str:
        x = self.rng.choice([self.rng.randint(3, 95), round(self.rng.uniform(1, 40), 1)])
        return f"{x}%" if self.chance(0.6) else f"{x} percent"

    def project_count(self) -> str:
        n = self.rng.choice([self.rng.randint(12, 99), self.rng.randint(100, 1500)])
        return f"{n:,} {self.pick(['projects', 'FDI projects', 'new projects', 'investment projects', 'secondary projects'])}"

    def district(self, prov: str) -> str | None:
        ds = DISTRICTS.get(prov)
        return self.pick(ds) if ds else None

    def person(self) -> str:
        return self.pick(PEOPLE)

    def decision(self, pm: bool = False, approve: bool = False) -> str:
        n = self.rng.randint(100, 1999)
        if pm:
            return f"Decision {n}/QD-TTg"
        if approve:
            return self.pick([f"Decision {n}/QD-TTg", f"Decision {n}/QD-UBND"])
        return self.pick([f"Decision {n}/QD-TTg", f"Resolution {n}/NQ-CP", f"Decision {n}/QD-UBND",
                       f"Document {n}/UBND-KTTH"])

    # provinces --------------------------------------------------------------
    def province_surface(self, canon: str) -> str:
        f = PROVINCE_FORMS[canon]
        pool = [(x, 6) for x in f["plain"]] + [(x, 2) for x in f["diacritics"]] + [(x, 2) for x in f["variants"]] + \
            [(x, 1.5) for x in f["rare"]]
        return self.weighted(pool)

    def province(self, s: Sentence, canon: str | None = None, st: str = "name", cap: bool = False) -> int:
        """A province mention. st: name | np (with 'province'/'city') | poss | agency | plan | adj."""
        canon = canon or self.draw_province()
        s.provinces.append(canon)
        surf = self.province_surface(canon)
        hue = surf in HUE_FORMS
        central = canon in CENTRALLY_RUN_CITIES or hue
        hcm = canon == "Ho Chi Minh City"
        the = "The " if cap else "the "
        if st == "name":
            return s.entity(surf, "PROVINCE")
        if st == "np":
            if not central and self.chance(0.08):
                s.add(f"{the}province of ")
                return s.entity(surf, "PROVINCE")
            if central and not hcm and not hue and self.chance(0.4):
                if canon == "Ha Noi" and self.chance(0.4):
                    if self.chance(0.5):
                        s.add(f"{the}capital city of ")
                        return s.entity(surf, "PROVINCE")
                    k = s.entity(surf, "PROVINCE")
                    s.add(" capital")
                    return k
                k = s.entity(surf, "PROVINCE")
                s.add(" city")
                return k
            k = s.entity(surf, "PROVINCE")
            if not central and self.chance(0.45):
                s.add(" province")
            return k
        if st == "poss":
            k = s.entity(surf, "PROVINCE")
            s.add(" province's" if (not central and self.chance(0.15)) else "'s")
            return k
        if st == "agency":
            s.add(the)
            k = s.entity(surf, "PROVINCE")
            if central:
                opts = [" People's Committee", " Department of Planning and Investment", " Department of Finance",
                        " Export Processing and Industrial Zones Authority"]
                if not hcm and not hue:
                    opts.append(" City People's Committee")
            else:
                opts = [" Provincial People's Committee", " Department of Planning and Investment",
                        " Industrial Parks Management Board", " Economic Zone Management Board",
                        " Department of Finance", " provincial People's Council"]
            s.add(self.pick(opts))
            return k
        if st == "plan":
            s.add(the)
            k = s.entity(surf, "PROVINCE")
            if central:
                s.add(self.pick([" master plan", " City Planning" if not (hcm or hue) else " master plan"]))
            else:
                s.add(self.pick([" Provincial Planning", " provincial master plan", " Provincial Planning"]))
            return k
        if st == "adj":
            k = s.entity(surf, "PROVINCE")
            s.add(self.pick(["-based", "-registered"]))
            return k
        raise ValueError(st)

    def dateline(self, s: Sentence, canon: str) -> None:
        f = PROVINCE_FORMS[canon]
        surf = self.pick(f["plain"] + f["diacritics"] + f["variants"][:2] + (f["rare"] if self.chance(0.3) else []))
        s.entity(surf.upper(), "PROVINCE")
        if self.chance(0.3):
            s.add(", ")
            mi = self.rng.randint(1, 12)
            day = self.rng.randint(1, 28)
            s.entity(f"{MONTH_ABBREVIATIONS[mi]} {day}" if mi in MONTH_ABBREVIATIONS and self.chance(0.3) else f"{MONTHS[mi - 1]} {day}", "DATE")
            s.add(" (VNA) – ")
            s.body_start = s.length
            return
        else:
            s.add(self.pick([" – ", " — ", " (VNA) – ", " - "]))
        s.body_start = s.length

    # facilities -------------------------------------------------------------
    def draw_facility(self, kinds, prov: str | None = None, local: float = 0.7, bare: bool = False,
            multi: bool = False, exclude=()) -> Facility:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        pool = [f for k in kinds for f in FACILITIES_BY_KIND.get(k, []) if f not in exclude]
        if bare:
            pool = [f for f in pool if f.bare_ok]
        if multi:
            pool = [f for f in pool if len(f.provinces) >= 2]
        want = prov or (self.home if self.chance(local) else None)
        if want:
            loc = [f for f in pool if want in f.provinces]
            if loc:
                return self.pick(loc)
        return self.pick(pool)

    def facility_province(self, f: Facility) -> str:
        return self.home if self.home in f.provinces else self.pick(f.provinces)

    def draw_facility_group(self, kind: str, k: int, prov: str | None = None) -> tuple[str, list[Facility]] | None:
        """k distinct bare-nameable facilities of one kind in one province."""
        want = prov or self.home
        for p in [want] + [self.pick(PROVINCES) for _ in range(30)]:
            cands = [f for f in FACILITIES_BY_KIND_AND_PROVINCE.get((kind, p), []) if f.bare_ok]
            if len(cands) >= k:
                picked = self.rng.sample(cands, k)
                return p, picked
        return None

    def facility_surface(self, f: Facility, phase: bool = True) -> str:
        if f.fixed:
            return self.pick(f.fixed)
        if f.kind == "HIGHWAY":
            # "No. 5" with a space stays inside one sentence for the project tokenizer
            return self.weighted([(f"National Highway {f.core}", 8), (f"Highway No.{f.core}", 2),
                           (f"National Road {f.core}", 1), (f"National Road No. {f.core}", 1),
                           (f"Highway No. {f.core}", 0.5)])
        if f.kind == "RINGROAD":
            if f.core.startswith("HCMC "):
                n = f.core.split()[1]
                return self.pick([f"Ho Chi Minh City Ring Road {n}", f"HCM City Ring Road {n}",
                               f"Ho Chi Minh City Ring road No.{n}"])
            return self.weighted([(f"Ring Road {f.core}", 5), (f"Ring road No.{f.core}", 2), (f"Ring Road No.{f.core}", 1),
                           (f"Ring Road No. {f.core}", 0.5)])
        if f.kind == "AIRPORT":
            noun = self.weighted([("International Airport", 4), ("Airport", 1), ("airport", 1)]) if f.international else \
                self.weighted([("Airport", 3), ("airport", 1)])
            return f"{f.core} {noun}"
        noun = self.weighted(FACILITY_KINDS[f.kind]["singular"])
        out = f"{f.core} {noun}"
        if f.suffix:
            out += f" {f.suffix}"
        elif phase and FACILITY_KINDS[f.kind].get("phases") and self.chance(0.07):
            out += self.pick([" – Phase 2", " - Phase II", " – Phase 3", " Phase 2", " – phase 2"])
        return out

    def facility(self, s: Sentence, f: Facility, art: bool | None = None, cap: bool = False, phase: bool = True) -> int:
        s.provinces.append(self.facility_province(f))
        if art is None:
            art = self.chance(FACILITY_KINDS[f.kind]["article"])
        if art:
            s.add("The " if cap else "the ")
            return s.entity(self.facility_surface(f, phase), "FACILITY")
        return s.entity(capitalize(self.facility_surface(f, phase)) if cap else self.facility_surface(f, phase), "FACILITY")

    def bare_name(self, f: Facility) -> str:
        return f.core + (f" {f.suffix}" if f.suffix else "")

    def group_kind(self, pc: str, kinds) -> tuple[str, int | None]:
        """A group kind fitting the province; zones it has few of are counted exactly."""
        kind = self.pick(list(kinds))
        if kind in ("IP", "IC", "UA"):
            return kind, None
        have = len(FACILITIES_BY_KIND_AND_PROVINCE.get((kind, pc), []))
        if have >= 2:
            return kind, have
        return self.pick(["IP", "IC"]), None

    def names_list(self, s: Sentence, facs: list[Facility]) -> list[int]:
        """'A, B and C' with each bare name tagged."""
        keys = []
        for i, f in enumerate(facs):
            if i:
                s.add(" and " if i == len(facs) - 1 else ", ")
            keys.append(s.entity(self.bare_name(f), "FACILITY"))
        return keys

    def count_word(self, n: int, cap: bool = False) -> str:
        if n in NUMBER_WORDS and self.chance(0.6):
            return capitalize(NUMBER_WORDS[n]) if cap else NUMBER_WORDS[n]
        return str(n)

    def counted_group(self, s: Sentence, kind: str, n: int | None = None, cap: bool = False, mod: str | None = None,
          abbr: bool = True) -> int:
        """Counted group: number + modifiers + facility noun (D23)."""
        if n is None:
            lo_hi = {"IP": [((2, 12), 5), ((13, 60), 4)], "IC": [((2, 12), 3), ((13, 80), 5), ((81, 150), 1)],
                     "UA": [((2, 12), 3), ((13, 40), 2)]}.get(kind, [((2, 4), 1)])
            a, b = self.weighted(lo_hi)
            n = self.rng.randint(a, b)
        if mod is None:
            mods = [("", 6), ("new ", 3), ("more ", 1), ("planned ", 1), ("additional ", 1)]
            if kind in ("IP", "IC"):
                mods += [("concentrated ", 1), ("operational ", 1)]
            mod = self.weighted(mods)
        noun = self.pick(FACILITY_KINDS[kind]["counted"])
        if kind == "IP" and self.chance(0.08):  # two coordinated facility nouns: one span (D29)
            noun = self.pick(["industrial parks and export processing zones", "industrial parks and economic zones",
                           "industrial zones and export processing zones", "IPs and EPZs"])
        if noun.startswith("new ") and mod:
            noun = noun[4:]
        k = s.entity(f"{self.count_word(n, cap)} {mod}{noun}", "FACILITY")
        if abbr and noun == "industrial parks" and self.chance(0.15):
            s.add(" (IPs)")
        return k

    # money ------------------------------------------------------------------
    PROFILES: ClassVar[dict[str, list[tuple[str, float, float, float]]]] = {
        "fdi": [("USD", 0.2e9, 8e9, 7), ("VND", 5e12, 150e12, 3)],
        "grdp": [("VND", 40e12, 1600e12, 7), ("USD", 2e9, 65e9, 3)],
        "export": [("USD", 0.5e9, 45e9, 8), ("VND", 10e12, 900e12, 2)],
        "budget": [("VND", 3e12, 90e12, 10)],
        "fac": [("VND", 300e9, 30e12, 6), ("USD", 30e6, 3e9, 4)],
        "infra": [("VND", 1e12, 150e12, 8), ("USD", 200e6, 15e9, 2)],
        "total": [("VND", 100e12, 3e15, 8), ("USD", 5e9, 120e9, 2)],
        "company": [("USD", 0.1e9, 60e9, 8), ("VND", 2e12, 300e12, 2)],
        "small": [("VND", 20e9, 900e9, 6), ("USD", 1e6, 90e6, 4)],
    }

    def _number(self, x: float) -> str:
        if x >= 1000:
            return f"{round(x):,}"
        if x >= 100:
            return str(round(x)) if self.chance(0.8) else f"{x:.1f}"
        if x >= 10:
            return str(round(x)) if self.chance(0.5) else f"{x:.1f}".rstrip("0").rstrip(".")
        s = f"{x:.2f}" if self.chance(0.3) else f"{x:.1f}"
        s = s.rstrip("0").rstrip(".")
        return s if s != "0" else "0.1"

    def _magnitude(self, cur: str, value: float) -> tuple[str, float]:
        if cur == "VND":
            b = value / 1e9
            if b >= 1e6:
                return "quadrillion", b / 1e6
            if b >= 10000 and self.chance(0.7):
                return "trillion", b / 1000
            if b >= 1000 and self.chance(0.35):
                return "trillion", b / 1000
            return "billion", b
        m = value / 1e6
        if m >= 1000:
            return "billion", m / 1000
        return "million", m

    def _currency_form(self, cur: str, num: str, mag: str, spelled: bool = False) -> str:
        if cur == "VND":
            styles = [("{n} {m} VND", 3), ("{n} {m} dong", 2), ("{n} {m} đồng", 0.3)]
            if not spelled:
                styles += [("VND{n} {m}", 3), ("VND {n} {m}", 4), ("VNĐ {n} {m}", 0.5)]
        elif cur == "USD":
            styles = [("{n} {m} USD", 3), ("{n} {m} US dollars", 0.7)]
            if not spelled:
                styles += [("US${n} {m}", 5), ("${n} {m}", 2), ("USD {n} {m}", 1.5)]
        elif cur == "EUR":
            styles = [("{n} {m} euros", 1)] + ([] if spelled else [("EUR {n} {m}", 1), ("€{n} {m}", 0.3)])
        else:  # JPY
            styles = [("{n} {m} yen", 1)]
        return self.weighted(styles).format(n=num, m=mag)

    def money_text(self, cur: str, value: float) -> str:
        mag, x = self._magnitude(cur, value)
        if 1 <= x < 12.5 and self.chance(0.2):  # a round amount, sometimes spelled out ("six billion USD")
            xi = round(x)
            if self.chance(0.5):
                return self._currency_form(cur, NUMBER_WORDS[xi], mag, spelled=True)
            return self._currency_form(cur, str(xi), mag)
        return self._currency_form(cur, self._number(x), mag)

    def _draw_amount(self, prof: str, other: bool = True) -> tuple[str, float]:
        opts = self.PROFILES[prof]
        cur, lo, hi, _ = self.weighted([(o, o[3]) for o in opts])
        v = lo * (hi / lo) ** self.rng.random()  # log-uniform
        if other and prof in ("fac", "small") and self.chance(0.04):
            usd = v / 25400 if cur == "VND" else v
            return ("EUR", usd * 0.92) if self.chance(0.6) else ("JPY", usd * 150)
        return cur, v

    def approximator(self, s: Sentence, p: float, cap: bool = False) -> None:
        if self.chance(p):
            a = self.pick(APPROXIMATORS)
            s.add((capitalize(a) if cap else a) + " ")

    def money(self, s: Sentence, prof: str = "fac", ap: float = 0.3, cap: bool = False, rng: float = 0.08) -> int:
        cur, v = self._draw_amount(prof)
        if self.chance(rng) and cur in ("VND", "USD"):
            return s.entity(self.range_text(cur, v), "MONEY")
        self.approximator(s, ap, cap)
        return s.entity(self.money_text(cur, v), "MONEY")

    def money_series(self, prof: str, k: int) -> list[str]:
        """k rising amounts in one currency (targets for successive years)."""
        cur, v = self._draw_amount(prof, other=False)
        out = []
        for _ in range(k):
            out.append(self.money_text(cur, v))
            v *= self.rng.uniform(1.3, 2.2)
        return out

    def range_text(self, cur: str, v: float) -> str:
        mag, x = self._magnitude(cur, v)
        if x >= 10:
            lo = round(x)
            hi = lo + max(1, round(lo * self.rng.uniform(0.05, 0.4)))
            a, b = f"{lo:,}", f"{hi:,}"
        else:
            lo = max(1, round(x))
            hi = lo + self.rng.choice([1, 1, 2])
            a, b = str(lo), str(hi)
            if self.chance(0.3):
                a = f"{lo + 0.5:.1f}"
        num = f"{a}-{b}"
        if cur == "VND":
            style = self.weighted([("VND{n} {m}", 3), ("VND {n} {m}", 3), ("{n} {m} VND", 2), ("{n} {m} dong", 1)])
        else:
            style = self.weighted([("US${n} {m}", 3), ("{n} {m} USD", 3), ("${n} {m}", 1)])
        return style.format(n=num, m=mag)

    def money_maybe_converted(self, s: Sentence, prof: str = "fac", ap: float = 0.3, eq: float = 0.25, cap: bool = False,
           close: bool = False) -> list[int]:
        """A money amount, sometimes followed by its equivalent in the other currency (two spans)."""
        if not self.chance(eq):
            return [self.money(s, prof, ap, cap)]
        self.approximator(s, ap * 0.6, cap)
        cur, v = self._draw_amount(prof, other=False)
        k1 = s.entity(self.money_text(cur, v), "MONEY")
        other, v2 = ("USD", v / 25400 * self.rng.uniform(0.98, 1.02)) if cur == "VND" else \
            ("VND", v * 25400 * self.rng.uniform(0.98, 1.02))
        style = self.weighted([("paren", 6), ("equiv", 2), ("or", 1)])
        if style == "paren":
            s.add(" (")
            self.approximator(s, 0.3)
            k2 = s.entity(self.money_text(other, v2), "MONEY")
            s.add(")")
        elif style == "equiv":
            s.add(", equivalent to ")
            self.approximator(s, 0.2)
            k2 = s.entity(self.money_text(other, v2), "MONEY")
            s.add("," if close else "")
        else:
            s.add(", or ")
            self.approximator(s, 0.3)
            k2 = s.entity(self.money_text(other, v2), "MONEY")
            s.add("," if close else "")
        return [k1, k2]

    def rate(self, s: Sentence, per: str = "lease", ap: float = 0.3) -> int:
        """Per-unit rate: only the amount is MONEY (D31)."""
        self.approximator(s, ap)
        if per == "lease":
            v = self.rng.randint(55, 260)
            if self.chance(0.15):
                a = s.entity(self.weighted([(f"US${v}-{v + self.rng.randint(10, 40)}", 1), (f"{v}-{v + 20} USD", 1)]), "MONEY")
            else:
                a = s.entity(self.weighted([(f"US${v}", 5), (f"${v}", 2), (f"USD {v}", 1), (f"{v} USD", 1)]), "MONEY")
            s.add(self.pick([" per square metre per lease term", " per square metre", " per m2 for the whole lease term",
                        " per square metre for the remaining lease term"]))
        else:
            v = round(self.rng.uniform(2.5, 7.5), 1)
            a = s.entity(self.weighted([(f"US${v}", 4), (f"${v}", 1), (f"USD {v}", 1)]), "MONEY")
            s.add(self.pick([" per square metre per month", " per m2 per month", " per square metre a month"]))
        return a

    def per_capita(self, s: Sentence, ap: float = 0.3) -> int:
        self.approximator(s, ap)
        v = self.rng.randint(25, 150) * 100
        if self.chance(0.2):
            return s.entity(f"VND {self.rng.randint(60, 380)} million", "MONEY")
        return s.entity(self.weighted([(f"US${v:,}", 5), (f"{v:,} USD", 2), (f"${v:,}", 1)]), "MONEY")

    # areas ------------------------------------------------------------------
    AREA_SCALES: ClassVar[dict[str, tuple[int, int]]] = {
        "ip": (40, 1500), "ic": (10, 75), "ez": (2000, 120000), "prov": (80000, 1650000),
        "group": (300, 15000), "ua": (50, 1500), "sqm": (5000, 900000), "small": (5, 300), "plot": (2, 60),
    }

    def area(self, s: Sentence, scale: str = "ip", adj: bool = False, ap: float = 0.2) -> int:
        """An area; adj=True gives the adjectival '6,518-ha' form (the hyphen stays inside)."""
        lo, hi = self.AREA_SCALES[scale]
        ha = lo * (hi / lo) ** self.rng.random()
        if not adj:
            self.approximator(s, ap)
        if scale == "sqm":
            n = f"{round(ha, -2):,.0f}"
            if adj:
                return s.entity(f"{n}-square-metre", "AREA")
            return s.entity(self.weighted([(f"{n} square metres", 4), (f"{n} m2", 3), (f"{n} sq m", 1),
                               (f"{n} square meters", 1)]), "AREA")
        use_km = scale in ("prov", "ez") and self.chance(0.6 if scale == "prov" else 0.3)
        if use_km:
            km = ha / 100
            n = f"{km:,.1f}".replace(".0", "") if km < 1000 and self.chance(0.5) else f"{round(km):,}"
            if adj:
                return s.entity(f"{n}-sq-km" if self.chance(0.3) else f"{n}-square-kilometre", "AREA")
            return s.entity(self.weighted([(f"{n} km2", 4), (f"{n} sq km", 2), (f"{n} square kilometres", 2), (f"{n} km²", 1)]),
                       "AREA")
        if self.chance(0.15):
            n = f"{ha:,.2f}"
        elif ha < 100 and self.chance(0.4):
            n = f"{ha:.1f}"
        else:
            n = f"{round(ha):,}"
        if adj:
            return s.entity(self.weighted([(f"{n}-ha", 4), (f"{n}-hectare", 2)]), "AREA")
        if self.chance(0.07):
            a = round(ha)
            b = a + max(10, round(a * self.rng.uniform(0.1, 0.4)))
            return s.entity(f"{a:,}-{b:,} ha" if self.chance(0.7) else f"{a:,}-{b:,} hectares", "AREA")
        return s.entity(self.weighted([(f"{n} ha", 5), (f"{n}ha", 1), (f"{n} hectares", 3)]), "AREA")

    # dates ------------------------------------------------------------------
    def _day_text(self, y: int) -> str:
        m = self.rng.randint(1, 12)
        d = self.rng.randint(1, 28)
        forms = [(f"{d} {MONTHS[m - 1]} {y}", 4), (f"{MONTHS[m - 1]} {d}, {y}", 3), (f"{d}/{m}/{y}", 2),
                 (f"{MONTHS[m - 1]} {d}", 0.6)]  # a day and month without a year is DATE too (D55)
        if m in MONTH_ABBREVIATIONS:
            forms.append((f"{MONTH_ABBREVIATIONS[m]} {d}", 0.4))
        return self.weighted(forms)

    def _period_text(self, when: str = "any") -> str:
        if when == "plan":  # the planning period of the provincial plans
            return self.weighted([("2021-2030", 8), ("2021 - 2030", 1), ("2021–2030", 1)])
        if when == "future":
            return self.weighted([("2021-2030", 5), ("2026-2030", 4), ("2025-2030", 2), ("2026-30", 1), ("2021 - 2030", 1),
                           ("2021–2030", 1), ("2031-2035", 1)])
        return self.weighted([("2021-2030", 6), ("2021-2025", 4), ("2026-2030", 3), ("2021-25", 1), ("2021 - 2030", 1),
                       ("2021–2030", 1), ("2020-2025", 1), ("2016-2020", 1), ("2025-2030", 1), ("2026-30", 1),
                       ("2023-2025", 1), ("2031-2035", 1)])

    def date(self, s: Sentence, kind: str = "past", cap: bool = False) -> int:
        """A date with its framing words outside the span. kind: past | target | period | day | status | asof."""
        C = capitalize if cap else (lambda x: x)
        r = self.rng
        if kind in ("past", "pastp"):
            y = r.randint(2018, 2024)
            if kind == "pastp":
                form = self.weighted([("year", 5), ("part", 4), ("quarter", 1)])
            else:
                form = self.weighted([("year", 5), ("part", 4), ("month", 2), ("day", 1), ("quarter", 1)])
            if form == "year":
                s.add(C(self.pick(["in ", "in ", "during ", "for the whole of "])))
                return s.entity(str(y), "DATE")
            if form == "part":
                part = self.weighted([("first nine months of", 3), ("first half of", 3), ("first six months of", 1),
                               ("first quarter of", 1), ("third quarter of", 1), ("first 10 months of", 1),
                               ("first eight months of", 1), ("last quarter of", 1), ("second half of", 1)])
                s.add(C(self.pick(["in the ", "in the ", "during the ", "over the "])))
                return s.entity(f"{part} {y}", "DATE")
            if form == "month":
                m = self.pick(MONTHS)
                s.add(C("in "))
                return s.entity(self.weighted([(f"{m} {y}", 4), (f"late {m}", 1), (f"early {m} {y}", 1),
                                   (f"mid-{m} {y}", 1), (m, 1)]), "DATE")  # a month name alone (D55)
            if form == "quarter":
                s.add(C("in "))
                return s.entity(f"Q{r.randint(1, 4)} {y}", "DATE")
            s.add(C(self.pick(["as of ", "by "])))
            return s.entity(self._day_text(y), "DATE")
        if kind == "asof":
            y = r.randint(2019, 2024)
            form = self.weighted([("end", 3), ("day", 2), ("beg", 1)])
            if form == "end":
                s.add(C(self.pick(["as of the ", "by the ", "at the "])))
                return s.entity(f"end of {y}", "DATE")
            if form == "beg":
                s.add(C(self.pick(["at the ", "as of the "])))
                return s.entity(f"beginning of {y}", "DATE")
            s.add(C("as of "))
            return s.entity(self._day_text(y), "DATE")
        if kind in ("target", "targety"):  # targety: a year, possibly far ahead (plans, GRDP targets)
            if kind == "targety":
                form = "year"
                y = self.weighted([(2025, 2), (2026, 1), (2027, 1), (2030, 6), (2035, 1), (2045, 1), (2050, 1)])
            else:
                form = self.weighted([("year", 6), ("end", 2), ("early", 1), ("mid", 1), ("q", 1), ("half", 1)])
                y = self.weighted([(2025, 2), (2026, 3), (2027, 3), (2028, 2), (2030, 4), (2035, 1)])
                if form != "year":
                    y = r.randint(2025, 2030)
            if form == "year":
                s.add(C(self.weighted([("by ", 5), ("in ", 2), ("before ", 1)])))
                return s.entity(str(y), "DATE")
            if form == "end":
                s.add(C(self.pick(["by the ", "before the ", "by the "])))
                return s.entity(f"end of {y}", "DATE")
            if form == "early":
                s.add(C("in "))
                return s.entity(f"early {y}", "DATE")
            if form == "mid":
                s.add(C("by "))
                return s.entity(f"mid-{y}", "DATE")
            if form == "half":
                s.add(C("in the "))
                return s.entity(f"{self.pick(['first', 'second'])} half of {y}", "DATE")
            s.add(C(self.pick(["in ", "no later than "])))
            return s.entity(f"Q{r.randint(1, 4)} {y}", "DATE")
        if kind in ("period", "fperiod"):  # fperiod: a period still running or ahead
            form = self.weighted([("the_period", 4), ("for_the", 2), ("during", 2), ("period_of", 1), ("from", 1),
                           ("between", 1)])
            if form == "from":
                a = self.pick([2016, 2020, 2021, 2021, 2026]) if kind == "period" else self.pick([2021, 2021, 2026])
                b = {2016: 2020, 2020: 2025, 2026: 2030}.get(a) or self.pick([2025, 2030])
                s.add(C("from "))
                return s.entity(f"{a} to {b}", "DATE")
            if form == "between":
                a = self.pick([2021, 2021, 2026, 2025])
                b = a + self.pick([4, 5])
                s.add(C("between "))
                return s.entity(f"{a} and {b}", "DATE")
            p = self._period_text("future" if kind == "fperiod" else "any")
            if form == "the_period":
                s.add(C("in the "))
                k = s.entity(p, "DATE")
                s.add(self.pick([" period", " period", " term"]))
                return k
            if form == "for_the":
                s.add(C("for the "))
                k = s.entity(p, "DATE")
                s.add(" period")
                return k
            if form == "during":
                s.add(C(self.pick(["during ", "over ", "for "])))
                return s.entity(p, "DATE")
            s.add(C(self.pick(["in the period of ", "in the period "])))
            return s.entity(p, "DATE")
        if kind == "day":
            s.add(C("on "))
            return s.entity(self._day_text(r.randint(2015, 2025)), "DATE")
        if kind == "status":  # when a facility opened/was approved
            y = r.randint(1995, 2024)
            form = self.weighted([("year", 4), ("day", 2), ("month", 2), ("q", 1)])
            if form == "year":
                s.add(C("in "))
                return s.entity(str(y), "DATE")
            if form == "day":
                s.add(C("on "))
                return s.entity(self._day_text(max(y, 2005)), "DATE")
            if form == "month":
                s.add(C("in "))
                return s.entity(f"{self.pick(MONTHS)} {y}", "DATE")
            s.add(C("in "))
            return s.entity(f"Q{r.randint(1, 4)} {max(y, 2010)}", "DATE")
        raise ValueError(kind)
