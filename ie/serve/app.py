"""The FastAPI app: ``create_app(model=..., limits=...)``. Nothing happens at import time;
each call loads (or takes) a pipeline and builds a fresh app around it."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ie import __version__
from ie.docs import CorpusError, Document
from ie.schema import ENTITY_LABELS, RELATION_ARGS
from ie.serve import adapter
from ie.serve.batcher import Batcher
from ie.serve.settings import Limits

STATIC = Path(__file__).parent / "static"
# the page and the docs load nothing from anywhere but this server
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
    "Cache-Control": "no-cache",
}

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
SHARED_ENTITY = {
    "type": "object",
    "required": ["id", "start", "end", "label"],
    "properties": {
        "id": {"type": "string", "example": "T1"},
        "start": {"type": "integer", "description": "character offset (inclusive)"},
        "end": {"type": "integer", "description": "character offset (exclusive)"},
        "label": {"type": "string", "enum": list(ENTITY_LABELS)},
        "norm": {"description": "normalized value (object), or null when it could not be normalized"},
        "norm_error": {"type": "string", "description": "why norm is null (results only)"},
    },
}
SHARED_DOC = {
    "type": "object",
    "required": ["id", "text", "entities", "relations"],
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string"},
        "meta": {"type": "object"},
        "entities": {"type": "array", "items": {"$ref": "#/components/schemas/Entity"}},
        "relations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["head", "tail", "label"],
                "properties": {
                    "head": {"type": "string"},
                    "tail": {"type": "string"},
                    "label": {"type": "string", "enum": list(RELATION_ARGS)},
                    "score": {"type": "number", "description": "model confidence (results only)"},
                },
            },
        },
    },
}
INPUT_DOC = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string", "minLength": 1}, "id": {"type": "string"}},
}


class ApiError(Exception):
    def __init__(self, status: int, detail: str, **extra):
        super().__init__(detail)
        self.status, self.detail, self.extra = status, detail, extra


def _json_type(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, list):
        return "an array"
    if isinstance(v, dict):
        return "an object"
    return "a string"


async def read_json(request: Request, limit: int):
    """The parsed JSON body; 413 past ``limit`` bytes (checked while reading), 400 if it
    is not JSON."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"request body is {int(declared)} bytes; the limit is {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body is larger than the limit of {limit} bytes")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise ApiError(400, "empty request body: send a JSON object")
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise ApiError(400, "request body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"request body is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None


def _document_array(body: dict, limit: int, empty_message: str) -> list:
    """``body["documents"]``, checked: an array, not empty, at most ``limit`` long."""
    docs = body["documents"]
    if not isinstance(docs, list):
        raise ApiError(422, f"'documents' must be an array, not {_json_type(docs)}")
    if not docs:
        raise ApiError(422, empty_message)
    if len(docs) > limit:
        raise ApiError(413, f"{len(docs)} documents in one request; the limit is {limit}")
    return docs


def _input_docs(body, limits: Limits) -> tuple[list[tuple[str, str]], bool]:
    """``[(id, text)]`` from an /extract body, and whether it was the batch form."""
    if not isinstance(body, dict):
        raise ApiError(422, f"the body must be a JSON object with 'text' or 'documents', not {_json_type(body)}")
    if ("text" in body) == ("documents" in body):
        raise ApiError(422, "give either 'text' (one document) or 'documents' (a list of {\"text\", \"id\"})")
    if "documents" in body:
        docs = _document_array(body, limits.max_docs, "'documents' is empty")
        batch = True
    else:
        docs, batch = [body], False
    out, seen = [], set()
    for i, d in enumerate(docs):
        where = f"documents[{i}]: " if batch else ""
        if not isinstance(d, dict):
            raise ApiError(422, f"{where}a document must be an object with 'text', not {_json_type(d)}")
        if "text" not in d:
            raise ApiError(422, f"{where}'text' is missing")
        text = d["text"]
        if not isinstance(text, str):
            raise ApiError(422, f"{where}'text' must be a string, not {_json_type(text)}")
        if not text.strip():
            raise ApiError(422, f"{where}'text' is empty")
        if len(text) > limits.max_text_chars:
            raise ApiError(413, f"{where}'text' has {len(text)} characters; the limit is {limits.max_text_chars}")
        doc_id = d.get("id", f"doc-{i + 1}")
        if not isinstance(doc_id, str) or not doc_id:
            raise ApiError(422, f"{where}'id' must be a non-empty string")
        if doc_id in seen:
            raise ApiError(422, f"{where}duplicate id {doc_id!r}")
        seen.add(doc_id)
        out.append((doc_id, text))
    return out, batch


def gold_documents(body, limits: Limits) -> list[Document]:
    """Corrected documents from a /validate or /save body, as gold (no scores, no
    norm errors), checked by the corpus validator; 422 with every problem otherwise."""
    from ie.corpus.validate import validate_docs

    if not isinstance(body, dict) or "documents" not in body:
        raise ApiError(422, "the body must be a JSON object {\"documents\": [...]} in the shared format")
    docs = _document_array(body, limits.max_save_docs, "no documents to save")
    gold = []
    for i, obj in enumerate(docs):
        try:
            d = Document.from_json(obj, f"documents[{i}]")
        except CorpusError as exc:
            raise ApiError(422, str(exc), problems=[str(exc)]) from None
        for e in d.entities:
            e.extra = {}
        for r in d.relations:
            r.score = None
        gold.append(d)
    problems = [str(p) for p in validate_docs(gold)]
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ApiError(422, f"not valid gold: {problems[0]}{more}", problems=problems)
    return gold


def _jsonl(docs: list[Document]) -> str:
    return "".join(json.dumps(d.to_json(), ensure_ascii=False) + "\n" for d in docs)


def labels_json() -> dict:
    shortcuts = {}
    firsts = [lab[0] for lab in ENTITY_LABELS]
    for i, lab in enumerate(ENTITY_LABELS):
        if i < 9:
            shortcuts[str(i + 1)] = lab
        if firsts.count(lab[0]) == 1:
            shortcuts[lab[0]] = lab
    return {
        "entities": list(ENTITY_LABELS),
        "relations": {lab: {"head": sorted(h), "tail": sorted(t)} for lab, (h, t) in RELATION_ARGS.items()},
        "shortcuts": shortcuts,
    }


def create_app(model="rules", limits: Limits | None = None, model_name: str | None = None,
               facts_db: str | Path | None = None) -> FastAPI:
    """An app serving ``model``: a pipeline name for ``ie.load`` (a model directory or
    ``"rules"``), or an already loaded spaCy pipeline. The model is loaded once, here.
    ``facts_db``: a facts store (``ie facts``) that ``GET /facts`` and the page's facts
    panel read, read-only."""
    limits = limits or Limits()
    if isinstance(model, (str, Path)):
        model_name = model_name or str(model)
        nlp = adapter.load_pipeline(str(model))
    else:
        nlp = model
        model_name = model_name or str(getattr(nlp, "meta", {}).get("name", "pipeline"))
    batcher = Batcher(nlp, adapter.doc_to_json, limits.batch_size, limits.batch_wait_ms / 1000)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        batcher.start()
        try:
            yield
        finally:
            batcher.stop()

    app = FastAPI(
        title="planning-ie",
        version=__version__,
        description=(
            "Entities (PROVINCE, FACILITY, MONEY, AREA, DATE), relations and normalized values from "
            "news on Vietnamese provincial planning, and a review page (`/`) to correct them into gold. "
            f"Limits: {json.dumps(limits.as_json())}. Errors are JSON `{{\"detail\": \"...\"}}` with a 4xx status."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.limits = limits
    app.state.batcher = batcher

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return JSONResponse({"detail": exc.detail, **exc.extra}, status_code=exc.status)

    def body_doc(schema: dict, description: str) -> dict:
        return {"requestBody": {"required": True, "description": description, "content": {"application/json": {"schema": schema}}}}

    errors = {
        "400": {"description": "body is not JSON", "content": ERROR},
        "413": {"description": "body, document count or text over the limits", "content": ERROR},
        "422": {"description": "well-formed JSON that is not a valid request (the reason is in `detail`)", "content": ERROR},
    }

    @app.get("/health", summary="Liveness, the model served, limits and batching counts")
    async def health() -> dict:
        return {"status": "ok", "model": model_name, "pipes": list(nlp.pipe_names), "limits": limits.as_json(),
                "batching": dict(batcher.stats)}

    @app.get("/labels", summary="Entity labels, the relation schema and the review page's keyboard shortcuts")
    async def labels() -> dict:
        return labels_json()

    @app.post(
        "/extract",
        summary="Extract entities, relations and normalized values",
        description="One document `{\"text\", \"id\"?}` returns one result; `{\"documents\": [...]}` returns "
        "`{\"documents\": [...]}` in the same order. Documents of concurrent requests are batched together.",
        openapi_extra=body_doc(
            {"oneOf": [{"$ref": "#/components/schemas/InputDocument"},
                       {"type": "object", "required": ["documents"],
                        "properties": {"documents": {"type": "array", "maxItems": limits.max_docs,
                                                     "items": {"$ref": "#/components/schemas/InputDocument"}}}}]},
            "one document or a batch",
        ),
        responses={"200": {"description": "results in the shared format", "content": {"application/json": {"schema": {
            "oneOf": [{"$ref": "#/components/schemas/Document"},
                      {"type": "object", "properties": {"documents": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}}}}]}}}},
            **errors},
    )
    async def extract(request: Request):
        items, batch = _input_docs(await read_json(request, limits.max_body_bytes), limits)
        futures = batcher.submit(items)
        try:
            results = await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))
        except Exception as exc:  # the pipeline itself failed on a document
            return JSONResponse({"detail": f"extraction failed: {type(exc).__name__}: {exc}"}, status_code=500)
        return {"documents": results} if batch else results[0]

    save_body = body_doc(
        {"type": "object", "required": ["documents"],
         "properties": {"documents": {"type": "array", "maxItems": limits.max_save_docs,
                                      "items": {"$ref": "#/components/schemas/Document"}}}},
        "corrected documents in the shared format",
    )

    @app.post("/validate", summary="Check corrected documents with the corpus validator",
              description="200 with the gold JSONL when every document is valid, else 422 naming each problem.",
              openapi_extra=save_body, responses=errors)
    async def validate(request: Request):
        gold = gold_documents(await read_json(request, limits.max_body_bytes), limits)
        return {"valid": True, "documents": len(gold), "jsonl": _jsonl(gold)}

    @app.post("/save", summary="Corrected documents as a gold JSONL download (validated)",
              description="The body of the response is the gold JSONL file (`gold.jsonl`); invalid documents are refused with 422.",
              openapi_extra=save_body,
              responses={"200": {"description": "gold JSONL", "content": {"application/x-ndjson": {}}}, **errors})
    async def save(request: Request):
        gold = gold_documents(await read_json(request, limits.max_body_bytes), limits)
        return Response(_jsonl(gold), media_type="application/x-ndjson; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="gold.jsonl"'})

    @app.get("/facts", summary="Facts of the facts store (ie serve --db) for a province or a facility",
             description="The table of `ie facts --format json`: facts grouped by canonical facility (or province, or "
             "counted group), each value with its date, conflicts and sources. 404 when no store is served.",
             responses=errors)
    def facts(province: str | None = None, facility: str | None = None, since: int | None = None,
              merged: bool = False):
        if facts_db is None:
            raise ApiError(404, "no facts store is served: start `ie serve --db FILE`")
        if not (province or facility):
            raise ApiError(422, "give 'province' or 'facility'")
        from ie.facts.query import grouped, query
        from ie.facts.store import FactsStore

        with FactsStore(facts_db, read_only=True) as store:
            rows = query(store.con, province, facility, since, merged)
        return {"facts": grouped(rows)}

    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    @app.get("/docs", include_in_schema=False)
    async def docs():
        return FileResponse(STATIC / "docs.html", headers=PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def openapi():
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            comps = schema.setdefault("components", {}).setdefault("schemas", {})
            comps["Error"] = {"type": "object", "required": ["detail"], "properties": {
                "detail": {"type": "string", "description": "what is wrong"},
                "problems": {"type": "array", "items": {"type": "string"}, "description": "every validator problem (/validate, /save)"}}}
            comps["Entity"] = SHARED_ENTITY
            comps["Document"] = SHARED_DOC
            comps["InputDocument"] = INPUT_DOC
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
    return app
