#!/usr/bin/env bash
# Ablation arms (issue 10) of the config they were run on, training/configs/six_layers.json
# (the default until the 4-layer encoder, issue 12): each arm in training/configs/ablation_*.json
# is trained into models/ablation-ARM (git-ignored; skipped when present) and evaluated beside
# that config's model (models/six-layers) on dev, ood and the seeds, with paired-bootstrap p-values:
#   bash scripts/ablation.sh [ARM...]      e.g. bash scripts/ablation.sh no_augment
# -> eval/reports/ablation/ARM/summary.md and {dev,ood,seeds}/report.md, and one table of every
#    arm evaluated so far (default minus arm, p-values): eval/reports/ablation/summary.md
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
ARMS=("$@")
if [ ${#ARMS[@]} -eq 0 ]; then
  for f in training/configs/ablation_*.json; do a=${f#training/configs/ablation_}; ARMS+=("${a%.json}"); done
fi
REF=models/six-layers
[ -f $REF/planning_ie/weights.pt ] || ie train --config training/configs/six_layers.json --output $REF
for arm in "${ARMS[@]}"; do
  m=models/ablation-${arm//_/-}
  [ -f "$m/planning_ie/weights.pt" ] || ie train --config "training/configs/ablation_$arm.json" --output "$m"
  ie evaluate --model "$m" --gold corpus/train/dev.jsonl corpus/ood/ood.jsonl corpus/gold/seeds.jsonl \
    --compare $REF --report "eval/reports/ablation/$arm"
done
DONE=()
for d in eval/reports/ablation/*/; do [ -f "$d/summary.json" ] && DONE+=("${d%/}"); done
python -m ie.evaluation.ablation "${DONE[@]}" --out eval/reports/ablation
