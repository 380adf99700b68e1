#!/usr/bin/env bash
# The knowledge team's edit loop: edit one DRL file, then run `rules check` and `rules test`.
# Works on a copy of rules/ and facts-samples/, so the checkout is never touched.
# Prints the wall time of both commands together for each of N edits, and the median.
# Goal: under 3 s on a 2-core machine with the full knowledge base.
# Usage: bench/edit-loop.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/rdp-doctor-edit-loop.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -r rules facts-samples "$work/"
./rdp-doctor rules check --rules "$work/rules" >/dev/null 2>&1 || true   # builds on first use; not timed

drl="$work/rules/certificate/expired.drl"
times=()
for i in $(seq "$runs"); do
  # a new comment each time, so that no compile of an earlier run is found in the cache
  printf '\n// edit %s at %s\n' "$i" "$(date +%s%N)" >> "$drl"
  start=$(date +%s.%N)
  ./rdp-doctor rules check --rules "$work/rules" >/dev/null 2>&1
  ./rdp-doctor rules test --rules "$work/rules" >/dev/null 2>&1
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
echo "rules: $(grep -rh '^rule ' "$work/rules" --include='*.drl' | wc -l) rules; samples: $(ls "$work"/facts-samples/*.yaml | wc -l)"
echo "edit + rules check + rules test, $runs runs: ${times[*]} s"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median: %.2f s\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
