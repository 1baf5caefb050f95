"""A real ``ie serve`` (uvicorn, rule model) on a free 127.0.0.1 port, shared by the
server and browser tests. Small limits so that the limit tests send small bodies."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

LIMITS = {"max_body_bytes": 200_000, "max_docs": 8, "max_text_chars": 50_000, "batch_wait_ms": 100}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    httpx = pytest.importorskip("httpx")
    port = free_port()
    cmd = [sys.executable, "-m", "ie.serve", "--model", "rules", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning"]
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
