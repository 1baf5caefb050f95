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


def _window():
    from ie.model.batching import Window

    return Window(doc_id="d", offset=0, own_start=0, own_end=3, input_ids=[101, 7592, 2003, 2307, 102],
                  sub_case=[0, 2, 1, 1, 0], word_first=[1, 2, 3], word_last=[1, 2, 3], case=[2, 1, 1], lex=[1, 1, 1],
                  gaz=[2, 1, 1], rule=[0, 0, 0], owned=[1, 1, 1], sent=[0, 0, 0], tags=[1, 0, 0], ents=[[0, 0, 0]],
                  rels=[])


def test_bf16_autocast_only_where_the_cpu_has_it_and_only_while_training(monkeypatch):
    """``TrainConfig.amp``: the transformer layers run under bf16 autocast on CUDA and on
    CPUs with native bf16; the heads, the losses and every later forward stay float32."""
    import torch

    import ie.model.training as tr
    from ie.model.batching import collate
    from ie.model.config import ModelConfig, TrainConfig
    from ie.model.encoder import default_encoder_path
    from ie.model.network import build_model

    cpu = torch.device("cpu")
    for native, expect in ((True, torch.bfloat16), (False, None)):
        monkeypatch.setattr(tr, "cpu_has_native_bf16", lambda native=native: native)
        assert tr.amp_dtype(cpu) == expect
    monkeypatch.undo()

    torch.manual_seed(0)
    m = build_model(ModelConfig(), default_encoder_path())
    ex = _window()
    batch = collate([ex], False)
    m.eval()
    with torch.no_grad():
        h_float = m.word_states(batch)
        m.encoder_amp = torch.bfloat16
        h_bf16 = m.word_states(batch)
        m.encoder_amp = None
    assert h_bf16.dtype == torch.float32 and not torch.equal(h_float, h_bf16)
    assert torch.allclose(h_float, h_bf16, atol=0.1)

    res = tr.train(m, [ex, ex], TrainConfig(epochs=1, batch_size=2, max_steps=1, amp=True))
    assert res["encoder_amp"] == ("bfloat16" if tr.amp_dtype(cpu) else "float32")
    assert m.encoder_amp is None  # nothing after training runs in bf16
    res = tr.train(m, [ex, ex], TrainConfig(epochs=1, batch_size=2, max_steps=1, amp=False))
    assert res["encoder_amp"] == "float32"


def test_cpu_bf16_detection_reads_the_cpu_flags():
    import ie.model.training as tr

    flags = open("/proc/cpuinfo").read()
    assert tr.cpu_has_native_bf16() == ("avx512_bf16" in flags or "amx_bf16" in flags)
