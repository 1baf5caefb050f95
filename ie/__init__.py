"""planning-ie: entities and relations from Vietnamese provincial planning news."""

__version__ = "0.1.0"

DEFAULT_MODEL = "models/planning-ie"


def load(path: str = DEFAULT_MODEL):
    """``spacy.load`` of a trained pipeline (default ``models/planning-ie``), or
    ``ie.load("rules")`` for the rule-based extractor."""
    from ie.extract import load_model

    return load_model(str(path))
