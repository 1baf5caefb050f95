"""``ie evaluate --report DIR``: the precision/recall report (Markdown, HTML with a chart,
JSON) for one or more systems against a gold set."""

from __future__ import annotations

import base64
import html
import io
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from ie.components.planning_ie import saved_network
from ie.docs import Document
from ie.schema import ENTITY_LABELS, RELATION_LABELS
from ie.evaluation.scoring import compare_paired, pair_documents, score


def error_analysis(gold: list[Document], pred: list[Document]) -> dict:
    """Confusion of labels over overlapping spans; boundary errors apart from label errors."""
    conf: dict[str, Counter] = defaultdict(Counter)
    kinds = Counter()
    for g, p in pair_documents(gold, pred):
        used = set()
        for ge in g.entities:
            over = [(i, pe) for i, pe in enumerate(p.entities) if pe.start < ge.end and ge.start < pe.end]
            if not over:
                conf[ge.label]["(missed)"] += 1
                kinds["missed"] += 1
                continue
            exact = [(i, pe) for i, pe in over if (pe.start, pe.end) == (ge.start, ge.end)]
            i, pe = (exact or over)[0]
            used.update(k for k, _ in over)
            conf[ge.label][pe.label] += 1
            same_span = (pe.start, pe.end) == (ge.start, ge.end)
            if same_span and pe.label == ge.label:
                kinds["correct"] += 1
            elif same_span:
                kinds["label error"] += 1
            elif pe.label == ge.label:
                kinds["boundary error"] += 1
            else:
                kinds["label and boundary error"] += 1
        for i, pe in enumerate(p.entities):
            if i not in used:
                conf["(none)"][pe.label] += 1
                kinds["spurious"] += 1
    return {"confusion": {k: dict(v) for k, v in conf.items()}, "error_kinds": dict(kinds)}


def normalization_accuracy(gold: list[Document], pred: list[Document]) -> dict:
    """For MONEY/AREA/DATE spans predicted exactly: does the predicted norm equal the
    normalizer's value for the gold surface, and the gold's own norm where it has one?"""
    from ie.normalize import NormError, normalize

    out = {}
    for lab in ("MONEY", "AREA", "DATE"):
        n = ok_surface = ok_gold = n_gold = 0
        wrong = []
        for g, p in pair_documents(gold, pred):
            pm = {(e.start, e.end, e.label): e for e in p.entities}
            for ge in g.entities:
                if ge.label != lab or (ge.start, ge.end, lab) not in pm:
                    continue
                pe = pm[(ge.start, ge.end, lab)]
                pnorm = pe.extra.get("norm", pe.norm)
                n += 1
                try:
                    want = normalize(lab, g.text[ge.start:ge.end], g.text[max(0, ge.start - 30):ge.start])
                except NormError:
                    want = None
                if pnorm is not None and pnorm == want:
                    ok_surface += 1
                gnorm = ge.extra.get("norm", ge.norm)
                if gnorm is not None:
                    n_gold += 1
                    if pnorm is not None and all(pnorm.get(k) == v for k, v in gnorm.items()):
                        ok_gold += 1
                    else:
                        wrong.append({"doc": g.id, "text": g.text[ge.start:ge.end], "gold": gnorm, "pred": pnorm})
        out[lab] = {"matched_spans": n, "accuracy_vs_normalizer": round(ok_surface / n, 4) if n else None,
                    "with_gold_norm": n_gold, "accuracy_vs_gold_norm": round(ok_gold / n_gold, 4) if n_gold else None,
                    "wrong": wrong}
    return out


def _bar_chart(results: dict[str, dict]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = list(ENTITY_LABELS) + ["micro", "relations"]
    fig, axes = plt.subplots(1, 3, figsize=(14, 4), sharey=True)
    width = 0.8 / max(len(results), 1)
    for ax, metric in zip(axes, ("precision", "recall", "f1")):
        for k, (name, r) in enumerate(results.items()):
            s = r["entities"]["strict"]
            vals = [s["per_label"][lab][metric] for lab in ENTITY_LABELS] + [s["micro"][metric],
                                                                            r["relations"]["strict"]["micro"][metric]]
            ax.bar([i + k * width for i in range(len(labels))], vals, width, label=name)
        ax.set_xticks([i + width * (len(results) - 1) / 2 for i in range(len(labels))])
        ax.set_xticklabels(labels, rotation=45, ha="right", fontsize=8)
        ax.set_title(metric)
        ax.set_ylim(0, 1.05)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def run_system(name: str, gold: list[Document]) -> tuple[list[Document], dict]:
    from ie.evaluation.predict import timed_predict

    if name.startswith("spacy:"):
        from ie.evaluation.spacy_baseline import predict_spacy_baseline

        return predict_spacy_baseline(name.split(":", 1)[1], gold)
    return timed_predict(name, gold)


def _quantized(pipeline_dir: str) -> bool:
    from spacy.util import load_config

    return bool(load_config(Path(pipeline_dir) / "config.cfg")["components"]["planning_ie"].get("quantize", True))


def system_info(name: str) -> dict:
    from ie.extract.models import split_runtime

    path, _, runtime = split_runtime(name)
    if runtime is not None:
        return {**system_info(path), "runtime": runtime}
    meta_p = Path(name) / "meta.json"
    if meta_p.exists():
        meta = json.loads(meta_p.read_text())
        info = meta.get("planning_ie", {})
        cfg = saved_network(name)
        best = info.get("best_dev") or {}
        return {"kind": "trained pipeline", "encoder": info.get("encoder"),
                "features": ", ".join(k for k, on in (("case/shape/lexical/gazetteer", cfg.get("use_features")),
                                                     ("rule grammar", cfg.get("rule_features")),
                                                     ("CRF decoding", cfg.get("use_crf"))) if on) or "none",
                "train_documents": info.get("train_documents"), "train_windows": info.get("train_windows"),
                "dev_documents": info.get("dev_documents"),
                "best_epoch": best.get("epoch"), "dev_entity_f1": best.get("dev_entity_f1"),
                "dev_relation_f1": best.get("dev_relation_f1"),
                "train_seconds": info.get("train_seconds"), "train_device": info.get("device"),
                "runtime": "int8 encoder graph on ONNX Runtime" if _quantized(name) else "float32 torch"}
    if name == "rules":
        return {"kind": "rule-based (gazetteer + grammars), no training data"}
    if name.startswith("spacy:"):
        return {"kind": "spaCy OntoNotes pipeline mapped to our labels (GPE->PROVINCE, FAC->FACILITY, QUANTITY in area units->AREA, MONEY, DATE)"}
    return {"kind": "predictions file"}


def write_report(gold: list[Document], systems: dict[str, list[Document] | None], out_dir: Path,
                 compare: list[str] | None = None, command: str | None = None) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    results, timing = {}, {}
    names = list(systems) + [c for c in (compare or []) if c not in systems]
    preds_by = {}
    for name in names:
        preds = systems.get(name)
        if preds is None:
            preds, timing[name] = run_system(name, gold)
        preds_by[name] = preds
        r = score(gold, preds)
        r["analysis"] = error_analysis(gold, preds)
        r["normalization"] = normalization_accuracy(gold, preds)
        r["system"] = system_info(name)
        r["timing"] = timing.get(name)
        results[name] = r
    command = command or "(python API)"
    first = names[0]
    paired = {name: compare_paired(results[name], results[first]) for name in names[1:]}
    metrics = {"command": command, "generated": time.strftime("%Y-%m-%d %H:%M:%S"), "gold_documents": len(gold),
               "gold_entities": sum(len(d.entities) for d in gold), "gold_relations": sum(len(d.relations) for d in gold),
               "systems": results, "paired": paired}
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    png = _bar_chart(results)
    (out_dir / "prf.png").write_bytes(png)
    md = render_markdown(metrics)
    (out_dir / "report.md").write_text(md, encoding="utf-8")
    (out_dir / "report.html").write_text(render_html(md, png), encoding="utf-8")
    return metrics


def _f(x) -> str:
    return "" if x is None else f"{x:.3f}"


def _p(paired: dict) -> str:
    """A p-value as the resampling can resolve it: none of 1,000 resamples reads "< 0.001"."""
    if paired["p_value"] == 0 and paired["n_resamples"]:
        return f"< {1 / paired['n_resamples']:.3f}"
    return f"{paired['p_value']:.3f}"


def _ci(tab: dict) -> str:
    ci = tab.get("micro_ci")
    return f"[{ci['low']:.3f}, {ci['high']:.3f}]" if ci else ""


def write_summary(per_set: dict[str, dict], out_dir: Path, command: str | None = None) -> dict:
    """One table over several gold sets (seeds, dev, ood...): per set and system, F1 per
    label and micro F1 with its bootstrap interval; ``per_set`` maps a set name to the
    metrics :func:`write_report` returned for it."""
    rows = []
    for set_name, metrics in per_set.items():
        for name, r in metrics["systems"].items():
            ent, rel = r["entities"]["strict"], r["relations"]["strict"]
            rows.append({"set": set_name, "documents": metrics["gold_documents"], "system": name,
                         "entity_per_label": {lab: ent["per_label"][lab]["f1"] for lab in ENTITY_LABELS},
                         "entity_micro": ent["micro"]["f1"], "entity_ci": ent.get("micro_ci"),
                         "relation_per_label": {lab: rel["per_label"][lab]["f1"] for lab in RELATION_LABELS},
                         "relation_micro": rel["micro"]["f1"], "relation_ci": rel.get("micro_ci")})
    summary = {"command": command or "(python API)", "generated": time.strftime("%Y-%m-%d %H:%M:%S"), "rows": rows}
    L = ["# Evaluation summary", "", f"Command: `{summary['command']}`  ", f"Generated: {summary['generated']}", "",
         "Strict F1; intervals are 95% bootstrap intervals over documents. Per-set details in the sub-folders.", "",
         "| set | docs | system | " + " | ".join(ENTITY_LABELS) + " | entity micro [95% CI] | "
         + " | ".join(RELATION_LABELS) + " | relation micro [95% CI] |",
         "|---" * (3 + len(ENTITY_LABELS) + 1 + len(RELATION_LABELS) + 1) + "|"]
    for row in rows:
        ec, rc = row["entity_ci"] or {}, row["relation_ci"] or {}
        L.append(f"| {row['set']} | {row['documents']} | {row['system']} | "
                 + " | ".join(_f(row["entity_per_label"][lab]) for lab in ENTITY_LABELS)
                 + f" | **{_f(row['entity_micro'])}** [{_f(ec.get('low'))}, {_f(ec.get('high'))}] | "
                 + " | ".join(_f(row["relation_per_label"][lab]) for lab in RELATION_LABELS)
                 + f" | **{_f(row['relation_micro'])}** [{_f(rc.get('low'))}, {_f(rc.get('high'))}] |")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "summary.md").write_text("\n".join(L) + "\n", encoding="utf-8")
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary


def render_markdown(m: dict) -> str:
    L = ["# Evaluation report", "", f"Command: `{m['command']}`  ", f"Generated: {m['generated']}  ",
         f"Gold: {m['gold_documents']} documents, {m['gold_entities']} entities, {m['gold_relations']} relations", ""]
    systems = m["systems"]
    L += ["## Systems compared (strict F1)", "", "| system | " + " | ".join(ENTITY_LABELS) + " | entity micro [95% CI] | entity macro | lenient micro | relation micro [95% CI] | words/s |",
          "|---" * (len(ENTITY_LABELS) + 6) + "|"]
    for name, r in systems.items():
        s = r["entities"]["strict"]
        t = r.get("timing") or {}
        L.append(f"| {name} | " + " | ".join(_f(s["per_label"][lab]["f1"]) for lab in ENTITY_LABELS)
                 + f" | **{_f(s['micro']['f1'])}** {_ci(s)} | {_f(s['macro']['f1'])} | {_f(r['entities']['lenient']['micro']['f1'])}"
                 f" | **{_f(r['relations']['strict']['micro']['f1'])}** {_ci(r['relations']['strict'])} | {t.get('words_per_s', '')} |")
    L.append("")
    L += ["Intervals: 95% percentile bootstrap over documents (1,000 resamples, seed 13).", ""]
    if m.get("paired"):
        L += ["## Paired bootstrap against the first system", "",
              "| system | entity ΔF1 | p | relation ΔF1 | p |", "|---|---|---|---|---|"]
        for name, pr in m["paired"].items():
            e, rr = pr["entities"], pr["relations"]
            L.append(f"| {name} | {e['delta']:+.3f} | {_p(e)} | {rr['delta']:+.3f} | {_p(rr)} |")
        L += ["", "ΔF1 = this system minus the first; p = two-sided paired-bootstrap p-value (documents resampled "
              "together for both systems). p >= 0.05: the difference may be noise.", ""]
    for name, r in systems.items():
        L += [f"## {name}", "", "System: " + ", ".join(f"{k}={v}" for k, v in r["system"].items() if v is not None), ""]
        for title, tab, labels in (("Entities, strict", r["entities"]["strict"], ENTITY_LABELS),
                                   ("Entities, lenient (overlap, same label)", r["entities"]["lenient"], ENTITY_LABELS),
                                   ("Relations, strict", r["relations"]["strict"], RELATION_LABELS)):
            L += [f"### {title}", "", "| label | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
            for lab in labels:
                c = tab["per_label"][lab]
                L.append(f"| {lab} | {_f(c['precision'])} | {_f(c['recall'])} | {_f(c['f1'])} | {c['tp']} | {c['fp']} | {c['fn']} |")
            mi, ma = tab["micro"], tab["macro"]
            L.append(f"| micro | {_f(mi['precision'])} | {_f(mi['recall'])} | {_f(mi['f1'])} | {mi['tp']} | {mi['fp']} | {mi['fn']} |")
            L.append(f"| macro | {_f(ma['precision'])} | {_f(ma['recall'])} | {_f(ma['f1'])} | | | |")
            L.append("")
        L.append(f"seqeval (strict, IOB2) agrees with the character-span counts: {r['entities']['seqeval_agrees_with_char_spans']}")
        L.append("")
        L += ["### Normalization", "", "| label | matched spans | accuracy vs normalizer on gold surface | spans with gold norm | accuracy vs gold norm |",
              "|---|---|---|---|---|"]
        for lab, n in r["normalization"].items():
            L.append(f"| {lab} | {n['matched_spans']} | {_f(n['accuracy_vs_normalizer'])} | {n['with_gold_norm']} | {_f(n['accuracy_vs_gold_norm'])} |")
        L.append("")
        an = r["analysis"]
        L += ["### Error kinds", "", " | ".join(f"{k}: {v}" for k, v in sorted(an["error_kinds"].items())), "",
              "### Confusion over overlapping spans (rows: gold, columns: predicted)", ""]
        cols = list(ENTITY_LABELS) + ["(missed)"]
        L += ["| gold \\ pred | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for row in list(ENTITY_LABELS) + ["(none)"]:
            c = an["confusion"].get(row, {})
            L.append(f"| {row} | " + " | ".join(str(c.get(col, "")) for col in cols) + " |")
        L.append("")
        L += ["### False positives and false negatives", ""]
        L += _error_lines(r["errors"]["entities"], "entities", ENTITY_LABELS,
                          lambda e: f"`{e['text']}` — {e['doc']}: “{e['sentence'][:220]}”")
        L += _error_lines(r["errors"]["relations"], "relations", RELATION_LABELS,
                          lambda e: f"`{e['head']}` → `{e['tail']}` — {e['doc']}: “{e['sentence'][:200]}”")
    return "\n".join(L) + "\n"


def _error_lines(errors: dict, what: str, labels, describe) -> list[str]:
    """Markdown lists of false positives and false negatives, grouped by label."""
    L = []
    for kind, title in (("fp", "False positives"), ("fn", "False negatives")):
        by = defaultdict(list)
        for e in errors[kind]:
            by[e["label"]].append(e)
        L.append(f"#### {title} ({what}): {len(errors[kind])}")
        for lab in labels:
            if by[lab]:
                L.append(f"- **{lab}** ({len(by[lab])})")
                L += [f"  - {describe(e)}" for e in by[lab]]
        L.append("")
    return L


def render_html(md: str, png: bytes) -> str:
    """A self-contained HTML page: the chart embedded as PNG, the Markdown rendered simply."""
    body = []
    in_table = False
    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= set("-"):
                continue
            if not in_table:
                body.append("<table>")
                in_table = True
                tag = "th"
            else:
                tag = "td"
            body.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in cells) + "</tr>")
            continue
        if in_table:
            body.append("</table>")
            in_table = False
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{_inline(line[level:].strip())}</h{level}>")
            if line.startswith("# "):
                body.append(f"<img alt='P/R/F1 per label' src='data:image/png;base64,{base64.b64encode(png).decode()}'>")
        elif line.lstrip().startswith("- "):
            indent = "margin-left:2em" if line.startswith("  ") else ""
            body.append(f"<div style='{indent}'>• {_inline(line.lstrip()[2:])}</div>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    if in_table:
        body.append("</table>")
    style = ("body{font-family:sans-serif;max-width:1200px;margin:auto}table{border-collapse:collapse;margin:8px 0}"
             "td,th{border:1px solid #ccc;padding:2px 8px;font-size:13px}img{max-width:100%}code{background:#f4f4f4}")
    return f"<!doctype html><meta charset='utf-8'><title>planning-ie evaluation</title><style>{style}</style>\n" + "\n".join(body)


def _inline(s: str) -> str:
    import re

    s = html.escape(s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"`(.+?)`", r"<code>\1</code>", s)
    return s
