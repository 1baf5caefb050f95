"""``ie serve``: the extractor over HTTP (FastAPI + uvicorn) and the browser review page.

Importing this package loads nothing and registers nothing; FastAPI is imported only when
an app is made (``create_app``), so the ``ie`` command works without the ``serve`` extra.
"""

from __future__ import annotations

__all__ = ["create_app", "Limits"]


def __getattr__(name: str):
    if name == "create_app":
        from ie.serve.app import create_app

        return create_app
    if name == "Limits":
        from ie.serve.settings import Limits

        return Limits
    raise AttributeError(f"module 'ie.serve' has no attribute {name!r}")
