"""Corpus tools: markup reader, validation, statistics, conversion."""
