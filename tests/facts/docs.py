"""Short articles written for these tests, annotated by hand in the shared result format
(entities with offsets and normalized values, relations inside one sentence)."""

from __future__ import annotations

from ie.normalize import normalize


def record(doc_id: str, text: str, ents: list[tuple], rels: list[tuple], meta: dict | None = None) -> dict:
    """``ents``: (label, surface[, occurrence]) in any order; ``rels``: (head index, label,
    tail index) into ``ents``. Offsets are found in the text; values come from the
    project's normalizer."""
    entities, seen = [], {}
    for i, spec in enumerate(ents):
        label, surface = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else 0
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(surface, pos + 1)
        key = (pos, pos + len(surface))
        assert key not in seen, f"{doc_id}: {surface!r} annotated twice"
        seen[key] = i
        e = {"id": f"T{i + 1}", "start": pos, "end": pos + len(surface), "label": label}
        try:
            e["norm"] = normalize(label, surface, text[max(0, pos - 30):pos])
        except ValueError:
            e["norm"] = None
        entities.append(e)
    relations = [{"head": f"T{h + 1}", "tail": f"T{t + 1}", "label": lab, "score": 0.9} for h, lab, t in rels]
    out = {"id": doc_id, "text": text, "entities": entities, "relations": relations}
    if meta:
        out["meta"] = meta
    return out


def vsip_a() -> dict:
    text = ("Bac Ninh courts more chip makers\n\n"
            "VSIP Bac Ninh has drawn 1.5 billion USD since it opened. "
            "The VSIP Bac Ninh Industrial Park covers 700 ha in Bac Ninh province. "
            "VSIP now employs about 30,000 workers. "
            "Bac Ninh has 16 industrial parks covering 6,847 ha by 2025.")
    ents = [("PROVINCE", "Bac Ninh"), ("FACILITY", "VSIP Bac Ninh"), ("MONEY", "1.5 billion USD"),
            ("FACILITY", "VSIP Bac Ninh Industrial Park"), ("AREA", "700 ha"), ("PROVINCE", "Bac Ninh", 3),
            ("FACILITY", "VSIP", 2), ("PROVINCE", "Bac Ninh", 4), ("FACILITY", "16 industrial parks"),
            ("AREA", "6,847 ha"), ("DATE", "2025")]
    rels = [(1, "HAS_INVESTMENT", 2), (3, "HAS_AREA", 4), (3, "LOCATED_IN", 5), (8, "LOCATED_IN", 7),
            (8, "HAS_AREA", 9), (9, "DATE_OF", 10)]
    return record("vsip-a", text, ents, rels)


def vsip_b() -> dict:
    text = ("Northern parks add land\n\n"
            "The VSIP Bac Ninh Industrial Park covers 720 ha, its developer said. "
            "Yen Phong Industrial Park is next to it.")
    ents = [("FACILITY", "VSIP Bac Ninh Industrial Park"), ("AREA", "720 ha"), ("FACILITY", "Yen Phong Industrial Park")]
    rels = [(0, "HAS_AREA", 1)]
    return record("vsip-b", text, ents, rels)


def hue_a() -> dict:
    text = ("HUẾ — Thua Thien Hue will expand the Phu Bai Industrial Park (PBIP) to 818 ha by 2030. "
            "PBIP drew 250 million USD in 2023. "
            "Hue city also plans 9 industrial clusters.")
    ents = [("PROVINCE", "HUẾ"), ("PROVINCE", "Thua Thien Hue"), ("FACILITY", "Phu Bai Industrial Park"),
            ("AREA", "818 ha"), ("DATE", "2030"), ("FACILITY", "PBIP", 1), ("MONEY", "250 million USD"),
            ("DATE", "2023"), ("PROVINCE", "Hue", 1), ("FACILITY", "9 industrial clusters")]
    rels = [(2, "HAS_AREA", 3), (3, "DATE_OF", 4), (5, "HAS_INVESTMENT", 6), (6, "DATE_OF", 7),
            (9, "LOCATED_IN", 8)]
    return record("hue-a", text, ents, rels)


def hue_b() -> dict:
    text = ("Hue reports on its parks\n\n"
            "Phu Bai IP has filled 90% of its land. Investors there have put 260 million USD into Phu Bai.")
    ents = [("PROVINCE", "Hue"), ("FACILITY", "Phu Bai IP"), ("MONEY", "260 million USD"), ("FACILITY", "Phu Bai", 1)]
    rels = [(3, "HAS_INVESTMENT", 2)]
    return record("hue-b", text, ents, rels)


def all_docs() -> list[dict]:
    return [vsip_a(), vsip_b(), hue_a(), hue_b()]
