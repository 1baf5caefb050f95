"""Evaluation: ``scoring`` (strict/lenient/seqeval P/R/F1), ``predict`` (run a system over
gold documents), ``report`` (Markdown/HTML/JSON report), ``crossval`` (K-fold training
and pooled scores), ``bench`` (speed and memory, one child process per system, see
``bench_systems``) and ``spacy_baseline`` (spaCy's OntoNotes model mapped to our labels)."""
