"""Kept for callers of the old path: the Doc -> result conversion now lives in
:mod:`ie.components.results`."""

from ie.components.results import doc_to_document, doc_to_result

__all__ = ["doc_to_document", "doc_to_result"]
