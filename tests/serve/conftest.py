"""A real ``ie serve`` (uvicorn, rule model) on a free 127.0.0.1 port, shared by the
server and browser tests. Small limits so that the limit tests send small bodies."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
LIMITS = {"max_body_bytes": 200_000, "max_docs": 8, "max_text_chars": 50_000, "batch_wait_ms": 100}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(extra: list[str]):
    """Start `python -m ie.serve --model rules ... extra` and yield its base URL."""
    httpx = pytest.importorskip("httpx")
    port = free_port()
    cmd = [sys.executable, "-m", "ie.serve", "--model", "rules", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning", *extra]
    for k, v in LIMITS.items():
        cmd += ["--" + k.replace("_", "-"), str(v)]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"ie serve exited with {proc.returncode}:\n{proc.stdout.read()}")
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("ie serve did not answer /health within 90 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def server():
    yield from _serve([])


def _result(doc_id: str, hectares: int) -> dict:
    """A result record as `ie extract` writes it, for one sentence of ours."""
    text = f"Yen Phong Industrial Park in Bac Ninh covers {hectares} ha."
    return {"id": doc_id, "text": text,
            "entities": [{"id": "T1", "start": 0, "end": 25, "label": "FACILITY", "norm": {"name": text[:25]}},
                         {"id": "T2", "start": 29, "end": 37, "label": "PROVINCE",
                          "norm": {"name": "Bac Ninh", "name_vi": "Bắc Ninh", "province_2025": "Bac Ninh"}},
                         {"id": "T3", "start": 45, "end": 51, "label": "AREA", "norm": {"hectares": hectares}}],
            "relations": [{"head": "T1", "tail": "T2", "label": "LOCATED_IN", "score": 0.99},
                          {"head": "T1", "tail": "T3", "label": "HAS_AREA", "score": 0.98}]}


@pytest.fixture(scope="session")
def facts_server(tmp_path_factory):
    """A server with a facts store of two results that give one park two areas."""
    import json

    from ie.facts.store import FactsStore

    root = tmp_path_factory.mktemp("facts")
    results = root / "results.jsonl"
    results.write_text("".join(json.dumps(_result(k, ha)) + "\n" for k, ha in (("a", 658), ("b", 660))),
                       encoding="utf-8")
    db = root / "facts.duckdb"
    with FactsStore(db) as store:
        store.ingest_jsonl(results)
    yield from _serve(["--db", str(db)])


def need(what: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI must run the browser test: bash scripts/install_browser.sh)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        need("selenium is not installed")
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        need(f"{CHROMIUM} or {CHROMEDRIVER} is missing")
    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1440,1000",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    drv.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    drv.downloads = downloads
    try:
        yield drv
    finally:
        drv.quit()
