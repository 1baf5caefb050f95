#!/usr/bin/env bash
# GPU check (issue 12): default-config training time, dev F1 and extraction words/s on a
# bare GPU machine (torch + transformers, no spaCy, this package not installed).
#
#   bash scripts/gpu_check.sh --prepare            # here, on CPU: write build/gpu_bundle (~55 MB)
#   bash scripts/gpu_check.sh [--json OUT]         # there: carry build/gpu_bundle, run on CUDA
#   bash scripts/gpu_check.sh --device cpu --max-steps 2 --limit 8   # dry run (the test suite does this)
#
# Stops itself after 470 s so that it always finishes within 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${GPU_BUNDLE:-build/gpu_bundle}
PY=${PYTHON:-python3}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [[ "${1:-}" == "--prepare" ]]; then
  shift
  [[ -f .venv/bin/activate && -z "${PYTHON:-}" ]] && . .venv/bin/activate && PY=python
  exec "$PY" -m ie.model.gpu_check prepare --out "$BUNDLE" "$@"
fi
if [[ ! -f "$BUNDLE/windows.pt" ]]; then
  echo "no bundle at $BUNDLE: run 'bash scripts/gpu_check.sh --prepare' on the CPU machine and carry it" >&2
  exit 2
fi
export PYTHONPATH="$PWD:$PWD/$BUNDLE/site${PYTHONPATH:+:$PYTHONPATH}"
"$PY" -c "import torch, transformers; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), 'transformers', transformers.__version__)"
exec timeout 470 "$PY" -m ie.model.gpu_check run --bundle "$BUNDLE" "$@"
