"""Programmatic training-data augmenter: synthetic annotated planning-news documents.

Sentences are built from templates filled with rosters from the lexicon (provinces, variants,
months, number words and approximators from ``ie/lexicon``; facilities, districts, regions,
companies and people from ``ie/lexicon/augment_rosters.json``) and with money, areas and dates
drawn by the phrase writers. Every template writes its text piece by piece and records
each entity span at the moment its text is appended, so offsets are exact by
construction; nothing is searched for afterwards. Relations are added by the template itself, following
``../shared/ANNOTATION.md`` and ``corpus/GUIDELINES.md`` (most specific owner,
pronoun/generic/company/project-owned figures get no HAS_*, equivalents both, DATE_OF
for the figure's date or the facility's stated status or target).

The templates follow the guideline decisions D16-D18, D27-D29, D34, D55 and R1a-R4:
border-gate checkpoints and railway stations are never FACILITY (dry ports, ICDs and
logistics centres are); a province gets HAS_AREA only for its natural area (land quotas
and land for a use get DATE_OF only); joint figures ("together", "combined") get no
HAS_*, figures stated for "each" go to each; a pronoun whose antecedent is named earlier
in the same sentence passes the figure to it; construction and upgrade costs are
HAS_INVESTMENT, rents, fees and prices HAS_VALUE; photo and proposal dates and vision
years date nothing. Sentences may end in "Son La.", "Sa Pa.", "Zone C." or "National
Highway 8A." and contain "Road No. 5": every sentence is checked against the project
tokenizer as it is generated and drawn again if it would not split as one sentence.

Output is deterministic: the same ``--sentences`` and ``--seed`` give byte-identical
JSONL. Usage::

    python -m training.augment --out corpus/src/synthetic/synthetic.jsonl --sentences 2500 --seed 13

``generate(n_sentences, seed)`` returns the documents in memory. ``--check`` also
verifies that every generated sentence is exactly one sentence for the project
tokenizer (``ie.text``) and prints a few random sentences with their spans.

Layout: :mod:`.rosters` (what is written about, read from the lexicon), :mod:`.render` (a
sentence with its spans and relations), :mod:`.phrases` (phrase writers shared by the templates),
:mod:`.templates` (one module per topic), :mod:`.documents` (templates drawn into documents),
:mod:`.cli` (the command).
"""

from __future__ import annotations

from .cli import facility_names, main
from .documents import GENERATOR, generate

__all__ = ["GENERATOR", "facility_names", "generate", "main"]
