"""planning-ie: entities and relations from Vietnamese provincial planning news."""

from importlib.metadata import version

from ie.paths import DEFAULT_MODEL

__version__ = version("planning-ie")
__all__ = ["DEFAULT_MODEL", "__version__", "load"]


def load(path: str = DEFAULT_MODEL):
    """``spacy.load`` of a trained pipeline (default ``models/planning-ie``), or
    ``ie.load("rules")`` for the rule-based extractor."""
    from ie.extract import load_model

    return load_model(str(path))
