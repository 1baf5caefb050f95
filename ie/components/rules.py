"""A rule-based extractor (gazetteer + regular grammars) with the same output as the
trained pipeline. It needs no model, so it is the baseline and the fallback
(``--model rules``)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ie import lexicon
from ie.components.extensions import install_extensions
from ie.gazetteer import PROVINCE_INDEX, strip_diacritics
from ie.text import make_nlp

_NUM = r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SPELLED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|half a)"
_MAG = r"(?:thousand|million|billion|trillion|quadrillion)"
_RNG = rf"(?:{_NUM})(?:\s?[-–]\s?(?:{_NUM}))?"
MONEY_RE = re.compile(
    rf"(?:(?:VN[DĐ]|US\$|USD|\$)\s?{_RNG}(?:\s{_MAG})?"
    rf"|(?:{_RNG}|{_SPELLED})(?:\s{_MAG})?\s(?:VN[DĐ]|USD|US dollars|dollars|dong|đồng|euros?)"
    rf"|{_RNG}\s{_MAG}\s(?=USD|VND))(?![\w$])"
)
AREA_RE = re.compile(rf"(?<![\w.,]){_RNG}\s?-?(?:ha|hectares?|km2|km²|sq\.? ?km|square (?:kilo)?met(?:re|er)s)(?!\w)")
_MONTH = "(?:" + "|".join(lexicon.month_names()) + ")"
DATE_RE = re.compile(
    rf"(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
    rf"|(?:first|last|remaining|first (?:six|nine|three) months|(?:first|second) half|(?:first|second|third|fourth) quarter|beginning|end|middle)"
    rf"(?: months)? of \d{{4}}|Q[1-4] \d{{4}}|(?:early |late |mid-)?{_MONTH} \d{{4}}"
    rf"|(?:19|20)\d\d\s?[-–]\s?(?:(?:19|20)\d\d|\d\d)(?!\d)|(?<![\d/.,-])(?:19|20)\d\d(?![\d/%]|\s?(?:ha|hectares|percent)))"
)
_CAP = r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*|[IVX]+(?:-[A-Z])?|\d+[A-Z]?)"
_TYPE = "(?:" + "|".join(lexicon.facility_type_names()) + ")"
FACILITY_RE = re.compile(
    rf"(?:National Highway|Highway|Ring [Rr]oad)\s(?:No\.\s?)?\d+[A-Z]?"
    rf"|(?:{_CAP}(?:\s(?:-|–)\s|\s|-)){{1,6}}(?:(?:coastal|border-gate|border gate|special|cross-border)\s)?{_TYPE}(?:\s(?:[IVX]+(?:-[A-Z])?))?(?:\s[–-]\s[Pp]hase \d+)?"
)
COUNTED_RE = re.compile(
    rf"\b(?:\d+|{_SPELLED}|thirteen|sixteen)\s(?:(?:new|more|other|existing|concentrated|planned|operational|coastal|border-gate|industrial|large)\s)*"
    r"(?:industrial parks|industrial clusters|industrial zones|economic zones|IPs|ICs|IZs|EZs|clusters|urban areas|seaports|airports|hi-tech parks)\b"
)
_PROV_FORMS = sorted({k for k in PROVINCE_INDEX}, key=len, reverse=True)
_CENTRAL = lexicon.city_forms_before_city()


_PROV_RE = re.compile(r"\b(" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in _PROV_FORMS) + r")\b", re.I)


def _province_spans(text: str) -> list[tuple[int, int]]:
    plain = strip_diacritics(text)
    out = []
    for m in _PROV_RE.finditer(plain):
        s = text[m.start():m.end()]
        if not (s[0].isupper()):
            continue
        after = plain[m.end():m.end() + 10].lower()
        if re.match(r"\s+(district|town|commune)", after):
            continue
        if re.match(r"\s+city", after) and strip_diacritics(s).lower() not in _CENTRAL and not s.lower().startswith("ho chi minh"):
            continue
        out.append((m.start(), m.end()))
    return out


def rule_entities(text: str) -> list[tuple[int, int, str]]:
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
