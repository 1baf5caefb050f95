"""The joint NER + relation network, torch and transformers only (no spaCy):

- ``config``: ``ModelConfig`` (network) and ``TrainConfig`` (training loop);
- ``batching``: the ``Window`` examples and padded ``Batch`` tensors;
- ``pairs``: which entity pairs may hold a relation, distance buckets;
- ``crf``: BIO constraints and the linear-chain CRF;
- ``network``: ``PlanningModel`` and ``build_model``;
- ``decoding``: Viterbi, span clean-up, ``predict_windows``;
- ``training``: the fine-tuning loop and its window-level dev score;
- ``encoder``: where the packaged encoder lives.

Documents become windows in :mod:`ie.components.windows` (spaCy tokens, features).
"""
