"""The joint NER + relation model.

- ``features``: case, shape and gazetteer features of spaCy tokens (what the uncased encoder cannot see).
- ``prep``: documents -> encoder windows, labels and relation candidates (needs spaCy).
- ``core``: the network, decoding and the training loop (needs only torch + transformers).
"""
