#!/usr/bin/env bash
# The whole benchmark in one command: cold start, batch throughput, memory over a long batch,
# and the knowledge team's edit loop. Each figure is set against a plain-Java floor that does
# the same work without Drools (src/test/java/dev/rdpdoctor/bench/Baseline.java: the same
# case reading, trace, ranking and output, the same rules evaluated by hand-rolled predicates),
# run alternately with the tool so both see the same machine; the ratios are what to compare
# across machines and runs, the times are what this machine gave today.
#
# Usage: bench/run.sh            (about 4 minutes on 2 cores)
# Knobs: RUNS=10 (cold starts of each), CASES=200000 (batch), MEMORY_CASES=1000000,
#        EDIT_RUNS=3, SAMPLE=facts-samples/cert-expired.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
cases="${CASES:-200000}"
memory_cases="${MEMORY_CASES:-1000000}"
edit_runs="${EDIT_RUNS:-3}"
sample="${SAMPLE:-facts-samples/cert-expired.yaml}"
work="target/bench"
mkdir -p "$work"

echo "== building (jar, precompiled rules, benchmark classes)"
mvn -B -q -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
./rdp-doctor diagnose "$sample" >/dev/null 2>&1   # records the launcher's class-data archive
jar=target/rdp-doctor.jar
# class-data sharing needs jars on the class path, not folders
jar cf "$work/bench.jar" -C target/test-classes dev/rdpdoctor/bench -C target/test-classes dev/rdpdoctor/engine \
  -C target/test-classes dev/rdpdoctor/batch
cp="$jar:$work/bench.jar"
# The floor runs with the launcher's JVM settings and a class-data archive of its own.
single=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss2m -XX:-UsePerfData)
threads=$(nproc); threads=$(( threads > 64 ? 64 : threads ))
batch=(-XX:+UseParallelGC -Xmx$(( 128 + 2 * threads ))m -Xmn64m -Xss2m -XX:-UsePerfData)
base_cds="$work/baseline.jsa"
if [ ! -f "$base_cds" ] || [ "$jar" -nt "$base_cds" ] || [ "$work/bench.jar" -nt "$base_cds" ]; then
  java "${single[@]}" -XX:ArchiveClassesAtExit="$base_cds" -cp "$cp" dev.rdpdoctor.bench.Baseline case "$sample" >/dev/null 2>&1
fi
base_single=("${single[@]}" -XX:SharedArchiveFile="$base_cds" -Xshare:auto)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
maxof() { sort -n | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

echo "== cold start: $runs runs each of one diagnosis, alternating with the floor"
: >"$work/cold-tool" ; : >"$work/cold-base"
for _ in $(seq "$runs"); do
  /usr/bin/time -a -o "$work/cold-tool" -f '%e %M' ./rdp-doctor diagnose "$sample" >/dev/null 2>&1
  /usr/bin/time -a -o "$work/cold-base" -f '%e %M' java "${base_single[@]}" -cp "$cp" dev.rdpdoctor.bench.Baseline case "$sample" >/dev/null 2>&1
done
cold_tool=$(awk '{print $1}' "$work/cold-tool" | median)
cold_base=$(awk '{print $1}' "$work/cold-base" | median)
rss_tool=$(awk '{print int($2/1024)}' "$work/cold-tool" | maxof)
rss_base=$(awk '{print int($2/1024)}' "$work/cold-base" | maxof)
echo "   rdp-doctor: $(awk '{printf "%s ", $1}' "$work/cold-tool")s"
echo "   floor:      $(awk '{printf "%s ", $1}' "$work/cold-base")s"

cases_file="$work/cases-$cases.jsonl"
if [ ! -f "$cases_file" ]; then
  echo "== generating $cases cases"
  java -cp "$cp" dev.rdpdoctor.bench.GenerateCases "$cases" 1 >"$cases_file.tmp" && mv "$cases_file.tmp" "$cases_file"
fi

# One batch run: prints "cases/s cpu-us-per-case peak-MB"
batch_run() {
  local log="$work/batch.log"
  /usr/bin/time -o "$log" -f '%e %U %S %M' "$@" <"$cases_file" >/dev/null 2>"$work/batch.err"
  awk -v n="$cases" '{printf "%.0f %.1f %d\n", n / $1, ($2 + $3) * 1e6 / n, $4 / 1024}' "$log"
}
echo "== batch: $cases generated cases as JSON Lines on stdin, traces kept; two runs each, alternating"
: >"$work/batch-tool"; : >"$work/batch-base"
for _ in 1 2; do
  batch_run ./rdp-doctor diagnose - >>"$work/batch-tool"
  batch_run java "${batch[@]}" -XX:SharedArchiveFile="$base_cds" -Xshare:auto -cp "$cp" dev.rdpdoctor.bench.Baseline batch >>"$work/batch-base"
done
best() { sort -n -r | head -1; }
tool_rate=$(awk '{print $1}' "$work/batch-tool" | best)
base_rate=$(awk '{print $1}' "$work/batch-base" | best)
tool_cpu=$(awk '{print $2}' "$work/batch-tool" | sort -n | head -1)
base_cpu=$(awk '{print $2}' "$work/batch-base" | sort -n | head -1)
tool_batch_rss=$(awk '{print $3}' "$work/batch-tool" | maxof)
echo "   rdp-doctor: $(awk '{printf "%s/s ", $1}' "$work/batch-tool")"
echo "   floor:      $(awk '{printf "%s/s ", $1}' "$work/batch-base")"

echo "== memory: $memory_cases cases through one process, resident memory and progress sampled every second"
repeat=$(( (memory_cases + cases - 1) / cases ))
rss_log="$work/rss.log"
: >"$rss_log"
start=$(date +%s.%N)
( for _ in $(seq "$repeat"); do cat "$cases_file"; done ) | ./rdp-doctor diagnose - >/dev/null 2>"$work/memory.err" &
pid=$!
# progress: the bytes the process has read, almost all of them cases (each line about the same size)
progress_log="$work/progress.log"
: >"$progress_log"
case_bytes=$(stat -c %s "$cases_file")
while kill -0 "$pid" 2>/dev/null; do
  awk '/VmRSS/ && $2 > 0 {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null >>"$rss_log" || true
  awk -v t="$(date +%s.%N)" -v per="$cases" -v size="$case_bytes" '/^rchar/ {printf "%s %.0f\n", t, $2 * per / size}' \
    "/proc/$pid/io" 2>/dev/null >>"$progress_log" || true
  sleep 1
done
wait "$pid" || true
end=$(date +%s.%N)
memory_total=$(( repeat * cases ))
memory_rate=$(awk -v n="$memory_total" -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", n / (b - a)}')
rss_at() { awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p); if (i<1) i=1; print a[i]}' "$rss_log"; }
rss_early=$(rss_at 0.1); rss_mid=$(rss_at 0.5); rss_late=$(rss_at 0.95)
rss_peak=$(maxof <"$rss_log")
# the rate once warmed up: over the second half of the run, as the progress samples show it
steady_rate=$(awk '{t[NR]=$1; n[NR]=$2} END {a=int(NR/2); if (a<1 || NR-a<2) {print 0; exit} printf "%.0f", (n[NR]-n[a])/(t[NR]-t[a])}' "$progress_log")

echo "== edit loop (bench/edit-loop.sh $edit_runs)"
edit=$(bench/edit-loop.sh "$edit_runs" 2>&1 | tee "$work/edit.log" | awk '/^median:/ {print $2}')
cat "$work/edit.log" | sed 's/^/   /'

cat <<EOF

== results ($(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))
cold start, one diagnosis of $sample (median of $runs):
  rdp-doctor ${cold_tool} s, peak RSS ${rss_tool} MB    goal: < 0.5 s, < 150 MB
  floor      ${cold_base} s, peak RSS ${rss_base} MB    ratio tool/floor: $(ratio "$cold_tool" "$cold_base") x time
batch, $cases cases on stdin, traces kept (best of 2; whole process, start-up included):
  rdp-doctor ${tool_rate} cases/s, ${tool_cpu} us CPU per case, peak RSS ${tool_batch_rss} MB    goal: >= 40000 cases/s
  floor      ${base_rate} cases/s, ${base_cpu} us CPU per case    ratio tool/floor: $(ratio "$tool_rate" "$base_rate") x throughput, $(ratio "$tool_cpu" "$base_cpu") x CPU per case
memory, $memory_total cases through one process: ${memory_rate} cases/s overall, ${steady_rate} cases/s over the second half
  RSS at 10% / 50% / 95% of the run: ${rss_early} / ${rss_mid} / ${rss_late} MB, peak ${rss_peak} MB    goal: flat
edit loop (edit a rule, rules check + rules test): median ${edit} s    goal: < 3 s
EOF
