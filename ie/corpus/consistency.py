"""Consistency check: surfaces labelled differently across documents, and surfaces
labelled in one place but left untagged elsewhere (outside any other entity)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from ie.docs import Document


def consistency_report(docs: Iterable[Document], min_len: int = 3) -> dict:
    docs = list(docs)
    labels: dict[str, Counter] = defaultdict(Counter)
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in docs:
        for e in d.entities:
            s = d.text[e.start:e.end]
            labels[s][e.label] += 1
            where[(s, e.label)].append(d.id)
    conflicts = []
    for s, c in sorted(labels.items()):
        if len(c) > 1:
            conflicts.append({"surface": s, "labels": dict(c),
                              "docs": {lab: sorted(set(where[(s, lab)]))[:8] for lab in c}})
    missed = []
    surfaces = [s for s in labels if len(s) >= min_len and not s.isdigit()]
    pattern_cache = {s: re.compile(r"(?<![\w$])" + re.escape(s) + r"(?![\w])") for s in surfaces}
    for s in sorted(surfaces):
        rx = pattern_cache[s]
        hits = []
        for d in docs:
            if s not in d.text:
                continue
            spans = [(e.start, e.end) for e in d.entities]
            for m in rx.finditer(d.text):
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    line = d.text.count("\n", 0, m.start()) + 1
                    hits.append(f"{d.id}@{m.start()}(line {line})")
        if hits:
            missed.append({"surface": s, "labelled": dict(labels[s]), "untagged": len(hits), "examples": hits[:6]})
    return {"label_conflicts": conflicts, "untagged_elsewhere": missed}


def format_consistency(rep: dict) -> str:
    out = [f"surfaces with more than one label: {len(rep['label_conflicts'])}"]
    for c in rep["label_conflicts"]:
        out.append(f"  {c['surface']!r}: {c['labels']}  {c['docs']}")
    out.append(f"surfaces labelled somewhere but untagged elsewhere: {len(rep['untagged_elsewhere'])}")
    for m in rep["untagged_elsewhere"]:
        out.append(f"  {m['surface']!r} labelled {m['labelled']}, untagged {m['untagged']}x: {', '.join(m['examples'])}")
    return "\n".join(out)
