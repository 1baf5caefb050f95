"""``nlp.pipe(n_process=2)`` and ``ie extract --n-process 2`` with a real (tiny) trained
model: the workers are forked after the parent has run the model (its thread pools
started), finish, and give exactly the one-process output."""

import json

import pytest

from tests.tiny_model import tiny_model

TEXTS = ["Bac Ninh has 16 industrial parks covering 6,397.68 ha by 2030.",
         "The Que Vo II Industrial Park in Bắc Ninh drew VND4,128 billion and US$17.5 million in 2021-25.",
         "Long An has 35 industrial parks on 12,000 ha.", "Hai Phong drew US$3 billion in 2024."] * 3


@pytest.mark.timeout(900)
def test_two_processes_after_the_parent_ran_the_model_give_the_one_process_output():
    from ie.components.results import doc_to_document
    from ie.extract import load_model

    nlp = load_model(str(tiny_model()))
    one = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(nlp.pipe(TEXTS, batch_size=2))]
    two = [doc_to_document(d, str(i)).to_json() for i, d in enumerate(nlp.pipe(TEXTS, batch_size=2, n_process=2))]
    assert two == one
    assert any(d["entities"] for d in one)
    from ie.model.ort_runtime import OrtModel

    assert isinstance(nlp.get_pipe("planning_ie")._runtime, OrtModel)  # the parent ran the int8 graph before forking


@pytest.mark.timeout(900)
def test_extract_with_two_processes_equals_one(tmp_path):
    from ie.extract import run_extract

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8")
    model = str(tiny_model())
    run_extract([str(src)], tmp_path / "one.jsonl", model, batch_size=2, progress=False)
    run_extract([str(src)], tmp_path / "two.jsonl", model, batch_size=2, n_process=2, progress=False)
    assert (tmp_path / "two.jsonl").read_text(encoding="utf-8") == (tmp_path / "one.jsonl").read_text(encoding="utf-8")
