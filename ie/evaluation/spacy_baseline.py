"""spaCy's OntoNotes pipeline (``en_core_web_sm``, an optional extra) mapped to our labels:
GPE -> PROVINCE, FAC -> FACILITY, QUANTITY in area units -> AREA, MONEY, DATE."""

from __future__ import annotations

import re
import time

from ie import lexicon
from ie.docs import Document, Entity

AREA_UNIT = re.compile("(?:" + "|".join(p for p, _ in lexicon.area_units()) + ")$", re.I)


def available(name: str = "en_core_web_sm") -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def predict_spacy_baseline(name: str, gold: list[Document]) -> tuple[list[Document], dict]:
    import spacy

    if not available(name):
        raise RuntimeError(f"the spaCy baseline needs the optional package {name!r} (not installed)")
    t0 = time.time()
    nlp = spacy.load(name)
    load_s = time.time() - t0
    t1 = time.time()
    out = []
    for d, sdoc in zip(gold, nlp.pipe([g.text for g in gold])):
        ents = []
        for e in sdoc.ents:
            lab = {"GPE": "PROVINCE", "FAC": "FACILITY", "MONEY": "MONEY", "DATE": "DATE"}.get(e.label_)
            if e.label_ == "QUANTITY" and AREA_UNIT.search(e.text):
                lab = "AREA"
            if lab:
                ents.append(Entity(f"T{len(ents) + 1}", e.start_char, e.end_char, lab))
        out.append(Document(d.id, d.text, ents, []))
    run_s = time.time() - t1
    words = sum(len(d.text.split()) for d in gold)
    return out, {"load_s": round(load_s, 2), "run_s": round(run_s, 2), "words": words, "words_per_s": round(words / run_s, 1)}
