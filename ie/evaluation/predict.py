"""Run a pipeline (or the rule baseline) over documents and return predictions as
:class:`ie.docs.Document` objects, with timing."""

from __future__ import annotations

import time

from ie.docs import Document


def predict_documents(model: str, docs: list[Document], batch_size: int = 16, nlp=None) -> list[Document]:
    from ie.extract import load_model
    from ie.components.results import doc_to_document

    nlp = nlp or load_model(model)
    nlp.max_length = max(nlp.max_length, 50_000_000)
    out = []
    for sdoc, d in zip(nlp.pipe([d.text for d in docs], batch_size=batch_size), docs):
        out.append(doc_to_document(sdoc, d.id))
    return out


def timed_predict(model: str, docs: list[Document], batch_size: int = 16) -> tuple[list[Document], dict]:
    from ie.extract import load_model

    t0 = time.time()
    nlp = load_model(model)
    load_s = time.time() - t0
    t1 = time.time()
    preds = predict_documents(model, docs, batch_size, nlp=nlp)
    run_s = time.time() - t1
    words = sum(len(d.text.split()) for d in docs)
    return preds, {"load_s": round(load_s, 2), "run_s": round(run_s, 2), "words": words,
                   "words_per_s": round(words / run_s, 1) if run_s else None}
