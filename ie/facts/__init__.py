"""Facts across articles: a DuckDB store of documents, mentions, relations and facts, with
provinces and facilities linked to canonical records (see README, "Facts store").

``FactsStore`` and ``FactsInputError`` are loaded on first use, so that importing the
``ie`` command line (which lists ``ie facts``) does not load DuckDB."""

__all__ = ["FactsStore", "FactsInputError"]


def __getattr__(name: str):
    if name in __all__:
        from ie.facts import store

        return getattr(store, name)
    raise AttributeError(name)
