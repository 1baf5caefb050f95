// planning-ie review page: open results or run the model, correct entities and relations,
// save the accepted documents as gold (validated by the server). Every piece of document
// text reaches the page through textContent or SVG text nodes, never as HTML.
"use strict";

const S = {
  labels: null,        // GET /labels: {entities, relations: {LABEL: {head, tail}}, shortcuts}
  docs: [],            // working documents
  cur: -1,             // index of the open document
  sel: null,           // selected entity id
  selRel: -1,          // index of the selected relation
  linking: false,      // adding a relation: waiting for head / tail
  head: null,          // head entity id while linking
  pasted: 0,
  lastLabel: null,
};

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...kids) => {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") n.textContent = v;
    else if (k === "cls") n.className = v;
    else if (k === "on") for (const [ev, f] of Object.entries(v)) n.addEventListener(ev, f);
    else n.setAttribute(k, v);
  }
  for (const c of kids) n.append(c);
  return n;
};
const SVG = "http://www.w3.org/2000/svg";
const svg = (tag, attrs = {}) => {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  return n;
};

function status(msg, kind = "") {
  const s = $("status");
  s.textContent = msg;
  s.className = kind;
  if (kind !== "error") $("problems").replaceChildren();
}

function doc() { return S.cur >= 0 ? S.docs[S.cur] : null; }
function ent(d, id) { return d.entities.find((e) => e.id === id); }
function quote(d, e) { return "“" + d.text.slice(e.start, e.end) + "”"; }

// ---- loading -----------------------------------------------------------------------
function workingDoc(obj) {
  const ents = Array.isArray(obj.entities) ? obj.entities : [];
  const rels = Array.isArray(obj.relations) ? obj.relations : [];
  return {
    id: obj.id,
    text: obj.text,
    meta: obj.meta && typeof obj.meta === "object" ? obj.meta : null,
    entities: ents.map((e, i) => ({
      id: String(e.id ?? "T" + (i + 1)), start: Number(e.start), end: Number(e.end), label: String(e.label),
      norm: e.norm ?? null, norm_error: e.norm_error ?? null, edited: false,
    })),
    relations: rels.map((r) => ({ head: String(r.head), tail: String(r.tail), label: String(r.label), score: r.score })),
    accepted: false,
  };
}

function addDocs(objs) {
  let dup = 0;
  const first = S.docs.length;
  for (const o of objs) {
    if (S.docs.some((d) => d.id === o.id)) { dup++; continue; }
    S.docs.push(workingDoc(o));
  }
  if (S.docs.length > first) open(first);
  else renderList();
  return dup;
}

function loadResults(name, content) {
  const good = [];
  let errors = 0, unreadable = 0;
  for (const line of content.split(/\r?\n/)) {
    if (!line.trim()) continue;
    let obj;
    try { obj = JSON.parse(line); } catch { unreadable++; continue; }
    if (obj && typeof obj === "object" && "error" in obj && typeof obj.text !== "string") { errors++; continue; }
    if (!obj || typeof obj !== "object" || typeof obj.id !== "string" || typeof obj.text !== "string") { unreadable++; continue; }
    good.push(obj);
  }
  const dup = addDocs(good);
  const parts = [`Loaded ${good.length - dup} document${good.length - dup === 1 ? "" : "s"} from ${name}`];
  if (errors) parts.push(`skipped ${errors} error line${errors === 1 ? "" : "s"}`);
  if (unreadable) parts.push(`${unreadable} unreadable line${unreadable === 1 ? "" : "s"}`);
  if (dup) parts.push(`${dup} already open`);
  status(parts.join("; ") + ".", good.length ? "ok" : "error");
}

async function api(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const type = res.headers.get("content-type") || "";
  const data = type.includes("application/json") ? await res.json() : await res.text();
  return { ok: res.ok, status: res.status, data };
}

async function runModel() {
  const text = $("paste").value;
  S.pasted++;
  const id = "pasted-" + S.pasted;
  $("run").disabled = true;
  status("Running the model…");
  try {
    const r = await api("/extract", { documents: [{ id, text }] });
    if (!r.ok) { status(`The server refused the text (${r.status}): ${r.data.detail ?? r.data}`, "error"); return; }
    addDocs(r.data.documents);
    status(`Extracted ${r.data.documents[0].entities.length} entities from the pasted text (${id}).`, "ok");
  } catch (err) {
    status("Could not reach the server: " + err, "error");
  } finally {
    $("run").disabled = false;
  }
}

// ---- saving ------------------------------------------------------------------------
function shared(d) {
  const out = { id: d.id, text: d.text };
  if (d.meta) out.meta = d.meta;
  out.entities = d.entities.map((e) => {
    const o = { id: e.id, start: e.start, end: e.end, label: e.label };
    if (e.norm !== null && !e.edited) o.norm = e.norm;
    return o;
  });
  out.relations = d.relations.map((r) => ({ head: r.head, tail: r.tail, label: r.label }));
  return out;
}

async function save() {
  const accepted = S.docs.filter((d) => d.accepted);
  if (!accepted.length) { status("Accept at least one document (Enter) before saving.", "error"); return; }
  const r = await api("/save", { documents: accepted.map(shared) });
  if (!r.ok) {
    status(`Not saved (${r.status}): ${r.data.detail ?? r.data}`, "error");
    const list = $("problems");
    list.replaceChildren(...(r.data.problems || []).map((p) => el("li", { text: p })));
    return;
  }
  const blob = new Blob([r.data], { type: "application/x-ndjson" });
  const a = el("a", { href: URL.createObjectURL(blob), download: "gold.jsonl" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  status(`Saved ${accepted.length} accepted document${accepted.length === 1 ? "" : "s"} to gold.jsonl (validated).`, "ok");
}

// ---- editing -----------------------------------------------------------------------
function touched(d) { d.accepted = false; }

function nextId(d) {
  let n = 0;
  for (const e of d.entities) { const m = /^T(\d+)$/.exec(e.id); if (m) n = Math.max(n, +m[1]); }
  let id = "T" + (n + 1);
  while (ent(d, id)) id = "T" + (++n + 1);
  return id;
}

function setLabel(label) {
  const d = doc();
  if (!d || !S.sel) return;
  const e = ent(d, S.sel);
  if (!e || e.label === label) return;
  const old = e.label;
  e.label = label;
  e.edited = true;
  S.lastLabel = label;
  touched(d);
  status(`${e.id} ${quote(d, e)}: ${old} → ${label}.`, "ok");
  render();
}

function deleteEntity() {
  const d = doc();
  if (!d || !S.sel) return;
  const e = ent(d, S.sel);
  const gone = d.relations.filter((r) => r.head === e.id || r.tail === e.id).length;
  d.entities = d.entities.filter((x) => x !== e);
  d.relations = d.relations.filter((r) => r.head !== e.id && r.tail !== e.id);
  S.sel = null;
  touched(d);
  status(`Deleted ${e.id} ${quote(d, e)}` + (gone ? ` and its ${gone} relation${gone === 1 ? "" : "s"}.` : "."), "ok");
  render();
}

function deleteRelation(i) {
  const d = doc();
  const r = d.relations[i];
  if (!r) return;
  d.relations.splice(i, 1);
  S.selRel = -1;
  touched(d);
  status(`Removed relation ${r.head} ${r.label} → ${r.tail}.`, "ok");
  render();
}

function allowed(headLabel, tailLabel) {
  return Object.entries(S.labels.relations)
    .filter(([, a]) => a.head.includes(headLabel) && a.tail.includes(tailLabel)).map(([l]) => l);
}

function startLink() {
  const d = doc();
  if (!d) return;
  S.linking = true;
  S.head = S.sel;
  $("link").classList.add("on");
  status(S.head ? `Head: ${S.head} ${quote(d, ent(d, S.head))}. Now click the tail entity (Esc cancels).`
    : "Click the head entity, then the tail entity (Esc cancels).");
  render();
}

function cancelLink() {
  S.linking = false;
  S.head = null;
  $("link").classList.remove("on");
  $("relchoice").hidden = true;
  $("relchoice").replaceChildren();
}

function chooseRelation(headId, tailId) {
  const d = doc();
  const h = ent(d, headId), t = ent(d, tailId);
  const labels = allowed(h.label, t.label);
  const box = $("relchoice");
  if (!labels.length) {
    cancelLink();
    status(`No relation is allowed from ${h.label} to ${t.label} (see the schema at /labels).`, "error");
    render();
    return;
  }
  box.replaceChildren(el("div", { cls: "small", text: `${h.id} ${quote(d, h)} → ${t.id} ${quote(d, t)}` }));
  for (const lab of labels) {
    box.append(el("button", { type: "button", "data-rel": lab, text: lab, on: { click: () => addRelation(headId, tailId, lab) } }));
  }
  box.append(el("button", { type: "button", text: "Cancel", on: { click: () => { cancelLink(); status(""); render(); } } }));
  box.hidden = false;
  status("Choose the relation label.");
}

function addRelation(headId, tailId, label) {
  const d = doc();
  const same = d.relations.findIndex((r) => r.head === headId && r.tail === tailId);
  if (same >= 0) d.relations.splice(same, 1);  // one relation per ordered pair
  d.relations.push({ head: headId, tail: tailId, label });
  S.selRel = d.relations.length - 1;
  touched(d);
  cancelLink();
  status(`Added relation ${headId} ${label} → ${tailId}.`, "ok");
  render();
}

function clickEntity(id) {
  const d = doc();
  if (S.linking) {
    if (!S.head) { S.head = id; status(`Head: ${id} ${quote(d, ent(d, id))}. Now click the tail entity.`); render(); return; }
    if (id === S.head) return;
    chooseRelation(S.head, id);
    return;
  }
  S.sel = id;
  S.selRel = -1;
  render();
}

const WORD = /[\p{L}\p{N}]/u;
const TRAIL = /[\s,;:.!?"“”‘’'(]/u;
const LEAD = /[\s,;:!?"“”‘’')]/u;

// character offset in the document of a DOM position inside #text
function offsetOf(node, off) {
  const root = $("text");
  if (node.nodeType === Node.TEXT_NODE) return +node.parentElement.closest("[data-start]").dataset.start + off;
  if (node === root) {
    const kids = root.children;
    return off < kids.length ? +kids[off].dataset.start : doc().text.length;
  }
  const seg = node.closest("[data-start]");
  return +seg.dataset.start + (off === 0 ? 0 : seg.textContent.length);
}

function selectSpan() {
  const d = doc();
  const sel = window.getSelection();
  if (!d || !sel || sel.isCollapsed || !sel.rangeCount) return;
  const rg = sel.getRangeAt(0);
  const root = $("text");
  if (!root.contains(rg.startContainer) || !root.contains(rg.endContainer)) return;
  let a = offsetOf(rg.startContainer, rg.startOffset), b = offsetOf(rg.endContainer, rg.endOffset);
  if (a > b) [a, b] = [b, a];
  const t = d.text;
  while (a < b && LEAD.test(t[a])) a++;
  while (b > a && TRAIL.test(t[b - 1])) b--;
  while (a > 0 && a < b && WORD.test(t[a - 1]) && WORD.test(t[a])) a--;
  while (b < t.length && b > a && WORD.test(t[b]) && WORD.test(t[b - 1])) b++;
  sel.removeAllRanges();
  if (a >= b) return;
  const hit = d.entities.filter((e) => e.start < b && a < e.end);
  if (hit.length > 1) {
    status(`The selection overlaps ${hit.length} entities (${hit.map((e) => e.id).join(", ")}): delete all but one first.`, "error");
    return;
  }
  if (hit.length === 1) {
    const e = hit[0];
    if (e.start === a && e.end === b) { clickEntity(e.id); return; }
    e.start = a; e.end = b; e.edited = true;
    S.sel = e.id;
    touched(d);
    status(`Span of ${e.id} is now ${quote(d, e)} (${e.label}).`, "ok");
  } else {
    const label = S.lastLabel || S.labels.entities[0];
    const e = { id: nextId(d), start: a, end: b, label, norm: null, norm_error: null, edited: true };
    d.entities.push(e);
    d.entities.sort((x, y) => x.start - y.start);
    S.sel = e.id;
    touched(d);
    status(`Added ${e.id} ${quote(d, e)} as ${label}; press a label key to change it.`, "ok");
  }
  S.selRel = -1;
  render();
}

function accept() {
  const d = doc();
  if (!d) return;
  d.accepted = !d.accepted;
  status(d.accepted ? `Accepted ${d.id}.` : `${d.id} is no longer accepted.`, "ok");
  if (d.accepted) {
    const next = S.docs.findIndex((x, i) => i > S.cur && !x.accepted);
    if (next >= 0) { open(next); return; }
  }
  render();
}

// ---- rendering ---------------------------------------------------------------------
function open(i) {
  S.cur = i;
  S.sel = null;
  S.selRel = -1;
  cancelLink();
  render();
}

function renderList() {
  const list = $("doclist");
  list.replaceChildren(...S.docs.map((d, i) => el("li", {
    cls: (i === S.cur ? "current " : "") + (d.accepted ? "accepted" : ""),
    "data-id": d.id, text: `${d.id} (${d.entities.length})`, on: { click: () => open(i) },
  })));
  const acc = S.docs.filter((d) => d.accepted).length;
  $("counts").textContent = S.docs.length ? `${acc}/${S.docs.length} accepted` : "";
}

function normLines(e) {
  if (e.edited) return ["no normalized value (edited here)"];
  if (e.norm === null || e.norm === undefined) return [e.norm_error ? "not normalized: " + e.norm_error : "no normalized value"];
  if (typeof e.norm !== "object") return [String(e.norm)];
  return Object.entries(e.norm).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`);
}

function renderText(d) {
  const root = $("text");
  root.classList.remove("empty");
  const kids = [];
  let pos = 0;
  const ents = [...d.entities].sort((x, y) => x.start - y.start || x.end - y.end);
  for (const e of ents) {
    if (e.start < pos || e.end > d.text.length || e.start >= e.end) continue;  // overlapping or broken: listed, not drawn
    if (e.start > pos) kids.push(el("span", { cls: "seg", "data-start": pos, text: d.text.slice(pos, e.start) }));
    const cls = ["ent", "l-" + e.label];
    if (e.id === S.sel) cls.push("selected");
    if (S.linking && e.id === S.head) cls.push("head");
    if (e.edited) cls.push("edited");
    const m = el("mark", { cls: cls.join(" "), "data-id": e.id, "data-label": e.label, "data-start": e.start, text: d.text.slice(e.start, e.end) });
    m.addEventListener("click", (ev) => { if (window.getSelection().isCollapsed) { ev.stopPropagation(); clickEntity(e.id); } });
    m.addEventListener("mouseenter", () => showTip(m, e));
    m.addEventListener("mouseleave", hideTip);
    kids.push(m);
    pos = e.end;
  }
  if (pos < d.text.length) kids.push(el("span", { cls: "seg", "data-start": pos, text: d.text.slice(pos) }));
  root.replaceChildren(...kids);
}

function relValid(d, r) {
  const h = ent(d, r.head), t = ent(d, r.tail);
  return !!(h && t && allowed(h.label, t.label).includes(r.label));
}

function drawArcs(d) {
  const box = $("arcs");
  box.replaceChildren();
  const defs = svg("defs");
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#5b6478" }));
  defs.append(marker);
  box.append(defs);
  const wrap = $("textwrap").getBoundingClientRect();
  const anchor = (id) => {
    const m = $("text").querySelector(`mark[data-id="${CSS.escape(id)}"]`);
    if (!m) return null;
    const r = m.getClientRects()[0];
    return { x: r.left - wrap.left + r.width / 2, y: r.top - wrap.top };
  };
  d.relations.forEach((r, i) => {
    const a = anchor(r.head), b = anchor(r.tail);
    if (!a || !b) return;
    const lift = 18 + Math.min(30, Math.abs(b.x - a.x) / 12);
    const top = Math.min(a.y, b.y) - lift;
    const path = `M${a.x},${a.y} C${a.x},${top} ${b.x},${top} ${b.x},${b.y - 1}`;
    const g = svg("g", { class: "rel" + (i === S.selRel ? " selected" : "") + (relValid(d, r) ? "" : " invalid"), "data-index": i });
    g.append(svg("path", { class: "hit", d: path }));
    g.append(svg("path", { class: "arc", d: path, "marker-end": "url(#arrow)" }));
    const mx = (a.x + b.x) / 2, my = top + 0.25 * (Math.min(a.y, b.y) - top) + (Math.max(a.y, b.y) - Math.min(a.y, b.y)) * 0.375;
    const label = svg("text", { x: mx, y: my + 3, "text-anchor": "middle" });
    label.textContent = r.label;
    g.append(label);
    box.append(g);
    const bb = label.getBBox();
    const rect = svg("rect", { class: "lab", x: bb.x - 3, y: bb.y - 1, width: bb.width + 6, height: bb.height + 2, rx: 3 });
    g.insertBefore(rect, label);
    g.addEventListener("click", () => { S.selRel = i; S.sel = null; render(); });
  });
}

function renderPanels(d) {
  const info = $("entinfo");
  const e = d && S.sel ? ent(d, S.sel) : null;
  if (e) {
    const dl = el("dl");
    const row = (k, v) => dl.append(el("dt", { text: k }), el("dd", { text: v }));
    row("id", e.id);
    row("text", d.text.slice(e.start, e.end));
    row("label", e.label);
    row("offsets", `${e.start}–${e.end}`);
    row("normalized", normLines(e).join("\n"));
    info.replaceChildren(dl);
    info.classList.remove("muted");
  } else {
    info.replaceChildren("Click an entity.");
    info.classList.add("muted");
  }
  const keysFor = (lab) => Object.entries(S.labels.shortcuts).filter(([, l]) => l === lab).map(([k]) => k);
  $("labelbtns").replaceChildren(...S.labels.entities.map((lab) => el("button", {
    type: "button", cls: "l-" + lab + (e && e.label === lab ? " current" : ""), "data-label": lab,
    text: `${lab} (${keysFor(lab).join("/")})`, on: { click: () => setLabel(lab) },
    ...(e ? {} : { disabled: "" }),
  })));
  $("delent").disabled = !e;
  $("link").disabled = !d;
  $("accept").disabled = !d;
  const list = $("rellist");
  if (!d) { list.replaceChildren(); return; }
  list.replaceChildren(...d.relations.map((r, i) => {
    const h = ent(d, r.head), t = ent(d, r.tail);
    const valid = relValid(d, r);
    const li = el("li", { cls: (i === S.selRel ? "selected " : "") + (valid ? "" : "invalid"), "data-index": i, on: { click: () => { S.selRel = i; S.sel = null; render(); } } },
      el("span", {},
        h ? d.text.slice(h.start, h.end) : r.head, " ", el("b", { text: r.label }), " → ", t ? d.text.slice(t.start, t.end) : r.tail,
        valid ? "" : el("div", { cls: "small", text: "not allowed by the schema" })),
      el("button", { type: "button", title: "remove relation", "aria-label": "remove relation", text: "×", on: { click: (ev) => { ev.stopPropagation(); deleteRelation(i); } } }));
    return li;
  }));
}

function render() {
  renderList();
  const d = doc();
  $("dochead").classList.toggle("accepted", !!(d && d.accepted));
  $("doctitle").textContent = d ? d.id : "No document open";
  $("accept").textContent = d && d.accepted ? "Unaccept (Enter)" : "Accept (Enter)";
  if (d) { renderText(d); drawArcs(d); } else { $("arcs").replaceChildren(); }
  renderPanels(d);
}

function showTip(m, e) {
  const tip = $("tip");
  tip.textContent = `${e.label} · ${e.id}\n` + normLines(e).join("\n");
  tip.hidden = false;
  const r = m.getBoundingClientRect();
  tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - 330)) + "px";
  tip.style.top = r.bottom + 6 + "px";
}
function hideTip() { $("tip").hidden = true; }

// ---- wiring ------------------------------------------------------------------------
function onKey(ev) {
  const tag = (ev.target.tagName || "").toLowerCase();
  if (tag === "textarea" || tag === "input" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const d = doc();
  if (!d) return;
  const key = ev.key.length === 1 ? ev.key.toUpperCase() : ev.key;
  if (ev.key === "Escape") { cancelLink(); S.sel = null; S.selRel = -1; status(""); render(); return; }
  if (ev.key === "Delete" || ev.key === "Backspace") {
    ev.preventDefault();
    if (S.selRel >= 0) deleteRelation(S.selRel); else deleteEntity();
    return;
  }
  if (ev.key === "Enter") { ev.preventDefault(); accept(); return; }
  if (ev.key === "ArrowRight" && S.cur < S.docs.length - 1) { open(S.cur + 1); return; }
  if (ev.key === "ArrowLeft" && S.cur > 0) { open(S.cur - 1); return; }
  if (key === "R") { startLink(); return; }
  if (S.labels.shortcuts[key]) { setLabel(S.labels.shortcuts[key]); }
}

async function showFacts() {
  const prov = $("factsprov").value.trim();
  if (!prov) return;
  const r = await fetch("/facts?province=" + encodeURIComponent(prov));
  const body = await r.json();
  if (!r.ok) { status(body.detail, "error"); return; }
  const rows = [];
  for (const s of body.facts) {
    for (const f of s.facts) {
      // text only, never HTML: values and sentences come from articles
      rows.push(el("tr", {}, el("td", {}, s.subject), el("td", {}, f.attribute + (f.inferred ? " (inferred)" : "")),
        el("td", {}, String(f.value ?? "")), el("td", {}, String(f.date ?? "")),
        el("td", { title: f.sources.map((x) => x.document + ": " + (x.sentence || "")).join("\n") },
          String(f.sources.length) + (f.conflict ? " ⚠ " + f.conflict : ""))));
    }
  }
  $("factstable").tBodies[0].replaceChildren(...rows);
  status(rows.length + " facts for " + prov);
}

async function init() {
  try {
    S.labels = await (await fetch("/labels")).json();
    const h = await (await fetch("/health")).json();
    $("model").textContent = "model: " + h.model;
  } catch (err) {
    status("Could not reach the server: " + err, "error");
    return;
  }
  $("keyhelp").textContent = Object.keys(S.labels.shortcuts).join(" ");
  $("file").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (f) loadResults(f.name, await f.text());
    ev.target.value = "";
  });
  $("run").addEventListener("click", runModel);
  $("factsgo").addEventListener("click", showFacts);
  $("save").addEventListener("click", save);
  $("accept").addEventListener("click", accept);
  $("delent").addEventListener("click", deleteEntity);
  $("link").addEventListener("click", () => (S.linking ? cancelLink() : startLink()));
  $("text").addEventListener("mouseup", () => setTimeout(selectSpan, 0));
  document.addEventListener("keydown", onKey);
  window.addEventListener("resize", () => { const d = doc(); if (d) drawArcs(d); });
  document.body.dataset.ready = "1";
  render();
}

document.addEventListener("DOMContentLoaded", init);
