"""Batches documents from concurrent requests into shared pipeline calls.

One worker thread owns the spaCy pipeline (which is not thread-safe). Requests put their
documents on a queue and wait on futures; the worker takes what is queued, waits up to
``wait_s`` for more, runs ``nlp.pipe`` over at most ``batch_size`` texts, and hands each
result back. A document that makes the pipeline fail fails alone: the batch is then
re-run one document at a time.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from typing import Callable

_STOP = object()


class Batcher:
    def __init__(self, nlp, to_json: Callable, batch_size: int, wait_s: float):
        self.nlp = nlp
        self.to_json = to_json
        self.batch_size = batch_size
        self.wait_s = wait_s
        self._q: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.stats = {"batches": 0, "documents": 0, "largest_batch": 0}

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ie-serve-batcher", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._q.put(_STOP)
            self._thread.join(timeout=30)
            self._thread = None

    def submit(self, items: list[tuple[str, str]]) -> list[Future]:
        """``(id, text)`` pairs in; one future per pair, resolving to the shared-format dict."""
        if self._thread is None:
            raise RuntimeError("the batcher is not running")
        futures = []
        for doc_id, text in items:
            fut: Future = Future()
            self._q.put((doc_id, text, fut))
            futures.append(fut)
        return futures

    def _run(self) -> None:
        while True:
            first = self._q.get()
            if first is _STOP:
                return
            batch = [first]
            deadline = time.monotonic() + self.wait_s
            stop = False
            while len(batch) < self.batch_size:
                try:
                    item = self._q.get_nowait() if not batch else self._q.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if item is _STOP:
                    stop = True
                    break
                batch.append(item)
            self._process(batch)
            if stop:
                return

    def _process(self, batch: list) -> None:
        live = [(i, t, f) for i, t, f in batch if f.set_running_or_notify_cancel()]
        if not live:
            return
        with self._lock:
            self.stats["batches"] += 1
            self.stats["documents"] += len(live)
            self.stats["largest_batch"] = max(self.stats["largest_batch"], len(live))
        try:
            docs = list(self.nlp.pipe([t for _, t, _ in live], batch_size=len(live)))
            results = [self.to_json(doc, i) for (i, _, _), doc in zip(live, docs)]
        except Exception:  # isolate the failing document(s)
            for doc_id, text, fut in live:
                try:
                    fut.set_result(self.to_json(self.nlp(text), doc_id))
                except Exception as exc:
                    fut.set_exception(exc)
            return
        for (_, _, fut), res in zip(live, results):
            fut.set_result(res)
