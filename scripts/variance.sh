#!/usr/bin/env bash
# Training variance of the default config (issue 16): the default model (its config's seed)
# and two more training seeds, each evaluated on seeds/dev/ood by `ie evaluate`, then
# eval/reports/variance.md + variance.json written by ie.evaluation.variance from those reports.
#   bash scripts/variance.sh            # trains what is missing (about 12 min a model on this 2-core CPU, bf16)
# Models go to models/planning-ie (config seed) and models/seed-N (the others; git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
CONFIG=training/configs/default.json
BASE=$(python -c "import json,sys; print(json.load(open(sys.argv[1]))['training']['seed'])" "$CONFIG")
SEEDS=${SEEDS:-"$BASE $((BASE + 1)) $((BASE + 2))"}
GOLD="corpus/gold/seeds.jsonl corpus/train/dev.jsonl corpus/ood/ood.jsonl"
REPORTS=()
for s in $SEEDS; do
  if [ "$s" = "$BASE" ]; then m=models/planning-ie; else m=models/seed-$s; fi
  if [ ! -f "$m/planning_ie/weights.pt" ]; then
    ie train --config "$CONFIG" --seed "$s" --output "$m"
  fi
  ie evaluate --model "$m" --gold $GOLD --report "eval/reports/variance/seed-$s"
  REPORTS+=("eval/reports/variance/seed-$s")
done
python -m ie.evaluation.variance "${REPORTS[@]}" --out eval/reports/variance
