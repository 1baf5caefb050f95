"""``ie extract``: batch extraction over new articles (``inputs`` -> ``run`` -> ``writers``),
and :func:`load_model`, which every command that runs a system uses."""

from ie.extract.inputs import Item, iter_inputs
from ie.extract.models import load_model
from ie.extract.run import EXIT_CODES, ExtractError, run_extract
from ie.extract.writers import completed_ids, facts_rows, render_html

__all__ = ["EXIT_CODES", "ExtractError", "Item", "completed_ids", "facts_rows", "iter_inputs", "load_model",
           "render_html", "run_extract"]
