"""One input document of ``ie extract`` (:class:`Item`) and the checks every text passes,
shared by the readers of :mod:`ie.extract.inputs` and :mod:`ie.extract.parquet`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Item:
    id: str
    text: str | None
    error: str | None
    source: str


def check_text(text: str, where: str) -> tuple[str | None, str | None]:
    """The text, or why it cannot be a document (empty, NUL characters, lone surrogates)."""
    if not text.strip():
        return None, f"{where}: empty document"
    nul = text.find("\x00")
    if nul >= 0:
        return None, f"{where}: text contains a NUL character at position {nul} (binary?)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return None, f"{where}: text contains a lone surrogate (U+{ord(text[exc.start]):04X}) at position {exc.start}"
    return text, None
