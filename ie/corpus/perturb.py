"""Training-time perturbation of annotated documents (issue 10: robustness to unseen news).

Each function maps a :class:`~ie.docs.Document` to a new one whose entity offsets and
relations still hold, so the perturbed copy is gold as it stands:

- **mention replacement**: a named FACILITY surface is swapped for another real name of
  the same kind from the facility lexicon (every occurrence of that surface in the
  document gets the same new name); a PROVINCE surface for another province;
- **type-word substitution**: the type words inside a FACILITY span are swapped for
  another phrase of the same category ("Industrial Park" -> "Industrial Zone" / "IZ";
  "industrial parks" -> "industrial complexes" in a counted group);
- **case**: the headline (first line) or an ALL-CAPS dateline province in capitals;
- **diacritics**: stripped from the whole text, or added to ASCII province names.

Nothing here imports torch or spaCy: plain Python over documents and lexicon rows. The
lexicon is passed in as a :class:`PerturbLexicon` (see :func:`PerturbLexicon.load`).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from ie.docs import Document
from ie.gazetteer import strip_diacritics as strip_accents

# number words and digits that open a counted group ("16 industrial parks", "six IPs")
_COUNT_START = re.compile(
    r"^(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|eleven\b|twelve\b|"
    r"dozens?\b|hundreds?\b|several\b|a dozen\b)",
    re.IGNORECASE,
)


@dataclass
class PerturbLexicon:
    """What perturbation needs from the lexicon.

    ``facilities``: (name, kind) rows of real facility names; ``type_groups``: lists of
    interchangeable type phrases, singular and plural forms in separate groups;
    ``provinces``: (ascii name, name with diacritics) pairs.
    """

    facilities: list[tuple[str, str]]
    type_groups: list[list[str]]
    provinces: list[tuple[str, str]]
    _by_kind: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _type_re: re.Pattern | None = field(default=None, repr=False)
    _group_of: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for name, kind in self.facilities:
            self._by_kind.setdefault(kind, []).append(name)
        for gi, group in enumerate(self.type_groups):
            for phrase in group:
                self._group_of.setdefault(phrase.lower(), gi)
        phrases = sorted(self._group_of, key=len, reverse=True)
        if phrases:
            self._type_re = re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)

    @classmethod
    def load(cls) -> "PerturbLexicon":
        """From the project lexicon: facility names and aliases, type groups, provinces."""
        from ie import lexicon

        facilities = []
        for fac in lexicon.facility_names():
            facilities += [(name, fac.type) for name in (fac.name, *fac.aliases)]
        provinces = [(name, forms[0]) for name, forms in lexicon.provinces().items()]
        return cls(facilities, [list(g) for g in lexicon.facility_type_groups()], provinces)

    def kind_of(self, surface: str) -> str | None:
        """The lexicon kind a facility surface most likely has, from its type words."""
        low = surface.lower()
        for kind, keys in _KIND_KEYS:
            if any(k in low for k in keys):
                return kind
        return None

    def names(self, kind: str | None) -> list[str]:
        if kind is None:
            return [n for n, _ in self.facilities]
        return self._by_kind.get(kind, [])


# substrings of a surface -> lexicon kind, most specific first
_KIND_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("airport", ("airport",)),
    ("expressway", ("expressway",)),
    ("railway", ("railway", "metro", "railroad")),
    ("bridge", ("bridge",)),
    ("road", ("highway", "road", "route", "bypass", "national road")),
    ("dry_port", ("dry port", "icd", "inland container")),
    ("seaport", ("port", "terminal", "wharf")),
    ("logistics_centre", ("logistics",)),
    ("border_economic_zone", ("border",)),
    ("export_processing_zone", ("export processing", "epz")),
    ("hi_tech_park", ("hi-tech", "high-tech", "hitech")),
    ("free_trade_zone", ("free trade", "ftz")),
    ("economic_zone", ("economic zone", " ez")),
    ("industrial_cluster", ("cluster",)),
    ("industrial_park", ("industrial park", "industrial zone", " ip", " iz", "industrial complex")),
    ("urban_area", ("urban",)),
)


def _apply_edits(doc: Document, edits: list[tuple[int, int, str]]) -> Document:
    """Apply non-overlapping (start, end, new text) edits; entity offsets follow.

    An edit must lie inside one entity or outside all of them; an entity that contains an
    edit grows or shrinks with it.
    """
    if not edits:
        return doc
    edits = sorted(edits)
    for (s1, e1, _), (s2, _e2, _) in zip(edits, edits[1:]):
        if s2 < e1:
            raise ValueError(f"{doc.where}: overlapping perturbation edits")
    parts, pos = [], 0
    for s, e, new in edits:
        parts.append(doc.text[pos:s])
        parts.append(new)
        pos = e
    parts.append(doc.text[pos:])
    text = "".join(parts)

    def shift(offset: int) -> int:
        # every edit that ends at or before the offset moves it; one that straddles it is an error
        delta = 0
        for s, e, new in edits:
            if e <= offset:
                delta += len(new) - (e - s)
            elif s < offset:
                raise ValueError(f"{doc.where}: a perturbation edit crosses an entity boundary")
        return offset + delta

    ents = []
    for ent in doc.entities:
        ns, ne = shift(ent.start), shift(ent.end)
        ents.append(replace(ent, start=ns, end=ne, norm=None))
    return replace(doc, text=text, entities=ents, relations=list(doc.relations))


def replace_mentions(doc: Document, lex: PerturbLexicon, rng: random.Random, p: float = 0.5) -> Document:
    """Swap named FACILITY surfaces (and, less often, PROVINCE surfaces) for others of the same kind."""
    mapping: dict[tuple[str, str], str] = {}
    provinces = [a for a, _ in lex.provinces]
    edits = []
    for ent in doc.entities:
        surface = doc.text[ent.start : ent.end]
        key = (ent.label, surface)
        if key not in mapping:
            new = None
            if ent.label == "FACILITY" and not _COUNT_START.match(surface) and rng.random() < p:
                kind = lex.kind_of(" " + surface)
                pool = lex.names(kind)
                if kind is None:
                    # a bare name in a typed list: use the bare part of another name
                    pool = [_bare(n, lex) for n in lex.names(None)]
                pool = [n for n in pool if n and n != surface and "\n" not in n]
                if pool:
                    new = rng.choice(pool)
            elif ent.label == "PROVINCE" and surface.isascii() and not surface.isupper() and rng.random() < p / 3:
                pool = [n for n in provinces if n != surface]
                if pool:
                    new = rng.choice(pool)
            mapping[key] = new or surface
        new = mapping[key]
        if new != surface:
            edits.append((ent.start, ent.end, new))
    return _apply_edits(doc, edits)


def _bare(name: str, lex: PerturbLexicon) -> str:
    if lex._type_re is None:
        return name
    return re.sub(r"\s+", " ", lex._type_re.sub("", name)).strip(" -–,")


def substitute_type_words(doc: Document, lex: PerturbLexicon, rng: random.Random, p: float = 0.3) -> Document:
    """Swap a type phrase inside FACILITY spans for another of its group, keeping case style."""
    if lex._type_re is None:
        return doc
    edits = []
    for ent in doc.entities:
        if ent.label != "FACILITY" or rng.random() >= p:
            continue
        surface = doc.text[ent.start : ent.end]
        m = None
        for m in lex._type_re.finditer(surface):
            pass  # the last type phrase of the name is its head noun
        if m is None:
            continue
        group = lex.type_groups[lex._group_of[m.group(1).lower()]]
        choices = [c for c in group if c.lower() != m.group(1).lower()]
        if not choices:
            continue
        new = _match_case(rng.choice(choices), m.group(1))
        edits.append((ent.start + m.start(1), ent.start + m.end(1), new))
    return _apply_edits(doc, edits)


def _match_case(new: str, old: str) -> str:
    """``new`` written in the case style of ``old``; acronyms ("IPs", "EZ") stay as they are."""
    if any(c.isupper() for c in new[1:]):
        return new
    if old.isupper() and len(old) > 3:
        return new.upper()
    if old[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in new.split(" "))
    return new.lower()


def _upper_same_length(s: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in s)


def upper_headline(doc: Document) -> Document:
    """Put the first line (the headline) in capitals, as some outlets and feeds do."""
    first = doc.text.find("\n")
    end = first if first >= 0 else len(doc.text)
    return replace(doc, text=_upper_same_length(doc.text[:end]) + doc.text[end:])


def _strip_char(c: str) -> str:
    """``c`` without its diacritics when that leaves one character (offsets must not move)."""
    base = strip_accents(c)
    return base if len(base) == 1 else c


def strip_diacritics(doc: Document) -> Document:
    """Remove Vietnamese diacritics from the whole text (length-preserving)."""
    return replace(doc, text="".join(_strip_char(c) for c in doc.text))


def add_diacritics(doc: Document, lex: PerturbLexicon) -> Document:
    """Write ASCII PROVINCE mentions with their Vietnamese diacritics."""
    forms = dict(lex.provinces)
    edits = []
    for ent in doc.entities:
        if ent.label != "PROVINCE":
            continue
        surface = doc.text[ent.start : ent.end]
        vn = forms.get(surface)
        if vn and vn != surface:
            edits.append((ent.start, ent.end, vn))
    return _apply_edits(doc, edits)


@dataclass(frozen=True)
class PerturbSettings:
    """Probabilities per document (training config ``augment`` block)."""

    mention: float = 0.5
    type_words: float = 0.3
    headline_caps: float = 0.15
    strip_diacritics: float = 0.1
    add_diacritics: float = 0.1


def perturb(doc: Document, lex: PerturbLexicon, rng: random.Random, settings: PerturbSettings = PerturbSettings()) -> Document:
    """One perturbed copy of ``doc`` (id suffixed ``#aug``); relations are unchanged."""
    out = replace_mentions(doc, lex, rng, settings.mention)
    out = substitute_type_words(out, lex, rng, settings.type_words)
    if rng.random() < settings.headline_caps:
        out = upper_headline(out)
    r = rng.random()
    if r < settings.strip_diacritics:
        out = strip_diacritics(out)
    elif r < settings.strip_diacritics + settings.add_diacritics:
        out = add_diacritics(out, lex)
    return replace(out, id=f"{doc.id}#aug", meta={**doc.meta, "perturbed": True})


__all__ = [
    "PerturbLexicon",
    "PerturbSettings",
    "add_diacritics",
    "perturb",
    "replace_mentions",
    "strip_diacritics",
    "substitute_type_words",
    "upper_headline",
]
