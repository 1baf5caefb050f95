"""Limits and batching settings of the server, in one place (``ie serve`` flags map onto them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 5_000_000  # any POST body; larger is refused with 413
    max_docs: int = 64  # documents in one POST /extract
    max_text_chars: int = 200_000  # characters in one document's text
    max_save_docs: int = 5_000  # documents in one POST /validate or /save
    batch_size: int = 16  # documents per pipeline call, gathered across requests
    batch_wait_ms: float = 5.0  # how long the batcher waits for more documents to fill a batch

    def __post_init__(self):
        for name in ("max_body_bytes", "max_docs", "max_text_chars", "max_save_docs", "batch_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.batch_wait_ms < 0:
            raise ValueError("batch_wait_ms must not be negative")

    def as_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}
