"""Facts across articles: a DuckDB store of documents, mentions, relations and facts, with
provinces and facilities linked to canonical records (see README, "Facts store")."""

from ie.facts.store import FactsInputError, FactsStore

__all__ = ["FactsStore", "FactsInputError"]
