"""The project tokenizer (``ie.tokenizer.v1``) and sentence splitter
(``planning_sentencizer``): spaCy's English rules plus the boundaries our texts need.
Pipelines are built from them by :func:`ie.text.make_nlp`."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

# Extra token boundaries on top of spaCy's English rules:
#  - between a currency prefix and its digits: VND4,128 -> VND | 4,128 ; US$17.5 -> US$ | 17.5
#  - around en/em dashes between digits: 2021–2030 -> 2021 | – | 2030
#  - between digits and an attached area unit: 12km2 -> 12 | km2
#  - before a slash that follows letters and precedes a letter/digit: Bac Ninh/Bac Giang
EXTRA_INFIXES = [
    r"(?<=VND)(?=[0-9])",
    r"(?<=VNĐ)(?=[0-9])",
    r"(?<=USD)(?=[0-9])",
    r"(?<=\$)(?=[0-9])",
    r"(?<=€)(?=[0-9])",
    r"(?<=[0-9])[–—](?=[0-9])",
    r"(?<=[0-9])(?=(?:km2|m2|sq\.?m|hectares?)\b)",
]

US_STATES = {
    "Ak.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ia.", "Id.", "Ill.", "Ind.",
    "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nebr.", "Nev.",
    "Okla.", "Ore.", "Pa.", "Tenn.", "Va.", "Wash.", "Wis.",
}
# a full stop after these words is part of an abbreviation, not a sentence end ("No. 5")
NO_BREAK_BEFORE_STOP = {"No", "no", "Nos", "Mr", "Mrs", "Ms", "Dr", "St", "Co", "Ltd", "Inc", "Corp", "Jr", "Prof", "Gov"}
SENT_END = {".", "!", "?", "...", "…", "./."}
CLOSERS = {'"', "'", "”", "’", ")", "]"}


MAX_RUN = 100  # characters without whitespace tokenized in one piece
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


class ChunkingTokenizer(Tokenizer):
    """spaCy's tokenizer, except that a run of more than ``MAX_RUN`` characters without
    whitespace (never a word: 200 KB of digits, emoji or brackets) is tokenized in pieces of
    ``MAX_RUN`` characters. spaCy strips affixes from a token one at a time, rescanning it
    each time, which is quadratic in the token's length (4,000 emoji took 12 s); in pieces
    it is linear. Texts without such runs are tokenized exactly as before."""

    def __call__(self, text):
        if len(text) <= MAX_RUN or not _LONG_RUN.search(text):
            return super().__call__(text)
        docs, pos = [], 0
        for m in _LONG_RUN.finditer(text):
            if m.start() > pos:
                docs.append(super().__call__(text[pos:m.start()]))
            for a in range(m.start(), m.end(), MAX_RUN):
                docs.append(super().__call__(text[a:min(a + MAX_RUN, m.end())]))
            pos = m.end()
        if pos < len(text):
            docs.append(super().__call__(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


@registry.tokenizers("ie.tokenizer.v1")
def create_tokenizer():
    def make(nlp: Language):
        base = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        tok = ChunkingTokenizer(nlp.vocab, rules=base.rules, prefix_search=base.prefix_search,
                                suffix_search=base.suffix_search, infix_finditer=base.infix_finditer,
                                token_match=base.token_match, url_match=base.url_match)
        infixes = list(nlp.Defaults.infixes) + EXTRA_INFIXES
        tok.infix_finditer = compile_infix_regex(infixes).finditer
        # "./." closes Vietnamese news articles; an upper-case word keeps no full stop
        # ("Park II-A.", "Becamex JSC."); multi-letter abbreviations stay special cases.
        suffixes = [re.escape("./."), r"(?<=[A-Z])\."] + list(nlp.Defaults.suffixes)
        tok.suffix_search = compile_suffix_regex(suffixes).search
        # Single-letter initials ("A.") would swallow the full stop after "Park II-A."
        # US-state abbreviations collide with Vietnamese syllables at a sentence end ("Son La.",
        # "Sa Pa."), so they are dropped too.
        tok.rules = {k: v for k, v in tok.rules.items() if not re.fullmatch(r"[A-Za-z]\.", k) and k not in US_STATES}
        return tok

    return make


@Language.component("planning_sentencizer")
def planning_sentencizer(doc: Doc) -> Doc:
    """Rule-based sentence boundaries: line breaks, and . ! ? followed by a capital,
    digit, quote or bracket. Abbreviations stay whole tokens in spaCy's tokenizer
    (``No.``, ``Mr.``, ``Co.``), so they never end a sentence."""
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    for i, tok in enumerate(doc):
        if i + 1 >= n:
            break
        if "\n" in tok.text_with_ws and not tok.is_space:
            # a word directly followed by a line break ("word\n" is one token + ws)
            if "\n" in tok.whitespace_:
                starts[i + 1] = True
        if tok.is_space and "\n" in tok.text:
            starts[i + 1] = True
        elif tok.text in SENT_END:
            if tok.text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in NO_BREAK_BEFORE_STOP:
                continue
            j = i + 1
            while j < n and doc[j].text in CLOSERS:
                j += 1
            if j < n and _opens_sentence(doc[j].text):
                starts[j] = True
    # one array write: the Token.is_sent_start setter scans the whole Doc on every call
    arr = numpy.array([1 if st else -1 for st in starts], dtype="int64").astype("uint64").reshape(-1, 1)
    return doc.from_array([SENT_START], arr)


_OPENER = re.compile(r"^[\"'“‘(\[]?[A-ZÀ-ỸĐ0-9]")


def _opens_sentence(text: str) -> bool:
    return bool(_OPENER.match(text))
