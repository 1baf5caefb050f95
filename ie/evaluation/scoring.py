"""Precision/recall/F1 of predicted entities and relations against gold documents.

Three views of entity quality are computed:
- strict by exact character spans and label (the reference numbers);
- strict by seqeval (``mode="strict"``, IOB2) over the pipeline's own tokens, which must
  agree with the character view whenever the predictions are token-aligned;
- lenient: a prediction matches an unmatched gold span of the same label it overlaps.
Relations are strict: both argument spans exact and the relation label equal.
"""

from __future__ import annotations

from typing import Iterable

from ie.docs import CorpusError, Document
from ie.evaluation.bootstrap import bootstrap_ci, paired_bootstrap
from ie.evaluation.prf import PRF
from ie.schema import ENTITY_LABELS, RELATION_LABELS


def _table(counts: dict[str, PRF], labels: Iterable[str]) -> dict:
    labels = list(labels)
    per = {lab: counts.get(lab, PRF()) for lab in labels}
    micro = PRF(sum(c.tp for c in per.values()), sum(c.fp for c in per.values()), sum(c.fn for c in per.values()))
    # macro over labels that occur in gold or predictions
    present = [c for c in per.values() if c.tp + c.fp + c.fn]
    n = len(present) or 1
    macro = {
        "precision": round(sum(c.precision for c in present) / n, 4),
        "recall": round(sum(c.recall for c in present) / n, 4),
        "f1": round(sum(c.f1 for c in present) / n, 4),
    }
    return {"per_label": {lab: c.to_json() for lab, c in per.items()}, "micro": micro.to_json(), "macro": macro}


def pair_documents(gold: list[Document], pred: list[Document]) -> list[tuple[Document, Document]]:
    """Match predictions to gold by id; a missing, extra or text-changed document is an error."""
    by_id = {}
    for p in pred:
        if p.id in by_id:
            raise CorpusError(p.where, "document id appears twice in the predictions")
        by_id[p.id] = p
    pairs = []
    for g in gold:
        p = by_id.pop(g.id, None)
        if p is None:
            raise CorpusError(g.where, "no prediction for this gold document")
        if p.text != g.text:
            i = next((k for k, (a, b) in enumerate(zip(p.text, g.text)) if a != b), min(len(p.text), len(g.text)))
            raise CorpusError(p.where, f"prediction text differs from the gold text at character {i}")
        pairs.append((g, p))
    if by_id:
        extra = next(iter(by_id.values()))
        raise CorpusError(extra.where, f"prediction for a document not in the gold ({len(by_id)} such)")
    return pairs


def _ent_keys(doc: Document) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label) for e in doc.entities}


def strict_entity_counts(pairs) -> dict[str, PRF]:
    counts: dict[str, PRF] = {lab: PRF() for lab in ENTITY_LABELS}
    for g, p in pairs:
        gk, pk = _ent_keys(g), _ent_keys(p)
        for s, e, lab in gk & pk:
            counts.setdefault(lab, PRF()).tp += 1
        for s, e, lab in pk - gk:
            counts.setdefault(lab, PRF()).fp += 1
        for s, e, lab in gk - pk:
            counts.setdefault(lab, PRF()).fn += 1
    return counts


def lenient_entity_counts(pairs) -> dict[str, PRF]:
    counts: dict[str, PRF] = {lab: PRF() for lab in ENTITY_LABELS}
    for g, p in pairs:
        used = set()
        golds = sorted(g.entities, key=lambda e: e.start)
        for pe in sorted(p.entities, key=lambda e: e.start):
            match = None
            for gi, ge in enumerate(golds):
                if gi in used or ge.label != pe.label:
                    continue
                if ge.start < pe.end and pe.start < ge.end:
                    match = gi
                    break
            c = counts.setdefault(pe.label, PRF())
            if match is None:
                c.fp += 1
            else:
                used.add(match)
                c.tp += 1
        for gi, ge in enumerate(golds):
            if gi not in used:
                counts.setdefault(ge.label, PRF()).fn += 1
    return counts


def iob2_tags(doc: Document, tokens) -> list[str]:
    """IOB2 tags of ``doc``'s entities over ``tokens`` (spaCy tokens of the same text).
    A span not aligned to tokens is expanded to the tokens it touches."""
    tags = ["O"] * len(tokens)
    starts = [t.idx for t in tokens]
    for e in sorted(doc.entities, key=lambda e: e.start):
        idx = [i for i, t in enumerate(tokens) if t.idx < e.end and t.idx + len(t.text) > e.start]
        if not idx:
            continue
        if any(tags[i] != "O" for i in idx):
            continue  # overlapping predictions cannot be written in IOB2; the char view counts them
        tags[idx[0]] = f"B-{e.label}"
        for i in idx[1:]:
            tags[i] = f"I-{e.label}"
    del starts
    return tags


def seqeval_entity_counts(pairs) -> dict[str, PRF]:
    from seqeval.metrics.sequence_labeling import get_entities  # noqa: F401  (import check)
    from seqeval.scheme import IOB2, Entities

    from ie.text import tokenize

    y_true, y_pred = [], []
    for g, p in pairs:
        toks = [t for t in tokenize(g.text)]
        y_true.append(iob2_tags(g, toks))
        y_pred.append(iob2_tags(p, toks))
    counts: dict[str, PRF] = {lab: PRF() for lab in ENTITY_LABELS}
    true_ents = Entities(y_true, IOB2, suffix=False)
    pred_ents = Entities(y_pred, IOB2, suffix=False)
    for lab in set(true_ents.unique_tags) | set(pred_ents.unique_tags):
        t = set(true_ents.filter(lab))
        pr = set(pred_ents.filter(lab))
        c = counts.setdefault(lab, PRF())
        c.tp += len(t & pr)
        c.fp += len(pr - t)
        c.fn += len(t - pr)
    return counts


def seqeval_report(pairs) -> dict:
    """seqeval's own strict classification report, used to cross-check our counts."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    from ie.text import tokenize

    y_true, y_pred = [], []
    for g, p in pairs:
        toks = list(tokenize(g.text))
        y_true.append(iob2_tags(g, toks))
        y_pred.append(iob2_tags(p, toks))
    return classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)


def _rel_keys(doc: Document) -> set[tuple]:
    ents = doc.entity_map()
    out = set()
    for r in doc.relations:
        h, t = ents.get(r.head), ents.get(r.tail)
        if h is None or t is None:
            raise CorpusError(doc.where, f"relation {r.head}-{r.label}->{r.tail} names a missing entity")
        out.add(((h.start, h.end), (t.start, t.end), r.label))
    return out


def relation_counts(pairs) -> dict[str, PRF]:
    counts: dict[str, PRF] = {lab: PRF() for lab in RELATION_LABELS}
    for g, p in pairs:
        gk, pk = _rel_keys(g), _rel_keys(p)
        for *_, lab in gk & pk:
            counts.setdefault(lab, PRF()).tp += 1
        for *_, lab in pk - gk:
            counts.setdefault(lab, PRF()).fp += 1
        for *_, lab in gk - pk:
            counts.setdefault(lab, PRF()).fn += 1
    return counts


def error_lists(pairs) -> dict:
    """Every false positive and false negative (entities and relations) with its sentence."""
    from ie.text import tokenize

    out = {"entities": {"fp": [], "fn": []}, "relations": {"fp": [], "fn": []}}
    for g, p in pairs:
        sdoc = tokenize(g.text)

        def sentence(start: int) -> str:
            for s in sdoc.sents:
                if s.start_char <= start < s.end_char:
                    return s.text.strip()
            return ""

        gk, pk = _ent_keys(g), _ent_keys(p)
        for kind, keys in (("fp", pk - gk), ("fn", gk - pk)):
            for s, e, lab in sorted(keys):
                out["entities"][kind].append({"doc": g.id, "start": s, "end": e, "label": lab,
                                              "text": g.text[s:e], "sentence": sentence(s)})
        grk, prk = _rel_keys(g), _rel_keys(p)
        for kind, keys in (("fp", prk - grk), ("fn", grk - prk)):
            for (hs, he), (ts, te), lab in sorted(keys):
                out["relations"][kind].append({"doc": g.id, "label": lab, "head": g.text[hs:he], "tail": g.text[ts:te],
                                               "head_span": [hs, he], "tail_span": [ts, te], "sentence": sentence(hs)})
    return out


def per_document_counts(pairs) -> dict[str, list[tuple[int, int, int]]]:
    """Micro (tp, fp, fn) of each gold document, entities and relations, in gold order:
    the unit the bootstrap resamples (ie.evaluation.bootstrap)."""
    out: dict[str, list[tuple[int, int, int]]] = {"entities": [], "relations": []}
    for pair in pairs:
        for key, counts in (("entities", strict_entity_counts([pair])), ("relations", relation_counts([pair]))):
            out[key].append((sum(c.tp for c in counts.values()), sum(c.fp for c in counts.values()),
                             sum(c.fn for c in counts.values())))
    return out


def compare_paired(a: dict, b: dict) -> dict:
    """Paired-bootstrap comparison of two ``score()`` results on the same gold documents:
    entity and relation micro F1 difference (a - b) and its two-sided p-value."""
    return {kind: paired_bootstrap(a["per_document"][kind], b["per_document"][kind])
            for kind in ("entities", "relations")}


def score(gold: list[Document], pred: list[Document], with_errors: bool = True) -> dict:
    pairs = pair_documents(gold, pred)
    strict = _table(strict_entity_counts(pairs), ENTITY_LABELS)
    seq = _table(seqeval_entity_counts(pairs), ENTITY_LABELS)
    agree = all(
        strict["per_label"][lab][k] == seq["per_label"][lab][k] for lab in ENTITY_LABELS for k in ("tp", "fp", "fn")
    )
    result = {
        "documents": len(pairs),
        "entities": {
            "strict": strict,
            "seqeval_strict": seq,
            "seqeval_agrees_with_char_spans": agree,
            "lenient": _table(lenient_entity_counts(pairs), ENTITY_LABELS),
        },
        "relations": {"strict": _table(relation_counts(pairs), RELATION_LABELS)},
        "per_document": per_document_counts(pairs),
    }
    result["entities"]["strict"]["micro_ci"] = bootstrap_ci(result["per_document"]["entities"])
    result["relations"]["strict"]["micro_ci"] = bootstrap_ci(result["per_document"]["relations"])
    if with_errors:
        result["errors"] = error_lists(pairs)
    return result


def format_markdown(result: dict, title: str = "Evaluation") -> str:
    lines = [f"# {title}", "", f"Documents: {result['documents']}", ""]

    def table(name: str, tab: dict) -> None:
        lines.extend([f"## {name}", "", "| label | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"])
        for lab, c in tab["per_label"].items():
            lines.append(f"| {lab} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | {c['tp']} | {c['fp']} | {c['fn']} |")
        m = tab["micro"]
        lines.append(f"| **micro** | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['tp']} | {m['fp']} | {m['fn']} |")
        if "micro_ci" in tab:
            lines.append(f"\nmicro F1 {format_ci(tab['micro_ci'])}")
        mm = tab["macro"]
        lines.append(f"| **macro** | {mm['precision']:.3f} | {mm['recall']:.3f} | {mm['f1']:.3f} | | | |")
        lines.append("")

    table("Entities, strict (exact character span and label)", result["entities"]["strict"])
    table("Entities, strict by seqeval (IOB2 over pipeline tokens)", result["entities"]["seqeval_strict"])
    lines.append(f"seqeval agrees with character spans: {result['entities']['seqeval_agrees_with_char_spans']}\n")
    table("Entities, lenient (overlap, same label)", result["entities"]["lenient"])
    table("Relations, strict (exact argument spans and label)", result["relations"]["strict"])
    return "\n".join(lines)


def format_ci(ci: dict) -> str:
    """"0.912 [0.871, 0.944]" with what the interval is."""
    return (f"{ci['f1']:.3f} [{ci['low']:.3f}, {ci['high']:.3f}] (95% bootstrap interval over "
            f"{ci['n_docs']} documents, {ci['n_resamples']} resamples)")
