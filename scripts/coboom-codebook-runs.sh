#!/usr/bin/env bash
# The CoBooM codebook check of docs/fidelity.md: each CoBooM preset at CPU scale on the phantom
# NIH split for 500 steps (25 epochs of 20 steps, the schedule spread over all 500), one after
# another, each run's metrics.jsonl under runs/fidelity/<preset>/. Build first
# (mvn -q -DskipTests package); the figure then comes from scripts/coboom-codebook-figure.py.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
presets=("$@")
if [[ ${#presets[@]} -eq 0 ]]; then
  presets=(coboom coboom-nodec coboom-nodf coboom-online)
fi
for p in "${presets[@]}"; do
  out="runs/fidelity/$p"
  rm -rf "$out"
  start=$(date +%s)
  nice ./cobench pretrain --config "configs/cpu/$p.yaml" --epochs 25 --max-steps 500 --out "$out"
  echo "$p: $(( $(date +%s) - start )) s wall" | tee -a runs/fidelity/times.txt
done
