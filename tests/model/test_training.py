"""The training loop runs on torch alone (no spaCy)."""


def test_training_core_runs_without_spacy():
    """The GPU machine has torch and transformers but no spaCy: the core must not need it."""
    import subprocess
    import sys

    code = r"""
import sys
sys.modules["spacy"] = None  # any import of spaCy now fails
from ie.model.batching import Window
from ie.model.config import ModelConfig, TrainConfig
from ie.model.network import build_model
from ie.model.training import train, quick_eval
from ie.model.encoder import default_encoder_path
ex = Window(doc_id="d", offset=0, own_start=0, own_end=2, input_ids=[101, 7592, 2003, 102], sub_case=[0, 2, 1, 0],
           word_first=[1, 2], word_last=[1, 2], case=[2, 1], lex=[1, 1], gaz=[2, 1], rule=[0, 0], owned=[1, 1],
           sent=[0, 0], tags=[1, 0], ents=[[0, 0, 0]], rels=[])
m = build_model(ModelConfig(), default_encoder_path())
res = train(m, [ex, ex], TrainConfig(epochs=1, batch_size=2, max_steps=1), evaluate=lambda mm: quick_eval(mm, [ex]))
assert res["steps"] == 1 and "spacy" not in [k for k, v in sys.modules.items() if v is not None]
print("ok")
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip().endswith("ok")
