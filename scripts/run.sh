#!/usr/bin/env bash
# The main job: set up, train the default model if it is missing (progress bar), then
#  - with no arguments: evaluate it on the hand-annotated seed gold (report in eval/reports/seeds);
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
  ie evaluate --model "$MODEL" --gold corpus/gold/seeds.jsonl --report eval/reports/seeds --compare rules
else
  ie extract "$@" --model "$MODEL" --out results.jsonl
fi
