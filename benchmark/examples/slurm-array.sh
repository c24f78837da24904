#!/usr/bin/env bash
# Fills one results store with the paper grid from a SLURM job array: task k of n runs
# `cobench reproduce --shard k/n`. Shards take whole pretraining units (an encoder and all its
# cells), so no two tasks pretrain or evaluate the same thing; a task that is preempted or times
# out is simply resubmitted and continues where it stopped. The report is written by whichever
# task finds the grid complete, or afterwards with `cobench report --store ... --out ...`.
#
#   sbatch --array=1-11 benchmark/examples/slurm-array.sh
#
# The store must be on a file system every node sees (files are renamed into place, so NFS and
# Lustre are fine). `cobench grid plan --config ... --shard k/n` shows what task k will run.
#SBATCH --job-name=cobench
#SBATCH --cpus-per-task=16
#SBATCH --mem=64G
#SBATCH --gres=gpu:1
#SBATCH --time=48:00:00
#SBATCH --output=logs/cobench-%A_%a.log
set -euo pipefail

: "${SLURM_ARRAY_TASK_ID:?submit with --array=1-N}"
N="${SLURM_ARRAY_TASK_COUNT:-$SLURM_ARRAY_TASK_MAX}"
STORE="${COBENCH_STORE:-/shared/cobench/paper-store}"
CONFIG="${COBENCH_CONFIG:-configs/grids/paper.yaml}"

cd "${COBENCH_HOME:-$SLURM_SUBMIT_DIR}"
mkdir -p logs
exec ./cobench reproduce --config "$CONFIG" --store "$STORE" --shard "${SLURM_ARRAY_TASK_ID}/${N}" --no-progress \
  --data-root nih=/shared/data/nih --data-root siim=/shared/data/siim --data-root eyepacs=/shared/data/eyepacs \
  --data-root mured=/shared/data/mured --data-root odir=/shared/data/odir
