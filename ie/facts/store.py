"""The facts store: a DuckDB file holding documents, entity mentions, relations and facts
of many articles, with facility and province records linked across articles.

Ingestion takes result records in the shared format (what ``ie extract`` writes). A
document is identified by its id and a content hash of its text, entities and relations:
the same content again changes nothing, new content for the same id replaces the old rows.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from bisect import bisect_right
from collections import Counter, defaultdict
from pathlib import Path

import duckdb

from ie.facts.linking import TYPE_LABELS, infer_document_province, link_keys, resolve_document
from ie.facts.sources import province_from_norm, sentence_bounds

LABELS = {"PROVINCE", "FACILITY", "MONEY", "AREA", "DATE"}
RELATIONS = {"LOCATED_IN", "HAS_AREA", "HAS_INVESTMENT", "HAS_VALUE", "DATE_OF"}
ATTRIBUTE = {"HAS_AREA": "area", "HAS_INVESTMENT": "investment", "HAS_VALUE": "value"}
TAIL = {"HAS_AREA": "AREA", "HAS_INVESTMENT": "MONEY", "HAS_VALUE": "MONEY"}

# table -> columns, in insertion order (the schema below follows the same order)
COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "source", "content_hash", "title", "model_version", "extracted_at", "ingested_at",
                  "n_entities", "n_relations", "province", "province_2025", "province_method", "province_evidence"],
    "mentions": ["doc_id", "ent_id", "label", "start_char", "end_char", "surface", "norm", "sent_start", "sent_end",
                 "province", "province_vi", "province_2025", "fac_kind", "fac_core", "fac_type", "fac_count",
                 "link_how", "loc_province", "loc_province_2025", "loc_inferred", "loc_evidence"],
    "relations": ["doc_id", "head", "tail", "label", "score"],
    "facts": ["doc_id", "fact_no", "subject_ent", "attribute", "value_num", "value_min", "value_max", "value_text",
              "unit", "approximator", "date_text", "date_start", "date_end", "date_iso", "value_ent", "inferred",
              "evidence", "score", "sentence", "sent_start", "sent_end", "subject_start", "subject_end",
              "value_start", "value_end"],
    "aliases": ["doc_id", "alias", "fac_core", "fac_type"],
    "errors": ["doc_id", "error", "source"],
}
DOC_TABLES = list(COLUMNS)

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  doc_id VARCHAR PRIMARY KEY, source VARCHAR, content_hash VARCHAR NOT NULL, title VARCHAR,
  model_version VARCHAR, extracted_at TIMESTAMP, ingested_at TIMESTAMP, n_entities INTEGER,
  n_relations INTEGER, province VARCHAR, province_2025 VARCHAR, province_method VARCHAR,
  province_evidence VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
  doc_id VARCHAR NOT NULL, ent_id VARCHAR NOT NULL, label VARCHAR NOT NULL, start_char INTEGER,
  end_char INTEGER, surface VARCHAR, norm VARCHAR, sent_start INTEGER, sent_end INTEGER,
  province VARCHAR, province_vi VARCHAR, province_2025 VARCHAR, fac_kind VARCHAR, fac_core VARCHAR,
  fac_type VARCHAR, fac_count INTEGER, link_how VARCHAR, loc_province VARCHAR,
  loc_province_2025 VARCHAR, loc_inferred BOOLEAN, loc_evidence VARCHAR);
CREATE TABLE IF NOT EXISTS relations (
  doc_id VARCHAR NOT NULL, head VARCHAR, tail VARCHAR, label VARCHAR, score DOUBLE);
CREATE TABLE IF NOT EXISTS facts (
  doc_id VARCHAR NOT NULL, fact_no INTEGER, subject_ent VARCHAR, attribute VARCHAR,
  value_num DOUBLE, value_min DOUBLE, value_max DOUBLE, value_text VARCHAR, unit VARCHAR,
  approximator VARCHAR, date_text VARCHAR, date_start INTEGER, date_end INTEGER, date_iso VARCHAR,
  value_ent VARCHAR, inferred BOOLEAN, evidence VARCHAR, score DOUBLE, sentence VARCHAR,
  sent_start INTEGER, sent_end INTEGER, subject_start INTEGER, subject_end INTEGER,
  value_start INTEGER, value_end INTEGER);
CREATE TABLE IF NOT EXISTS aliases (doc_id VARCHAR, alias VARCHAR, fac_core VARCHAR, fac_type VARCHAR);
CREATE TABLE IF NOT EXISTS errors (doc_id VARCHAR, error VARCHAR, source VARCHAR);
CREATE TABLE IF NOT EXISTS facility_links (
  fac_core VARCHAR, fac_type VARCHAR, facility_id VARCHAR, canon_core VARCHAR, canon_type VARCHAR);
CREATE TABLE IF NOT EXISTS facilities (
  facility_id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, province VARCHAR, province_2025 VARCHAR,
  provinces VARCHAR, province_from VARCHAR, n_mentions INTEGER, n_documents INTEGER, surfaces VARCHAR);
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE OR REPLACE VIEW provinces AS
  SELECT province, any_value(province_vi) AS name_vi, any_value(province_2025) AS province_2025,
         count(*) AS n_mentions, count(DISTINCT doc_id) AS n_documents,
         string_agg(DISTINCT surface, ' | ' ORDER BY surface) AS surfaces
  FROM mentions WHERE label = 'PROVINCE' AND province IS NOT NULL GROUP BY province;
CREATE OR REPLACE VIEW fact_view AS
  SELECT f.*,
    CASE WHEN m.label = 'PROVINCE' THEN 'province' WHEN m.fac_kind = 'named' THEN 'facility' ELSE m.fac_kind END
      AS subject_kind,
    CASE WHEN m.label = 'PROVINCE' THEN 'province:' || m.province WHEN m.fac_kind = 'named' THEN l.facility_id
         ELSE m.fac_kind || ':' || f.doc_id || ':' || m.ent_id END AS subject_id,
    CASE WHEN m.label = 'PROVINCE' THEN m.province WHEN m.fac_kind = 'named' THEN fa.name ELSE m.surface END
      AS subject,
    CASE WHEN m.label = 'PROVINCE' THEN 'province' WHEN m.fac_kind = 'named' THEN fa.type ELSE m.fac_type END
      AS subject_type,
    CASE WHEN m.label = 'PROVINCE' THEN m.province WHEN m.fac_kind = 'named' THEN fa.province
         ELSE m.loc_province END AS province,
    CASE WHEN m.label = 'PROVINCE' THEN m.province_2025 WHEN m.fac_kind = 'named' THEN fa.province_2025
         ELSE m.loc_province_2025 END AS province_2025,
    m.surface AS subject_surface, d.title, d.source, d.model_version
  FROM facts f
  JOIN mentions m ON m.doc_id = f.doc_id AND m.ent_id = f.subject_ent
  JOIN documents d ON d.doc_id = f.doc_id
  LEFT JOIN facility_links l ON l.fac_core = m.fac_core AND l.fac_type = m.fac_type
  LEFT JOIN facilities fa ON fa.facility_id = l.facility_id;
CREATE TABLE IF NOT EXISTS facts_linked AS SELECT * FROM fact_view WHERE false;
"""


class FactsInputError(ValueError):
    """A result record that cannot be stored; the message names the document (and file:line)."""


def content_hash(result: dict) -> str:
    body = {k: result.get(k) for k in ("text", "entities", "relations")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _check(result, where: str) -> None:
    def bad(reason):
        raise FactsInputError(f"{where}: {reason}")

    if not isinstance(result, dict):
        bad("a result record must be a JSON object")
    if not isinstance(result.get("id"), str) or not result["id"]:
        bad("missing document id")
    if "error" in result:
        return
    text = result.get("text")
    if not isinstance(text, str):
        bad("missing 'text' (results must echo the article text)")
    ents, rels = result.get("entities"), result.get("relations", [])
    if not isinstance(ents, list) or not isinstance(rels, list):
        bad("'entities' and 'relations' must be lists")
    ids = set()
    for e in ents:
        if not isinstance(e, dict) or not {"id", "start", "end", "label"} <= set(e):
            bad(f"entity {e!r} lacks id/start/end/label")
        if e["label"] not in LABELS:
            bad(f"entity {e['id']}: unknown label {e['label']!r}")
        if not (isinstance(e["start"], int) and isinstance(e["end"], int) and 0 <= e["start"] < e["end"] <= len(text)):
            bad(f"entity {e['id']}: offsets {e['start']}..{e['end']} outside the text ({len(text)} characters)")
        if e["id"] in ids:
            bad(f"entity id {e['id']!r} used twice")
        if e.get("norm") is not None and not isinstance(e["norm"], dict):
            bad(f"entity {e['id']}: 'norm' must be an object or null, not {type(e['norm']).__name__}")
        ids.add(e["id"])
    for r in rels:
        if not isinstance(r, dict) or r.get("head") not in ids or r.get("tail") not in ids:
            bad(f"relation {r!r} does not join two entities of the document")
        if r.get("label") not in RELATIONS:
            bad(f"relation {r!r}: unknown label")


def _title(result: dict) -> str | None:
    meta = result.get("meta") or {}
    if isinstance(meta, dict) and meta.get("title"):
        return str(meta["title"])
    first = result["text"].split("\n", 1)[0].strip()
    return first[:300] or None


def _num(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def document_rows(result: dict, source: str | None, model_version: str | None, digest: str,
                  sentences: list[tuple[int, int]] | None = None) -> dict[str, list[tuple]]:
    """Rows of every table for one checked result record (``sentences``: the sentence
    offsets when the caller has them already, else the project's splitter runs)."""
    doc_id, text = result["id"], result["text"]
    ents = {e["id"]: e for e in result["entities"]}
    rels = [r for r in result["relations"]]
    bounds = sorted(sentences) if sentences else sentence_bounds(text)
    starts = [a for a, _ in bounds]

    def sent(a: int, b: int | None = None) -> tuple[int, int]:
        i = max(0, bisect_right(starts, a) - 1)
        s0, e0 = bounds[i] if bounds else (0, len(text))
        if b is not None and b > e0:
            j = max(0, bisect_right(starts, b - 1) - 1)
            e0 = bounds[j][1]
        while e0 > s0 and text[e0 - 1].isspace():
            e0 -= 1
        return s0, e0

    def surface(e):
        return text[e["start"]:e["end"]]

    prov = {}
    for e in ents.values():
        if e["label"] == "PROVINCE":
            prov[e["id"]] = province_from_norm(e.get("norm"), surface(e))
    doc_prov = infer_document_province(
        text, [(ents[i]["start"], ents[i]["end"], p[0], p[2]) for i, p in prov.items() if p],
        (result.get("meta") or {}).get("title") if isinstance(result.get("meta"), dict) else None)
    resolved = resolve_document(text, [e for e in ents.values() if e["label"] == "FACILITY"])

    # sentence-level location of each facility mention, and of each linked facility in this article
    located: dict[str, tuple[str, str, float]] = {}
    for r in rels:
        if r["label"] == "LOCATED_IN" and ents[r["tail"]]["label"] == "PROVINCE" and prov.get(r["tail"]):
            p = prov[r["tail"]]
            score = float(r.get("score", 1.0) or 0.0)
            if r["head"] not in located or located[r["head"]][2] < score:
                located[r["head"]] = (p[0], p[2], score)
    by_key: dict[tuple[str, str], tuple[str, str, float]] = {}
    for eid, loc in located.items():
        rv = resolved.get(eid)
        if rv and rv.name.kind == "named":
            by_key.setdefault((rv.core, rv.type), loc)

    mentions, facts = [], []
    for e in sorted(ents.values(), key=lambda e: e["start"]):
        s0, e0 = sent(e["start"], e["end"])
        row = dict(doc_id=doc_id, ent_id=e["id"], label=e["label"], start_char=e["start"], end_char=e["end"],
                   surface=surface(e), norm=json.dumps(e.get("norm"), ensure_ascii=False) if e.get("norm") is not None
                   else None, sent_start=s0, sent_end=e0)
        if e["label"] == "PROVINCE" and prov.get(e["id"]):
            row.update(province=prov[e["id"]][0], province_vi=prov[e["id"]][1], province_2025=prov[e["id"]][2])
        if e["label"] == "FACILITY":
            rv = resolved[e["id"]]
            row.update(fac_kind=rv.name.kind, fac_core=rv.core, fac_type=rv.type, fac_count=rv.name.count,
                       link_how=rv.how)
            loc = located.get(e["id"]) or (by_key.get((rv.core, rv.type)) if rv.name.kind == "named" else None)
            if loc:
                row.update(loc_province=loc[0], loc_province_2025=loc[1], loc_inferred=False,
                           loc_evidence="LOCATED_IN in " + ("this sentence" if e["id"] in located else "the article"))
            elif doc_prov and rv.name.kind != "generic":
                row.update(loc_province=doc_prov.province, loc_province_2025=doc_prov.province_2025, loc_inferred=True,
                           loc_evidence=f"{doc_prov.method}: {doc_prov.evidence}")
                facts.append(dict(subject_ent=e["id"], attribute="located_in", value_text=doc_prov.province,
                                  unit="province", inferred=True, evidence=f"{doc_prov.method}: {doc_prov.evidence}",
                                  sentence=text[s0:e0], sent_start=s0, sent_end=e0, subject_start=e["start"],
                                  subject_end=e["end"], value_start=doc_prov.start, value_end=doc_prov.end))
        mentions.append(tuple(row.get(c) for c in COLUMNS["mentions"]))

    dates: dict[str, tuple[float, dict]] = {}
    for r in rels:
        if r["label"] == "DATE_OF" and ents[r["tail"]]["label"] == "DATE":
            score = float(r.get("score", 1.0) or 0.0)
            if r["head"] not in dates or dates[r["head"]][0] < score:
                dates[r["head"]] = (score, ents[r["tail"]])

    def date_fields(eid):
        if eid not in dates:
            return {}
        d = dates[eid][1]
        n = d.get("norm") or {}
        return dict(date_text=surface(d), date_start=n.get("start"), date_end=n.get("end"), date_iso=n.get("date"))

    for r in rels:
        h, t = ents[r["head"]], ents[r["tail"]]
        lab, score = r["label"], r.get("score")
        s0, e0 = sent(min(h["start"], t["start"]), max(h["end"], t["end"]))
        base = dict(subject_ent=h["id"], score=score, inferred=False, sentence=text[s0:e0], sent_start=s0, sent_end=e0,
                    subject_start=h["start"], subject_end=h["end"], value_ent=t["id"], value_start=t["start"],
                    value_end=t["end"], evidence=f"{lab} in its sentence")
        n = t.get("norm") or {}
        if lab in ATTRIBUTE and h["label"] in ("FACILITY", "PROVINCE") and t["label"] == TAIL[lab]:
            if t["label"] == "AREA":
                val, unit = _num(n.get("hectares")), "ha"
            else:
                val, unit = _num(n.get("amount")), n.get("currency")
            facts.append(dict(base, attribute=ATTRIBUTE[lab], value_num=val, value_min=_num(n.get("min")),
                              value_max=_num(n.get("max")), value_text=surface(t), unit=unit,
                              approximator=n.get("approximator"), **date_fields(t["id"])))
        elif lab == "LOCATED_IN" and h["label"] == "FACILITY" and prov.get(t["id"]):
            facts.append(dict(base, attribute="located_in", value_text=prov[t["id"]][0], unit="province"))
        elif lab == "DATE_OF" and h["label"] == "FACILITY":
            facts.append(dict(base, attribute="date", value_text=surface(t), unit=None,
                              date_text=surface(t), date_start=n.get("start"), date_end=n.get("end"),
                              date_iso=n.get("date")))
    fact_rows = []
    for i, f in enumerate(facts):
        f.update(doc_id=doc_id, fact_no=i)
        fact_rows.append(tuple(f.get(c) for c in COLUMNS["facts"]))

    meta = result.get("meta") if isinstance(result.get("meta"), dict) else {}
    extracted = meta.get("extracted_at")
    try:
        extracted = _dt.datetime.fromisoformat(extracted) if extracted else None
    except (TypeError, ValueError):
        extracted = None
    now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    doc = (doc_id, source or meta.get("source"), digest, _title(result), model_version or meta.get("model_version"),
           extracted or now, now, len(ents), len(rels),
           doc_prov.province if doc_prov else None, doc_prov.province_2025 if doc_prov else None,
           doc_prov.method if doc_prov else None, doc_prov.evidence if doc_prov else None)
    aliases = [(doc_id, rv.acronym, rv.core, rv.type) for rv in resolved.values() if rv.acronym]
    return {"documents": [doc], "mentions": mentions, "relations": [
        (doc_id, r["head"], r["tail"], r["label"], _num(r.get("score"))) for r in rels],
        "facts": fact_rows, "aliases": aliases, "errors": []}


class FactsStore:
    """Writer and reader of a facts database.

    >>> with FactsStore("facts.duckdb") as db:          # doctest: +SKIP
    ...     db.add(result_record, source="a.txt", model_version="rules")

    Rows are buffered and written in batches of ``batch_size`` documents; facility records
    are re-linked across articles when the buffer is written out and before any query.
    """

    def __init__(self, path: str | Path, batch_size: int = 500, read_only: bool = False, use_lexicon: bool = True):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"{self.path}: no facts database here (create one with `ie facts ingest`)")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise FactsInputError(f"{self.path}: cannot open as a DuckDB database: {exc}") from None
        if not read_only:
            self.con.execute(SCHEMA)
        self.batch_size = batch_size
        self.read_only = read_only
        self.use_lexicon = use_lexicon
        self._hashes: dict[str, str] = dict(self.con.execute(
            "SELECT doc_id, content_hash FROM documents UNION ALL SELECT doc_id, 'error' FROM errors").fetchall())
        self._pending: dict[str, dict[str, list[tuple]]] = {}
        self._replace: set[str] = set()
        self._dirty = False
        self.counts = Counter()

    # -- writing ----------------------------------------------------------------------------
    def add(self, result: dict, source: str | None = None, model_version: str | None = None,
            where: str | None = None, sentences: list[tuple[int, int]] | None = None) -> str:
        """Store one result record; returns "added", "replaced", "unchanged" or "error"
        (an error line ``{"id", "error"}`` of the extractor, recorded and counted).

        ``sentences``: (start, end) character offsets of the text's sentences, when the
        caller has split it already (``[(s.start_char, s.end_char) for s in doc.sents]``);
        otherwise the store splits the text with the project's sentence splitter."""
        if self.read_only:
            raise FactsInputError(f"{self.path}: opened read-only, cannot add documents")
        where = where or f"document {result.get('id')!r}" if isinstance(result, dict) else (where or "record")
        _check(result, where)
        doc_id = result["id"]
        if "error" in result:
            # skipped and counted; recorded once, and never in place of a stored document
            self.counts["error"] += 1
            if doc_id in self._hashes:
                return "error"
            digest = "error"
            rows = {t: [] for t in DOC_TABLES}
            rows["errors"] = [(doc_id, str(result["error"]), source)]
            status = None
        else:
            digest = content_hash(result)
            if self._hashes.get(doc_id) == digest:
                self.counts["unchanged"] += 1
                return "unchanged"
            rows = document_rows(result, source, model_version, digest, sentences)
            status = "replaced" if doc_id in self._hashes else "added"
        if doc_id in self._hashes:
            self._replace.add(doc_id)
        self._hashes[doc_id] = digest
        self._pending[doc_id] = rows
        if status:
            self.counts[status] += 1
        if len(self._pending) >= self.batch_size:
            self.flush()
        return status or "error"

    def ingest_jsonl(self, path: str | Path, model_version: str | None = None) -> Counter:
        """Store every line of a results file (``-`` is not accepted: give a file)."""
        path = Path(path)
        before = Counter(self.counts)
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise FactsInputError(f"{path}:{n}: not JSON ({exc.msg})") from None
                did = rec.get("id") if isinstance(rec, dict) else None
                self.add(rec, source=str(path), model_version=model_version, where=f"{path}:{n} ({did})")
        self.flush()
        return self.counts - before

    def flush(self) -> None:
        if not self._pending:
            return
        import pyarrow as pa

        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if self._replace:
                ids = pa.table({"doc_id": sorted(self._replace)})
                con.register("_gone", ids)
                for t in DOC_TABLES:
                    con.execute(f"DELETE FROM {t} WHERE doc_id IN (SELECT doc_id FROM _gone)")
                con.unregister("_gone")
            for t, cols in COLUMNS.items():
                rows = [r for d in self._pending.values() for r in d[t]]
                if not rows:
                    continue
                batch = pa.table({c: pa.array(list(v)) for c, v in zip(cols, zip(*rows))})
                con.register("_batch", batch)
                con.execute(f"INSERT INTO {t} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _batch")
                con.unregister("_batch")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        self._pending.clear()
        self._replace.clear()
        self._dirty = True

    def relink(self) -> None:
        """Rebuild facility records from every stored mention (order of ingestion does not matter)."""
        self.flush()
        con = self.con
        keys = con.execute("SELECT DISTINCT fac_core, fac_type FROM mentions WHERE fac_kind = 'named'").fetchall()
        aliases = con.execute("SELECT DISTINCT alias, fac_core, fac_type FROM aliases").fetchall()
        from ie.facts.linking import lexicon_index

        lex_index = lexicon_index() if self.use_lexicon else {}
        links = link_keys(keys, aliases, lex_index)
        surf = con.execute("""SELECT fac_core, fac_type, surface, count(*), count(DISTINCT doc_id)
                              FROM mentions WHERE fac_kind = 'named' GROUP BY ALL""").fetchall()
        locs = con.execute("""SELECT fac_core, fac_type, loc_province, any_value(loc_province_2025), loc_inferred, count(*)
                              FROM mentions WHERE fac_kind = 'named' AND loc_province IS NOT NULL GROUP BY ALL""").fetchall()
        docs = con.execute("""SELECT fac_core, fac_type, list(DISTINCT doc_id) FROM mentions
                              WHERE fac_kind = 'named' GROUP BY ALL""").fetchall()
        lex = {}
        for entries in lex_index.values():
            for core, typ, name, prov in entries.values():
                lex.setdefault((core, typ), (name, prov))
        names: dict[str, Counter] = defaultdict(Counter)
        n_ment: Counter = Counter()
        doc_sets: dict[str, set] = defaultdict(set)
        prov_sent: dict[str, Counter] = defaultdict(Counter)
        prov_inf: dict[str, Counter] = defaultdict(Counter)
        post: dict[str, str] = {}
        canon: dict[str, tuple[str, str]] = {}
        for (core, typ), (fid, c, t) in links.items():
            canon[fid] = (c, t)
        for core, typ, s, n, _ in surf:
            fid = links[(core, typ)][0]
            clean = s[4:] if s.lower().startswith("the ") else s
            names[fid][clean] += n
            n_ment[fid] += n
        for core, typ, ids in docs:
            doc_sets[links[(core, typ)][0]].update(ids)
        for core, typ, p, p25, inferred, n in locs:
            fid = links[(core, typ)][0]
            (prov_inf if inferred else prov_sent)[fid][p] += n
            post[p] = p25
        fac_rows = []
        for fid, counter in names.items():
            c, t = canon[fid]
            # the most frequent surface that names the type, else the most frequent one
            typed = [(n, len(s), s) for s, n in counter.items() if t and facility_type_of(s) == t]
            pick = max(typed or [(n, len(s), s) for s, n in counter.items()])
            name, lprov = lex.get((c, t), (pick[2], None))
            if prov_sent[fid]:
                ranked, src = prov_sent[fid].most_common(), "sentence"
            elif lprov:
                ranked, src = [(lprov, 1)], "lexicon"
            else:
                ranked, src = prov_inf[fid].most_common(), "inferred"
            p = ranked[0][0] if ranked else None
            p25 = post.get(p)
            if p and not p25:
                from ie.facts.sources import province

                known = province(p)
                p25 = known[2] if known else None
            allp = sorted(set(prov_sent[fid]) | set(prov_inf[fid]) | ({lprov} if lprov else set()))
            fac_rows.append((fid, name, TYPE_LABELS.get(t, t), p, p25, "; ".join(allp), src if p else None,
                             n_ment[fid], len(doc_sets[fid]), " | ".join(sorted(counter))))
        import pyarrow as pa

        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM facility_links")
        con.execute("DELETE FROM facilities")
        if links:
            rows = [(k[0], k[1], v[0], v[1], v[2]) for k, v in links.items()]
            con.register("_l", pa.table({c: pa.array(list(v)) for c, v in zip(
                ["fac_core", "fac_type", "facility_id", "canon_core", "canon_type"], zip(*rows))}))
            con.execute("INSERT INTO facility_links SELECT * FROM _l")
            con.unregister("_l")
        if fac_rows:
            cols = ["facility_id", "name", "type", "province", "province_2025", "provinces", "province_from",
                    "n_mentions", "n_documents", "surfaces"]
            con.register("_f", pa.table({c: pa.array(list(v)) for c, v in zip(cols, zip(*fac_rows))}))
            con.execute("INSERT INTO facilities SELECT * FROM _f")
            con.unregister("_f")
        # the view's rows, materialized once per re-link so that queries read one table
        con.execute("CREATE OR REPLACE TABLE facts_linked AS SELECT * FROM fact_view "
                    "ORDER BY province, subject_kind, subject, attribute")
        con.execute("COMMIT")
        self._dirty = False

    def ready(self) -> duckdb.DuckDBPyConnection:
        """The connection, with everything written and linked (call before querying)."""
        if self.read_only:
            return self.con
        if self._pending or self._dirty:
            self.relink()
        return self.con

    def close(self) -> None:
        if getattr(self, "con", None) is None:
            return
        try:
            if not self.read_only and (self._pending or self._dirty):
                self.relink()
        finally:
            self.con.close()
            self.con = None

    def __enter__(self) -> FactsStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def facility_type_of(surface: str) -> str:
    from ie.facts.linking import analyse_facility

    return analyse_facility(surface).type


EXPORT_TABLES = ["documents", "mentions", "relations", "facts", "aliases", "errors", "facility_links", "facilities",
                 "facts_linked"]


def export_sqlite(store: FactsStore, out: str | Path) -> dict[str, int]:
    """Copy every table (``facts_linked``: the facts with their linked subjects; ``provinces``:
    the province records) into a new SQLite file; returns the row count of each table."""
    import sqlite3

    con = store.ready()
    out = Path(out)
    if out.exists():
        out.unlink()
    lite = sqlite3.connect(str(out))
    counts = {}
    try:
        for t in EXPORT_TABLES + ["provinces"]:
            cur = con.execute(f"SELECT * FROM {t}")
            cols = [d[0] for d in cur.description]
            lite.execute(f"CREATE TABLE {t} ({', '.join(chr(34) + c + chr(34) for c in cols)})")
            rows = [tuple(v.isoformat(sep=" ") if isinstance(v, _dt.datetime) else v for v in r) for r in cur.fetchall()]
            lite.executemany(f"INSERT INTO {t} VALUES ({', '.join('?' * len(cols))})", rows)
            counts[t] = len(rows)
        lite.commit()
    finally:
        lite.close()
    return counts
