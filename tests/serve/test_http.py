"""The real server over HTTP: results, batching, validation/saving, and a clear 4xx for
each bad request, after which the server still answers."""

from __future__ import annotations

import json
import re
import threading

import pytest

from ie.corpus.validate import validate_docs
from ie.docs import Document

from .conftest import LIMITS

httpx = pytest.importorskip("httpx")

TEXT = "Thai Binh will develop the Lien Ha Thai Industrial Park covering 300 ha, with total investment of VND 3 trillion by 2030."


def post(base, path, **kw):
    return httpx.post(base + path, timeout=30, **kw)


def assert_alive(base):
    r = httpx.get(base + "/health", timeout=10)
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_health_labels_and_limits(server):
    h = httpx.get(server + "/health").json()
    assert h["model"] == "rules" and "planning_normalizer" in h["pipes"]
    assert h["limits"]["max_docs"] == LIMITS["max_docs"]
    lab = httpx.get(server + "/labels").json()
    assert lab["entities"] == ["PROVINCE", "FACILITY", "MONEY", "AREA", "DATE"]
    assert lab["relations"]["LOCATED_IN"] == {"head": ["FACILITY"], "tail": ["PROVINCE"]}
    assert lab["shortcuts"]["2"] == lab["shortcuts"]["F"] == "FACILITY"


def test_extract_one_document_with_norms(server):
    r = post(server, "/extract", json={"text": TEXT, "id": "a1"})
    assert r.status_code == 200
    d = r.json()
    assert d["id"] == "a1" and d["text"] == TEXT
    by_text = {TEXT[e["start"]:e["end"]]: e for e in d["entities"]}
    assert by_text["VND 3 trillion"]["label"] == "MONEY"
    assert by_text["VND 3 trillion"]["norm"] == {"amount": 3_000_000_000_000, "currency": "VND"}
    assert by_text["300 ha"]["norm"] == {"hectares": 300}
    ids = {e["id"]: TEXT[e["start"]:e["end"]] for e in d["entities"]}
    rels = {(ids[x["head"]], x["label"], ids[x["tail"]]) for x in d["relations"]}
    assert ("Lien Ha Thai Industrial Park", "LOCATED_IN", "Thai Binh") in rels
    assert all("score" in x for x in d["relations"])


def test_extract_batch_keeps_order_and_ids(server):
    docs = [{"id": "b", "text": "The Green iPark project in Thai Binh covers 500 hectares."},
            {"text": TEXT},
            {"id": "c", "text": "No entities here at all."}]
    r = post(server, "/extract", json={"documents": docs})
    assert r.status_code == 200
    out = r.json()["documents"]
    assert [d["id"] for d in out] == ["b", "doc-2", "c"]
    assert [d["text"] for d in out] == [d["text"] for d in docs]
    assert out[2]["entities"] == [] and out[1]["entities"]
    # the batch result equals the one-document result (batching does not change output)
    one = post(server, "/extract", json={"text": TEXT, "id": "doc-2"}).json()
    assert out[1] == one


def test_concurrent_requests_share_batches(server):
    before = httpx.get(server + "/health").json()["batching"]
    n = 6
    barrier = threading.Barrier(n)
    results = [None] * n

    def call(i):
        barrier.wait()
        results[i] = post(server, "/extract", json={"text": f"Bac Ninh plans {i + 1} industrial parks.", "id": f"c{i}"})

    threads = [threading.Thread(target=call, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.status_code == 200 for r in results)
    assert [r.json()["id"] for r in results] == [f"c{i}" for i in range(n)]
    after = httpx.get(server + "/health").json()["batching"]
    assert after["documents"] - before["documents"] == n
    assert after["batches"] - before["batches"] < n  # some requests were answered by a shared pipeline call


BAD = [
    ("bad JSON", b'{"text": "Bac Ninh', 400, "not valid JSON"),
    ("empty body", b"", 400, "empty request body"),
    ("oversize body", json.dumps({"text": "x " * 150_000}).encode(), 413, "the limit is 200000 bytes"),
    ("too many documents", json.dumps({"documents": [{"text": "Bac Ninh"}] * 9}).encode(), 413, "the limit is 8"),
    ("empty text", b'{"text": ""}', 422, "'text' is empty"),
    ("blank text", b'{"text": "  \\n "}', 422, "'text' is empty"),
    ("non-string text", b'{"text": 42}', 422, "'text' must be a string, not a number"),
    ("non-string text in a batch", b'{"documents": [{"text": "Bac Ninh"}, {"text": null}]}', 422,
     "documents[1]: 'text' must be a string, not null"),
    ("missing text", b'{"id": "x"}', 422, "either 'text'"),
    ("not an object", b"[1, 2]", 422, "must be a JSON object"),
    ("documents not a list", b'{"documents": "Bac Ninh"}', 422, "'documents' must be an array"),
    ("empty batch", b'{"documents": []}', 422, "'documents' is empty"),
    ("duplicate ids", b'{"documents": [{"id": "a", "text": "Hanoi"}, {"id": "a", "text": "Hue"}]}', 422, "duplicate id"),
    ("text over the character limit", json.dumps({"text": "Bac Ninh " * 6000}).encode(), 413, "the limit is 50000"),
]


@pytest.mark.parametrize("name,body,status,message", BAD, ids=[b[0] for b in BAD])
def test_bad_requests_get_a_clear_4xx(server, name, body, status, message):
    r = post(server, "/extract", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status, r.text
    assert message in r.json()["detail"]
    assert_alive(server)


def test_oversize_body_without_content_length_is_cut_off(server):
    def chunks():  # chunked transfer: no Content-Length, the server counts while reading
        for _ in range(30):
            yield b"x" * 10_000

    r = post(server, "/extract", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]
    assert_alive(server)


def test_validate_and_save_gold(server):
    res = post(server, "/extract", json={"text": TEXT, "id": "g1"}).json()
    v = post(server, "/validate", json={"documents": [res]})
    assert v.status_code == 200 and v.json()["valid"] and v.json()["documents"] == 1
    s = post(server, "/save", json={"documents": [res]})
    assert s.status_code == 200
    assert "attachment" in s.headers["content-disposition"] and "gold.jsonl" in s.headers["content-disposition"]
    assert s.text == v.json()["jsonl"]
    lines = s.text.splitlines()
    assert len(lines) == 1
    gold = json.loads(lines[0])
    assert all("score" not in r for r in gold["relations"]) and gold["relations"]
    assert [(e["start"], e["end"], e["label"]) for e in gold["entities"]] == [
        (e["start"], e["end"], e["label"]) for e in res["entities"]]
    assert validate_docs([Document.from_json(gold)]) == []


def test_invalid_gold_is_refused_with_the_reason(server):
    res = post(server, "/extract", json={"text": TEXT, "id": "g2"}).json()
    province = next(e for e in res["entities"] if e["label"] == "PROVINCE")
    province["label"] = "DATE"  # its LOCATED_IN relation is no longer allowed
    r = post(server, "/save", json={"documents": [res]})
    assert r.status_code == 422
    body = r.json()
    assert "LOCATED_IN does not allow FACILITY -> DATE" in body["detail"]
    assert any("documents[0](g2)" in p for p in body["problems"])
    res["entities"][0]["end"] = res["entities"][0]["start"] + 3  # "Tha": not on a token boundary
    r = post(server, "/validate", json={"documents": [res]})
    assert r.status_code == 422 and any("token boundaries" in p for p in r.json()["problems"])
    r = post(server, "/save", json={"documents": [{"id": "x"}]})
    assert r.status_code == 422 and "missing 'text'" in r.json()["detail"]
    r = post(server, "/save", json={"documents": []})
    assert r.status_code == 422 and "no documents" in r.json()["detail"]
    assert_alive(server)


def test_wrong_method_and_unknown_path(server):
    assert httpx.get(server + "/extract").status_code == 405
    assert httpx.get(server + "/nope").status_code == 404
    assert_alive(server)


def test_page_and_docs_are_served_offline(server):
    for path in ("/", "/docs"):
        r = httpx.get(server + path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in r.headers["content-security-policy"]
        refs = re.findall(r'(?:src|href)="([^"]+)"', r.text)
        assert refs
        for ref in refs:
            assert ref.startswith("/"), f"{path} refers to {ref} outside this server"
            assert httpx.get(server + ref).status_code == 200, ref
    spec = httpx.get(server + "/openapi.json").json()
    assert {"/extract", "/health", "/labels", "/validate", "/save"} <= set(spec["paths"])
    body = spec["paths"]["/extract"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["oneOf"][0] == {"$ref": "#/components/schemas/InputDocument"}
    assert "Document" in spec["components"]["schemas"]
