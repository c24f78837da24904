#!/usr/bin/env bash
# Runs the speed suite in one session and writes docs/performance.md:
#   ResNet-18 step (SameDiff vs the PyTorch reference, same arguments), per-method pretraining
#   throughput at CPU scale, data-pipeline throughput, RSS flatness over 500 steps, and
#   optionally the wall time of the main job (PERF_REPRODUCE=1).
# Needs a build (mvn -q -DskipTests package). The PyTorch side needs Debian's python3-torch and
# libopenblas0-pthread and runs with /usr/bin/python3; without torch its columns stay empty.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${PERF_OUT:-target/perf}
steps=${PERF_STEPS:-10}
mkdir -p "$out"
: > "$out/results.jsonl"
torch_ref=../shared/bench/torch_resnet18.py
have_torch=0
if [[ -f $torch_ref ]] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then have_torch=1; fi

log() { echo "[perf] $*" >&2; }
record() { # kind json
  /usr/bin/env python3 -c 'import json,sys; d=json.loads(sys.argv[2]); d["kind"]=sys.argv[1]; print(json.dumps(d))' "$1" "$2" >> "$out/results.jsonl"
}

reps=${PERF_REPS:-3}
for spec in "64 32" "64 64" "32 128" "32 224"; do
  set -- $spec
  # SameDiff and PyTorch alternate, PERF_REPS times each: the report takes each side's median,
  # so a noisy minute on a shared machine does not decide the ratio.
  for r in $(seq "$reps"); do
    log "step batch $1 size $2 (run $r of $reps)"
    record step "$(./cobench bench step --batch "$1" --size "$2" --channels 3 --width 64 --steps "$steps" 2>/dev/null | tail -1)"
    if [[ $have_torch == 1 ]]; then
      record torch "$(/usr/bin/python3 "$torch_ref" --batch "$1" --size "$2" --channels 3 --width 64 --steps "$steps" --threads "$(nproc)" | tail -1)"
    fi
  done
done

# What each kept optimisation buys: the 64 px step with one of them undone at a time.
ablate() { # label, then env assignments
  local label=$1; shift
  log "ablation: $label"
  local line
  line=$(env "$@" ./cobench bench step --batch 64 --size 64 --channels 3 --width 64 --steps "$steps" 2>/dev/null | tail -1)
  record ablation "$(/usr/bin/env python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["label"]=sys.argv[2]; print(json.dumps(d))' "$line" "$label")"
}
ablate "all kept" X=1
ablate "oneDNN ISA not capped (DNNL_MAX_CPU_ISA=ALL)" DNNL_MAX_CPU_ISA=ALL
ablate "OpenMP workers spin (OMP_WAIT_POLICY=ACTIVE)" OMP_WAIT_POLICY=ACTIVE
ablate "no array recycling (-Dcobench.recycle=false)" COBENCH_JAVA_OPTS=-Dcobench.recycle=false
ablate "oneDNN for every op (-Dcobench.kernels=onednn)" COBENCH_JAVA_OPTS=-Dcobench.kernels=onednn
ablate "libnd4j batchnorm_bp (-Dcobench.bnbp=native)" COBENCH_JAVA_OPTS=-Dcobench.bnbp=native

# Evidence for the step: where its time goes (op types, separate runs so the listener does not
# slow the timed ones) and the batch-norm route kept against the hand-built one.
for spec in "64 64" "32 224"; do
  set -- $spec
  log "profile batch $1 size $2"
  record profile "$(./cobench bench step --batch "$1" --size "$2" --channels 3 --width 64 --steps 3 --warmup 1 --profile 2>/dev/null | tail -1)"
done
ablate "batch norm hand-built from primitive ops (-Dcobench.bn=primitive)" COBENCH_JAVA_OPTS=-Dcobench.bn=primitive

for cfg in configs/cpu/*.yaml; do
  log "pretrain $cfg"
  record pretrain "$(./cobench bench pretrain --config "$cfg" --steps "$steps" 2>/dev/null | tail -1)" || log "failed: $cfg"
done

for size in 64 224; do
  log "data size $size"
  record data "$(./cobench bench data --size "$size" 2>/dev/null | tail -1)" || log "bench data failed at $size"
done

log "memory: 500 steps"
record memory "$(./cobench bench step --batch 32 --size 64 --channels 1 --width 16 --steps 500 --warmup 0 --rss-at 50,500 2>/dev/null | tail -1)"

if [[ ${PERF_REPRODUCE:-0} == 1 ]]; then
  log "reproduce (fresh store)"
  rm -rf "$out/store"
  t0=$(date +%s)
  ./cobench reproduce --store "$out/store" > "$out/reproduce.log" 2>&1
  record reproduce "{\"wall_s\": $(( $(date +%s) - t0 ))}"
fi

python3 scripts/perf-report.py "$out/results.jsonl" "$*" > docs/performance.md
log "wrote docs/performance.md"
