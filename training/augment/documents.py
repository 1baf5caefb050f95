"""Documents: templates drawn without repetition, sentences joined into paragraphs, offsets merged."""

from __future__ import annotations

import random

from ie.docs import Document, Entity, Relation

from .phrases import Phrases
from .render import Sentence
from .rosters import PROVINCES
from .templates import TEMPLATES

# recorded in every document's meta; the historical name is kept so that a seed regenerates the
# committed corpus byte for byte
GENERATOR = "training/augment.py"

# templates whose subject refers back to an earlier sentence ("They attracted ...")
NOT_FIRST = ("pronoun_money", "generic_industrial_parks", "merged_area")


def _chunks(rng: random.Random, n: int, lo: int, hi: int) -> list[int]:
    """Split n into parts of size lo..hi (a remainder below lo only when n itself is below lo)."""
    out = []
    while n > 0:
        if n <= hi:
            k = n
        else:
            k = rng.randint(lo, min(hi, n - lo))
        out.append(k)
        n -= k
    return out


def _splits_cleanly(text: str) -> bool:
    """The project tokenizer reads ``text`` as exactly one sentence whose final full stop ends it.

    The tokenizer now splits the stop off Vietnamese syllables that look like US-state abbreviations
    ("Son La.", "Sa Pa.", "Bac Kan.") and off upper-case words ("Zone C.", "National Highway 8A."),
    and keeps "Road No. 5" inside one sentence; abbreviations it still keeps whole ("Co.", "Dec.")
    would swallow the stop, so such a sentence is drawn again.
    """
    from ie.text import tokenize

    return len(list(tokenize(text + " Next.").sents)) == 2


def _sentence(g: Phrases, fn, dateline: bool = False) -> Sentence:
    for _ in range(50):
        s = Sentence()
        fn(g, s)
        if _splits_cleanly(s.text):
            break
    else:
        raise AssertionError(f"{fn.__name__}: no sentence that splits cleanly: {s.text!r}")
    if dateline:  # "BAC NINH – ...": the place the story is filed from, no relation of its own
        d = Sentence()
        g.dateline(d, s.provinces[0] if s.provinces else g.home)
        s = d.prefixed(s)
    text = s.text
    assert text[:1].isupper() or text[:1].isdigit() or text[:1] in "“", text
    assert text.endswith((".", ".”")), text
    return s


def _generate(n_sentences: int, seed: int) -> tuple[list[Document], list[list[tuple[int, int]]]]:
    rng = random.Random(seed)
    g = Phrases(rng)
    weights = [t[2] for t in TEMPLATES]
    docs: list[Document] = []
    bounds: list[list[tuple[int, int]]] = []
    for di, n_sent in enumerate(_chunks(rng, n_sentences, 8, 15)):
        g.home = rng.choice(PROVINCES)
        # templates without repetition inside a document
        chosen: list[int] = []
        avail = list(range(len(TEMPLATES)))
        for si in range(n_sent):
            cands = [i for i in avail if not (si == 0 and TEMPLATES[i][0] in NOT_FIRST)]
            ws = [weights[i] for i in cands]
            pick = rng.choices(cands, weights=ws, k=1)[0]
            chosen.append(pick)
            avail.remove(pick)
        paras = _chunks(rng, n_sent, 2, 4)
        text_parts: list[str] = []
        ents: list[tuple[int, int, str]] = []
        rels: list[tuple[int, str, int]] = []
        sb: list[tuple[int, int]] = []
        pos = 0
        si = 0
        for pi, plen in enumerate(paras):
            if pi:
                text_parts.append("\n\n")
                pos += 2
            for j in range(plen):
                if j:
                    text_parts.append(" ")
                    pos += 1
                dl = si == 0 and rng.random() < 0.3
                s = _sentence(g, TEMPLATES[chosen[si]][1], dl)
                base = len(ents)
                ents += [(a + pos, b + pos, lab) for a, b, lab in s.entities]
                rels += [(h + base, lab, t + base) for h, lab, t in s.relations]
                sb.append((pos, pos + s.length))
                text_parts.append(s.text)
                pos += s.length
                si += 1
        text = "".join(text_parts)
        order = sorted(range(len(ents)), key=lambda i: (ents[i][0], ents[i][1]))
        tid = {old: f"T{new + 1}" for new, old in enumerate(order)}
        entities = [Entity(tid[i], ents[i][0], ents[i][1], ents[i][2]) for i in order]
        relations = [Relation(tid[h], tid[t], lab) for h, lab, t in rels]
        doc = Document(id=f"syn-s{seed}-{di + 1:04d}", text=text, entities=entities, relations=relations,
                       meta={"synthetic": True, "generator": GENERATOR})
        docs.append(doc)
        bounds.append(sb)
    return docs, bounds


def generate(n_sentences: int, seed: int) -> list[Document]:
    """Synthetic annotated documents with ``n_sentences`` sentences in total (8-15 per document)."""
    return _generate(n_sentences, seed)[0]
