"""Questions to the facts store: facts grouped by canonical facility (or province, or counted
group), with every value, date and source, conflicting values side by side; output as a
text table, CSV, Parquet or JSON; a chart of one province's parks."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

from ie.facts.linking import TYPE_LABELS, analyse_facility
from ie.facts.sources import province

FIGURES = ("area", "investment", "value")
FLAT_FIELDS = ["subject_kind", "subject_id", "subject", "type", "province", "province_2025", "attribute", "value",
               "number", "unit", "approximator", "date", "date_start", "date_end", "inferred", "evidence",
               "conflict", "document", "sentence", "sent_start", "sent_end", "value_start", "value_end",
               "subject_start", "subject_end", "score", "model_version"]


class QueryError(ValueError):
    pass


def _where(con, province_name, facility, since, merged, include_generic):
    conds, params = [], []
    if province_name:
        known = province(province_name)
        if not known:
            raise QueryError(f"unknown province {province_name!r}")
        if merged:
            conds.append("province_2025 = ?")
            params.append(known[2])
        else:
            conds.append("province = ?")
            params.append(known[0])
    if facility:
        core = analyse_facility(facility).core
        conds.append("""(subject_id IN (SELECT facility_id FROM facilities WHERE facility_id = ? OR name ILIKE ?
                                         OR surfaces ILIKE ?)
                         OR subject_id IN (SELECT facility_id FROM facility_links WHERE fac_core = ? OR canon_core = ?)
                         OR (subject_kind <> 'facility' AND subject_surface ILIKE ?))""")
        like = f"%{facility}%"
        params += [facility, like, like, core, core, like]
    if since is not None:
        conds.append("coalesce(date_end, date_start) >= ?")
        params.append(int(since))
    if not include_generic:
        conds.append("subject_kind <> 'generic'")
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def query(con, province_name: str | None = None, facility: str | None = None, since: int | None = None,
          merged: bool = False, include_generic: bool = False) -> list[dict]:
    """One dict per stored fact that matches (one source each), in subject order, with a
    ``conflict`` text naming the other values of the same subject, attribute and date."""
    where, params = _where(con, province_name, facility, since, merged, include_generic)
    cur = con.execute(f"""
        SELECT subject_kind, subject_id, subject, subject_type, province, province_2025, attribute, value_text,
               value_num, unit, approximator, date_text, date_start, date_end, inferred, evidence, doc_id,
               sentence, sent_start, sent_end, value_start, value_end, subject_start, subject_end, score, model_version
        FROM facts_linked {where}
        ORDER BY province NULLS LAST, subject_kind, subject, attribute, date_start NULLS FIRST, value_num, doc_id,
                 value_start""", params)
    out = []
    for (kind, sid, subject, stype, prov, prov25, attribute, value, number, unit, approx, date, d0, d1, inferred,
         evidence, doc, sentence, s0, s1, v0, v1, h0, h1, score, model_version) in cur.fetchall():
        out.append({"subject_kind": kind, "subject_id": sid, "subject": subject,
                    "type": stype if kind in ("facility", "province") else TYPE_LABELS.get(stype or "", stype),
                    "province": prov, "province_2025": prov25, "attribute": attribute, "value": value,
                    "number": number, "unit": unit, "approximator": approx, "date": date, "date_start": d0,
                    "date_end": d1, "inferred": bool(inferred), "evidence": evidence, "conflict": "",
                    "document": doc, "sentence": sentence, "sent_start": s0, "sent_end": s1, "value_start": v0,
                    "value_end": v1, "subject_start": h0, "subject_end": h1, "score": score,
                    "model_version": model_version})
    _mark_conflicts(out)
    return out


def _mark_conflicts(rows: list[dict]) -> None:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        if r["attribute"] in FIGURES and r["number"] is not None and r["subject_kind"] != "group":
            groups[(r["subject_id"], r["attribute"], r["unit"], r["date_start"], r["date_end"])].append(r)
        elif r["attribute"] == "located_in" and not r["inferred"] and r["subject_kind"] == "facility":
            groups[(r["subject_id"], "located_in")].append(r)
    for members in groups.values():
        by_value: dict = {}
        for m in members:
            v = m["number"] if m["number"] is not None else m["value"]
            by_value.setdefault(v, {})[f"{m['value']} ({m['document']})"] = None
        if len(by_value) < 2:
            continue
        text = {v: "also: " + "; ".join(lab for w, labs in by_value.items() if w != v for lab in labs)
                for v in by_value}
        for m in members:
            m["conflict"] = text[m["number"] if m["number"] is not None else m["value"]]


def grouped(rows: list[dict]) -> list[dict]:
    """Facts nested by subject, then by (attribute, value, date), each with its sources."""
    subjects: dict[str, dict] = {}
    for r in rows:
        s = subjects.setdefault(r["subject_id"], {k: r[k] for k in (
            "subject_id", "subject", "subject_kind", "type", "province", "province_2025")} | {"facts": {}})
        key = (r["attribute"], r["number"] if r["number"] is not None else r["value"], r["unit"], r["date_start"],
               r["date_end"], r["inferred"])
        f = s["facts"].setdefault(key, {k: r[k] for k in (
            "attribute", "value", "number", "unit", "approximator", "date", "date_start", "date_end", "inferred",
            "conflict")} | {"sources": []})
        f["sources"].append({k: r[k] for k in ("document", "sentence", "sent_start", "sent_end", "value_start",
                                                 "value_end", "subject_start", "subject_end", "evidence", "score")})
    out = []
    for s in subjects.values():
        s["facts"] = list(s["facts"].values())
        out.append(s)
    return out


def csv_safe(v) -> str:
    """A cell that spreadsheets show as text, never run as a formula."""
    if v is None:
        return ""
    s = str(v)
    if s[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + s
    return s


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FLAT_FIELDS)
    for r in rows:
        w.writerow([csv_safe(r[k]) for k in FLAT_FIELDS])
    return buf.getvalue()


def to_parquet(rows: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({k: pa.array([r[k] for r in rows]) for k in FLAT_FIELDS}), str(path))


def _short(s: str | None, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _snippet(src: dict, width: int = 120) -> str:
    """The source sentence, or a window of it around the value (around the subject when the
    value lies outside the sentence, as for an inferred province)."""
    sent, s0 = " ".join((src["sentence"] or "").split()), src["sent_start"] or 0
    if len(sent) <= width:
        return sent
    raw = src["sentence"] or ""
    v0, v1 = src["value_start"], src["value_end"]
    if v0 is None or not (s0 <= v0 < s0 + len(raw)):
        v0, v1 = src["subject_start"], src["subject_end"]
    mid = ((v0 + v1) // 2 - s0) if v0 is not None else 0
    a = max(0, min(len(raw) - width, mid - width // 2))
    text = " ".join(raw[a:a + width].split())
    return ("…" if a > 0 else "") + text + ("…" if a + width < len(raw) else "")


def format_number(v: float) -> str:
    """6397.68 -> '6,397.68'; 22920000000.0 -> '22,920,000,000'."""
    text = f"{v:,.4f}".rstrip("0").rstrip(".")
    return text


def to_table(rows: list[dict]) -> str:
    lines = []
    for s in grouped(rows):
        where = s["province"] or "province unknown"
        if s["province_2025"] and s["province_2025"] != s["province"]:
            where += f" (since 2025: {s['province_2025']})"
        lines.append(f"{s['subject']}  [{s['type'] or s['subject_kind']}; {where}]  {s['subject_id']}")
        for f in s["facts"]:
            value = f["value"] or ""
            if f["number"] is not None and f["unit"]:
                approx = f"{f['approximator']} " if f["approximator"] else ""
                value = f"{value}  [{approx}{format_number(f['number'])} {f['unit']}]"
            date = f" @ {f['date']}" if f["date"] else ""
            tag = " (inferred)" if f["inferred"] else ""
            lines.append(f"  {f['attribute']:<10} {value}{date}{tag}")
            if f["conflict"]:
                lines.append(f"    ! conflicting values, {f['conflict']}")
            for src in f["sources"]:
                ev = f" [{src['evidence']}]" if f["inferred"] else ""
                lines.append(f"    - {src['document']}:{src['value_start']}-{src['value_end']}{ev} "
                             f"\"{_snippet(src)}\"")
        lines.append("")
    return "\n".join(lines)


def render(rows: list[dict], fmt: str, out: Path | None) -> str | None:
    """Write ``rows`` in ``fmt``; returns the text to print when there is no ``out``."""
    if fmt == "parquet":
        if out is None:
            raise QueryError("--format parquet needs --out FILE")
        to_parquet(rows, out)
        return None
    if fmt == "csv":
        text = to_csv(rows)
    elif fmt == "json":
        text = json.dumps(grouped(rows), ensure_ascii=False, indent=1)
    elif fmt == "table":
        text = to_table(rows)
    else:
        raise QueryError(f"unknown format {fmt!r}")
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None


def plot(rows: list[dict], path: Path, title: str) -> None:
    """Areas of the province's facilities and groups (one bar per stated value, so
    conflicting values show side by side), and investment over time per currency."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    areas = [r for r in rows if r["attribute"] == "area" and r["number"] is not None]
    inv = [r for r in rows if r["attribute"] == "investment" and r["number"] is not None]
    currencies = sorted({r["unit"] for r in inv if r["date_end"] is not None})
    n = 1 + max(1, len(currencies))
    fig, axes = plt.subplots(1, n, figsize=(6 * n, max(3.5, 0.35 * len(areas) + 1.5)))
    ax = axes[0]
    seen = sorted({(r["subject"], r["number"], r["document"], r["date"] or "") for r in areas},
                  key=lambda x: (x[0], x[3], x[1]))
    labels = [f"{_short(s, 40)}{' @ ' + d if d else ''} ({doc[:12]})" for s, _, doc, d in seen]
    bars = ax.barh(range(len(seen)), [v for _, v, _, _ in seen], color="#4c72b0")
    ax.bar_label(bars, labels=[f"{v:,.0f}" for _, v, _, _ in seen], fontsize=7, padding=2)
    ax.set_yticks(range(len(seen)), labels, fontsize=7)
    if not seen:
        ax.text(0.5, 0.5, "no areas found", ha="center", va="center", transform=ax.transAxes)
    ax.invert_yaxis()
    ax.set_xlabel("hectares")
    ax.set_title("area per facility / group (one bar per source)")
    for i, cur in enumerate(currencies or [None]):
        ax = axes[1 + i]
        pts = [r for r in inv if r["unit"] == cur and r["date_end"] is not None]
        by_subject: dict[str, list] = defaultdict(list)
        for r in pts:
            by_subject[r["subject"]].append((r["date_end"], r["number"]))
        for subj, xy in sorted(by_subject.items()):
            xy.sort()
            ax.plot([x for x, _ in xy], [y for _, y in xy], marker="o", label=_short(subj, 30))
        ax.set_xlabel("year")
        ax.set_ylabel(cur or "")
        undated = sum(1 for r in inv if r["unit"] == cur and r["date_end"] is None)
        ax.set_title(f"investment in {cur or '(none found)'}" + (f" ({undated} undated not shown)" if undated else ""))
        if by_subject:
            ax.legend(fontsize=7)
        else:
            ax.text(0.5, 0.5, "no dated investment found", ha="center", va="center", transform=ax.transAxes)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
