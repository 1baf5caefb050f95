"""A rule-based extractor (gazetteer + regular grammars) with the same output as the
trained pipeline. It needs no model, so it is the baseline and the fallback
(``--model rules``)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ie import lexicon
from ie.components.extensions import install_extensions
from ie.gazetteer import PROVINCE_INDEX, strip_diacritics
from ie.text import make_nlp

# Every repetition is bounded and every number starts where a digit run starts (not inside
# one, nor right after "1," or "1."), so each match attempt costs a bounded number of steps
# and a pattern scans a text in linear time (a 200 KB run of digits or capitals is no
# denial of service). No real amount has more than 18 digits before its separators.
_NUM = r"(?<!\d)(?<!\d[.,])(?:\d{1,3}(?:[.,]\d{3}){1,6}(?:[.,]\d{1,6})?|\d{1,18}(?:[.,]\d{1,6})?)"
_WORDS = lexicon.rule_grammar()


def _alt(words) -> str:
    return "(?:" + "|".join(words) + ")"


_SPELLED = _alt(_WORDS["spelled_amounts"])
_MAG = _alt(_WORDS["written_magnitudes"])
_FAC_MOD = _alt(_WORDS["facility_name_modifiers"])
_COUNT_EXTRA = "|".join(_WORDS["spelled_counts_extra"])
_COUNT_MOD = _alt(_WORDS["counted_group_modifiers"])
_COUNT_NOUN = _alt(_WORDS["counted_group_nouns"])
_RNG = rf"(?:{_NUM})(?:\s?[-–]\s?(?:{_NUM}))?"
MONEY_RE = re.compile(
    rf"(?:(?:VN[DĐ]|US\$|USD|\$)\s?{_RNG}(?:\s{_MAG})?"
    rf"|(?:{_RNG}|{_SPELLED})(?:\s{_MAG})?\s(?:VN[DĐ]|USD|US dollars|dollars|dong|đồng|euros?)"
    rf"|{_RNG}\s{_MAG}\s(?=USD|VND))(?![\w$])"
)
AREA_RE = re.compile(rf"(?<![\w.,]){_RNG}\s?-?(?:ha|hectares?|km2|km²|sq\.? ?km|square (?:kilo)?met(?:re|er)s)(?!\w)")
_MONTH = _alt(lexicon.month_names())
DATE_RE = re.compile(
    rf"(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
    rf"|(?:first|last|remaining|first (?:six|nine|three) months|(?:first|second) half|(?:first|second|third|fourth) quarter|beginning|end|middle)"
    rf"(?: months)? of \d{{4}}|Q[1-4] \d{{4}}|(?:early |late |mid-)?{_MONTH} \d{{4}}"
    rf"|(?:19|20)\d\d\s?[-–]\s?(?:(?:19|20)\d\d|\d\d)(?!\d)|(?<![\d/.,-])(?:19|20)\d\d(?![\d/%]|\s?(?:ha|hectares|percent)))"
)
_CAP = r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]{0,40}|[IVX]{1,6}(?:-[A-Z])?|\d{1,6}[A-Z]?)"
_TYPE = _alt(lexicon.facility_type_names())
FACILITY_RE = re.compile(
    rf"(?:National Highway|Highway|Ring [Rr]oad)\s(?:No\.\s?)?\d{{1,6}}[A-Z]?"
    rf"|(?<![\wÀ-ỹ'’-])(?:(?>{_CAP})(?:\s[-–]\s|\s|(?<=\d)-|(?<=[IVX])-)){{1,6}}(?:{_FAC_MOD}\s)?{_TYPE}(?:\s(?:[IVX]+(?:-[A-Z])?))?(?:\s[–-]\s[Pp]hase \d+)?"
)
COUNTED_RE = re.compile(
    rf"\b(?:\d{{1,9}}|{_SPELLED}|{_COUNT_EXTRA})\s(?:{_COUNT_MOD}\s)*"
    rf"{_COUNT_NOUN}\b"
)
_PROV_FORMS = sorted({k for k in PROVINCE_INDEX}, key=len, reverse=True)
_CENTRAL = lexicon.city_forms_before_city()


_PROV_RE = re.compile(r"\b(" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in _PROV_FORMS) + r")\b", re.I)


@lru_cache(maxsize=4096)
def _plain_char(c: str) -> str:
    return strip_diacritics(c)


def _plain_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """``strip_diacritics(text)`` and, where its length differs from the text's (a combining
    mark on its own, a character that decomposes to two), the index in ``text`` of each
    plain character plus one final entry (None when the offsets are the same)."""
    if text.isascii():
        return text, None
    parts = [_plain_char(c) for c in text]
    if all(len(p) == 1 for p in parts):
        return "".join(parts), None
    starts: list[int] = []
    for i, p in enumerate(parts):
        starts.extend([i] * len(p))
    starts.append(len(text))
    return "".join(parts), starts


def _province_spans(text: str) -> list[tuple[int, int]]:
    plain, starts = _plain_with_offsets(text)
    out = []
    for m in _PROV_RE.finditer(plain):
        if starts is None:
            a, b = m.start(), m.end()
        else:  # back to the text's offsets, keeping the marks on the last letter
            a, b = starts[m.start()], starts[m.end() - 1] + 1
            while b < len(text) and unicodedata.category(text[b]) == "Mn":
                b += 1
        s = text[a:b]
        if not (s[0].isupper()):
            continue
        after = plain[m.end():m.end() + 10].lower()
        if re.match(r"\s+(district|town|commune)", after):
            continue
        if re.match(r"\s+city", after) and strip_diacritics(s).lower() not in _CENTRAL and not s.lower().startswith("ho chi minh"):
            continue
        out.append((a, b))
    return out


def _nfc_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """The NFC form of ``text`` and, for each of its characters, the start and end in
    ``text`` of the segment (a starter and the marks after it) it was composed from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        seg = unicodedata.normalize("NFC", text[i:j])
        out.append(seg)
        starts.extend([i] * len(seg))
        ends.extend([j] * len(seg))
        i = j
    return "".join(out), starts, ends


def rule_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` character spans of ``text``. The grammars and the gazetteer
    are written for composed (NFC) text: decomposed input (NFD Vietnamese, combining marks)
    is matched in its NFC form and the spans are mapped back, so NFC and NFD texts give the
    same entities."""
    if unicodedata.is_normalized("NFC", text):
        return _nfc_entities(text)
    nfc, starts, ends = _nfc_with_offsets(text)
    return [(starts[s], ends[e - 1], lab) for s, e, lab in _nfc_entities(nfc)]


def _nfc_entities(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for rx, lab in ((MONEY_RE, "MONEY"), (AREA_RE, "AREA"), (COUNTED_RE, "FACILITY"), (FACILITY_RE, "FACILITY"), (DATE_RE, "DATE")):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in " ,.;:":
                e -= 1
            found.append((s, e, lab))
    found += [(s, e, "PROVINCE") for s, e in _province_spans(text)]
    # earlier rules win; longer spans win among overlaps
    prio = {"MONEY": 0, "AREA": 1, "FACILITY": 2, "DATE": 3, "PROVINCE": 4}
    found.sort(key=lambda x: (prio[x[2]], -(x[1] - x[0])))
    chosen: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))  # characters already covered by a chosen span
    for s, e, lab in found:
        if e > s and not any(taken[s:e]):
            chosen.append((s, e, lab))
            taken[s:e] = b"\x01" * (e - s)
    return sorted(chosen)


def rule_relations(doc: Doc) -> list:
    rels = []
    by_sent: dict[int, list] = {}
    sents = list(doc.sents)
    sent_start = [0] * len(doc)  # token -> start of its sentence (Span.sent is O(doc) per call)
    for sent in sents:
        for i in range(sent.start, sent.end):
            sent_start[i] = sent.start
    for e in doc.ents:
        by_sent.setdefault(sent_start[e.start], []).append(e)
    for sent in sents:
        ents = by_sent.get(sent.start, [])
        provs = [e for e in ents if e.label_ == "PROVINCE"]
        facs = [e for e in ents if e.label_ == "FACILITY"]
        dates = [e for e in ents if e.label_ == "DATE"]
        invest = bool(re.search(r"invest|capital|FDI|disburs|fund", sent.text, re.I))
        for f in facs:
            if provs:
                p = min(provs, key=lambda p: abs(p.start - f.start))
                rels.append((f, p, "LOCATED_IN", 1.0))
        for e in ents:
            if e.label_ in ("MONEY", "AREA"):
                owners = [o for o in facs + provs if o.end <= e.start] or facs + provs
                if owners:
                    o = min(owners, key=lambda o: abs(e.start - o.end))
                    lab = "HAS_AREA" if e.label_ == "AREA" else ("HAS_INVESTMENT" if invest else "HAS_VALUE")
                    rels.append((o, e, lab, 1.0))
                if dates:
                    d = min(dates, key=lambda d: abs(d.start - e.start))
                    rels.append((e, d, "DATE_OF", 1.0))
    return rels


def rules_doc(doc: Doc) -> Doc:
    """Entities from :func:`rule_entities` into ``doc.ents``, relations into ``doc._.relations``."""
    spans = []
    for s, e, lab in rule_entities(doc.text):
        sp = doc.char_span(s, e, label=lab, alignment_mode="contract")
        if sp is not None and len(sp):
            spans.append(sp)
    spans.sort(key=lambda s: s.start)
    clean = []
    for sp in spans:
        if not clean or sp.start >= clean[-1].end:
            clean.append(sp)
    doc.ents = clean
    doc._.relations = rule_relations(doc)
    return doc


@Language.factory("planning_rules")
def planning_rules(nlp: Language, name: str):
    install_extensions()
    return rules_doc


def rules_pipeline() -> Language:
    """The rule baseline as a pipeline: tokenizer, sentences, rules, normalizer."""
    nlp = make_nlp()
    nlp.add_pipe("planning_rules")
    nlp.add_pipe("planning_normalizer")
    return nlp
