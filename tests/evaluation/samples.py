"""Gold and predicted sample documents shared by the evaluation tests."""

from ie.docs import Document, Entity


def sample_docs():
    text = "Bac Ninh drew US$17.5 million and 500 ha in Que Vo IP by 2030."
    g = Document("d", text, [Entity("T1", 0, 8, "PROVINCE"), Entity("T2", 14, 29, "MONEY", {"amount": 17500000, "currency": "USD"}),
                             Entity("T3", 34, 40, "AREA"), Entity("T4", 44, 53, "FACILITY"), Entity("T5", 57, 61, "DATE")])
    p = Document("d", text, [Entity("P1", 0, 8, "FACILITY"),  # label error
                             Entity("P2", 14, 29, "MONEY", extra={"norm": {"amount": 17500000, "currency": "USD"}}),
                             Entity("P3", 34, 37, "AREA"),  # boundary error
                             Entity("P4", 62, 63, "DATE")])  # spurious ('.' is outside any gold span)
    return g, p
