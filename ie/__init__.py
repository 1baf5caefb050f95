"""planning-ie: entities and relations from Vietnamese provincial planning news."""

__version__ = "0.1.0"
