"""Settings of the network (``ModelConfig``, saved with a trained component) and of the
training loop (``TrainConfig``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ie.schema import CASE_CLASSES, GAZ_CLASSES, LEX_CLASSES, RULE_CLASSES


@dataclass
class ModelConfig:
    encoder: str = "all-MiniLM-L6-v2"
    encoder_layers: int = 0  # keep the encoder's first N transformer layers (0: all of them)
    use_features: bool = True
    feat_dim: int = 32
    hidden: int = 256
    rel_hidden: int = 256
    dropout: float = 0.1
    n_case: int = len(CASE_CLASSES)
    n_lex: int = len(LEX_CLASSES)
    n_gaz: int = len(GAZ_CLASSES)
    max_subwords: int = 128
    context_subwords: int = 12
    use_crf: bool = True
    rule_features: bool = False
    n_rule: int = len(RULE_CLASSES)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class TrainConfig:
    epochs: int = 8
    batch_size: int = 16
    lr_encoder: float = 8e-5
    lr_head: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.06
    rel_loss_weight: float = 1.0
    seed: int = 13
    device: str = "auto"
    amp: bool = True  # bf16 autocast of the transformer layers on CUDA and on CPUs with native bf16
    threads: int = 0
    max_steps: int = 0  # >0 stops early (tests)
    freeze_embeddings: bool = True  # the 30k x 384 word-embedding matrix: costly to update on CPU, little gain
    extra: dict = field(default_factory=dict)
