"""A small annotated training document (markup, ``{i}`` = document number) shared by the model tests."""

TRAIN_MD = """### doc: t{i}
[[Bac Ninh|PROVINCE|p]] has [[16 industrial parks|FACILITY|f]] covering [[6,397.68 ha|AREA|a]] by [[2030|DATE|d]].
The [[Que Vo II Industrial Park|FACILITY|q]] in [[Bắc Ninh|PROVINCE|p2]] drew [[VND4,128 billion|MONEY|m]] and [[US$17.5 million|MONEY|u]] in [[2021-25|DATE|d2]].
### relations
f LOCATED_IN p
f HAS_AREA a
a DATE_OF d
q LOCATED_IN p2
q HAS_INVESTMENT m
q HAS_INVESTMENT u
m DATE_OF d2
"""
