"""``ModelConfig.encoder_layers``: a network on the bottom N layers of the pretrained
encoder, saved and loaded like the full one."""

from __future__ import annotations

import pytest
import torch

from ie.model.config import ModelConfig
from ie.model.encoder import default_encoder_path
from ie.model.network import build_model


def test_the_first_n_pretrained_layers_are_kept_and_the_weights_load_back():
    full = build_model(ModelConfig(), default_encoder_path())
    cut = build_model(ModelConfig(encoder_layers=2), default_encoder_path())
    assert len(full.encoder.encoder.layer) == 6
    assert len(cut.encoder.encoder.layer) == 2 and cut.encoder.config.num_hidden_layers == 2
    for a, b in zip(full.encoder.encoder.layer[:2].parameters(), cut.encoder.encoder.layer.parameters()):
        assert torch.equal(a, b)
    # what from_disk does: the architecture from the settings, then the saved weights (strict)
    again = build_model(ModelConfig(encoder_layers=2), default_encoder_path(), pretrained=False)
    again.load_state_dict(cut.state_dict())
    assert len(again.encoder.encoder.layer) == 2


@pytest.mark.parametrize("n", [-1, 7])
def test_an_impossible_layer_count_is_refused(n):
    with pytest.raises(ValueError, match="encoder_layers"):
        build_model(ModelConfig(encoder_layers=n), default_encoder_path())


def test_a_pipeline_saved_before_the_setting_existed_still_loads():
    """Its config.cfg has no ``encoder_layers``: it means all layers, not a mismatch."""
    import spacy

    cfg = ModelConfig()
    old = {k: v for k, v in cfg.to_json().items() if k != "encoder_layers"}
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("planning_ie", config={"network": old})
    comp.set_model(build_model(cfg, default_encoder_path()), cfg, default_encoder_path())
    assert comp.cfg.encoder_layers == 0
    with pytest.raises(ValueError, match="differ"):
        comp.set_model(build_model(ModelConfig(encoder_layers=2), default_encoder_path()),
                       ModelConfig(encoder_layers=2), default_encoder_path())
