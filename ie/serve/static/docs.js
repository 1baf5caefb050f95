// Offline API docs: renders this server's /openapi.json (no external assets).
"use strict";

const make = (tag, text, cls) => {
  const n = document.createElement(tag);
  if (text !== undefined) n.textContent = text;
  if (cls) n.className = cls;
  return n;
};

function schemaBlock(title, schema) {
  const wrap = make("div");
  wrap.append(make("h4", title), make("pre", JSON.stringify(schema, null, 2)));
  return wrap;
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("title").textContent = `${spec.info.title} ${spec.info.version} — API`;
  document.getElementById("description").textContent = spec.info.description || "";
  const box = document.getElementById("endpoints");
  box.replaceChildren();
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const det = make("details");
      det.id = `${method}-${path}`;
      const sum = make("summary");
      sum.append(make("span", method, "method " + method), make("code", path, "path"), " — " + (op.summary || ""));
      det.append(sum);
      if (op.description) det.append(make("p", op.description));
      const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (body) det.append(schemaBlock("Request body (application/json)", body.schema));
      const table = make("table");
      for (const [code, r] of Object.entries(op.responses || {})) {
        const tr = make("tr");
        tr.append(make("td", code), make("td", r.description || ""));
        table.append(tr);
      }
      det.append(make("h4", "Responses"), table);
      box.append(det);
    }
  }
  const schemas = document.getElementById("schemas");
  for (const [name, s] of Object.entries((spec.components || {}).schemas || {})) schemas.append(schemaBlock(name, s));
}

document.addEventListener("DOMContentLoaded", () => main().catch((err) => {
  document.getElementById("endpoints").textContent = "Could not load /openapi.json: " + err;
}));
