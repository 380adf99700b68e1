#!/usr/bin/env bash
# Cold start of one diagnosis: wall time (median of N runs) and peak RSS, each run a fresh JVM.
# Usage: bench/cold-start.sh [SAMPLE.yaml] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
sample="${1:-facts-samples/cert-expired.yaml}"
runs="${2:-5}"
./rdp-doctor diagnose "$sample" >/dev/null   # builds on first use; not timed

walls=(); rss=()
for _ in $(seq "$runs"); do
  out="$( { /usr/bin/time -f '%e %M' ./rdp-doctor diagnose "$sample" >/dev/null; } 2>&1 | tail -1)"
  walls+=("${out% *}"); rss+=("${out#* }")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }
echo "sample:     $sample"
echo "runs:       $runs (${walls[*]} s)"
echo "wall:       median $(median "${walls[@]}") s"
echo "peak RSS:   max $(( $(max "${rss[@]}") / 1024 )) MB"
