#!/usr/bin/env bash
# rdp-doctor serve under load, on this machine: wrk (Debian's package) sends POST /api/diagnose
# from 50 concurrent connections, each request one of the generated cases as JSON, and reports
# the median and 99th-percentile latency and the requests per second: for one result line per case
# (?format=jsonl, what the CLI's batch writes), for the whole diagnosis without the next checks, and
# with them weighed (about a hundred diagnoses each); then the same 50 connections paced to offer
# the goal's rate (3,000 a second: each waits between an answer and its next request, as people
# and ticket systems do), for the latency a help desk sees at that load, rather than the latency of a
# server kept saturated, which by Little's law is the connections over the rate; then a long run of a
# million requests samples the server's resident memory. The CLI's warm batch throughput on the
# same cases is measured too, for the ratio. Everything stays on 127.0.0.1 and stops by itself.
#
#   bench/serve.sh                 # Jetty (the tool's server), about 15 minutes
#   SERVER=jdk bench/serve.sh      # the same with the JDK's com.sun.net.httpserver, for comparison
#   LONG_REQUESTS=0 bench/serve.sh # without the long run
# Other knobs: PACED_RATE (3000), CONNECTIONS (50), THREADS (wrk's, 2), WARMUP (90s: the JIT takes that long on 2 cores), DURATION (30s), CASES (200000).
set -euo pipefail
cd "$(dirname "$0")/.."
server="${SERVER:-jetty}"
connections="${CONNECTIONS:-50}"
wrk_threads="${THREADS:-2}"
warmup="${WARMUP:-90s}"
duration="${DURATION:-30s}"
long_requests="${LONG_REQUESTS:-1000000}"
paced_rate="${PACED_RATE:-3000}"
cases="${CASES:-200000}"
port="${PORT:-18089}"
work="target/bench"
mkdir -p "$work"

command -v wrk >/dev/null 2>&1 || { echo "bench/serve.sh needs wrk: apt-get install -y wrk" >&2; exit 2; }

echo "== building (jar, benchmark classes)"
mvn -B -q -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
./rdp-doctor diagnose facts-samples/cert-expired.yaml >/dev/null 2>&1   # records the launcher's class-data archive
jar=target/rdp-doctor.jar
jar cf "$work/bench.jar" -C target/test-classes dev/rdpdoctor/bench -C target/test-classes dev/rdpdoctor/engine \
  -C target/test-classes dev/rdpdoctor/batch
cp="$jar:$work/bench.jar"

cases_file="$work/cases-$cases.jsonl"
if [ ! -f "$cases_file" ]; then
  echo "== generating $cases cases"
  java -cp "$cp" dev.rdpdoctor.bench.GenerateCases "$cases" 1 >"$cases_file.tmp" && mv "$cases_file.tmp" "$cases_file"
fi

store="$(mktemp -d "${TMPDIR:-/tmp}/rdp-doctor-bench-store.XXXXXX")"
log="$work/serve-$server.log"
start=$(date +%s%N)
if [ "$server" = jdk ]; then
  # the launcher's flags for serve, the JDK's server instead of Jetty
  # (without nodelay, its separate writes of headers and body wait out the client's delayed ACK: 40 ms each)
  java -XX:+UseParallelGC -Xms256m -Xmx256m -Xss2m -XX:-UsePerfData -Dsun.net.httpserver.nodelay=true -cp "$cp" \
    dev.rdpdoctor.bench.JdkHttpServe "$port" >"$log" 2>&1 &
else
  ./rdp-doctor serve --port "$port" --store "$store" >"$log" 2>&1 &
fi
pid=$!
stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$store"
}
trap stop EXIT
for _ in $(seq 1500); do
  if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.02
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
rss_idle=$(rss)
echo "   $server answers /health $ready_ms ms after it was started, RSS $rss_idle MB"

# $1: how long; $2: the path (by default one result line per case, the shape the CLI's batch
# writes, so that the two rates compare); $3, for a paced run: each connection's mean wait between
# an answer and its next request, in ms
run_wrk() {
  local script=bench/serve-diagnose.lua
  if [ -n "${3:-}" ]; then script=bench/serve-diagnose-paced.lua; fi
  wrk -t"$wrk_threads" -c"$connections" -d"$1" --timeout 10s -s "$script" "http://127.0.0.1:$port" -- \
    "$PWD/$cases_file" 2000 "${2:-/api/diagnose?format=jsonl}" ${3:+"$3"} | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

echo "== warm-up: $warmup"
run_wrk "$warmup" | sed 's/^/   /'
echo "== measured: $duration, $connections connections"
result=$(run_wrk "$duration")
echo "   $result"
rps=$(field rps <<<"$result"); p50=$(field p50_ms <<<"$result"); p99=$(field p99_ms <<<"$result")
errors=$(field errors <<<"$result")
rss_after=$(rss)
echo "== measured, the whole diagnosis (--format json's shape) without the next checks: $duration"
whole=$(run_wrk "$duration" "/api/diagnose?next_checks=false")
echo "   $whole"
echo "== measured, the whole diagnosis with the next checks weighed: $duration"
full=$(run_wrk "$duration" /api/diagnose)
echo "   $full"

echo "== paced: $connections connections offering about $paced_rate requests a second"
# a connection's cycle is its wait and its answer's time: a short run finds the time, and the wait is
# set so that the cycles give the rate
cycle=$(awk -v c="$connections" -v r="$paced_rate" 'BEGIN {printf "%.3f", c * 1000 / r}')
trial=$(run_wrk 10s "" "$cycle")
wait_ms=$(awk -v cyc="$cycle" -v c="$connections" -v got="$(field rps <<<"$trial")" \
  'BEGIN {w = (got > 0 ? cyc - (c * 1000 / got - cyc) : cyc); printf "%.3f", (w > 0 ? w : 0)}')
paced=$(run_wrk "$duration" "" "$wait_ms")
echo "   $paced (each connection waiting ${wait_ms} ms on average)"

long_line="(skipped)"
if [ "$long_requests" -gt 0 ]; then
  echo "== long run: $long_requests requests, resident memory after each 30 s"
  done_requests=0
  : >"$work/serve-rss.log"
  while [ "$done_requests" -lt "$long_requests" ]; do
    r=$(run_wrk 30s)
    done_requests=$(( done_requests + $(field requests <<<"$r") ))
    echo "$done_requests $(rss) $(field p99_ms <<<"$r") $(field errors <<<"$r")" | tee -a "$work/serve-rss.log" | sed 's/^/   requests, RSS MB, p99 ms, errors: /'
  done
  first=$(head -1 "$work/serve-rss.log" | cut -d' ' -f2)
  last=$(tail -1 "$work/serve-rss.log" | cut -d' ' -f2)
  peak=$(cut -d' ' -f2 "$work/serve-rss.log" | sort -n | tail -1)
  long_errors=$(awk '{s += $4} END {print s}' "$work/serve-rss.log")
  long_line="RSS after the first 30 s ${first} MB, at the end ${last} MB, peak ${peak} MB; ${done_requests} requests, ${long_errors} errors"
fi
stop
trap - EXIT

echo "== the CLI's warm batch throughput: $cases and twice $cases cases on stdin; the difference is warm"
batch_time() {
  /usr/bin/time -f '%e' -o "$work/serve-batch.time" "$@" >/dev/null 2>/dev/null
  cat "$work/serve-batch.time"
}
one=$(batch_time ./rdp-doctor diagnose - <"$cases_file")
two=$(batch_time bash -c "cat '$cases_file' '$cases_file' | ./rdp-doctor diagnose -")
warm=$(awk -v n="$cases" -v a="$one" -v b="$two" 'BEGIN {printf "%.0f", (b > a ? n / (b - a) : 0)}')
echo "   $cases cases ${one} s, $(( 2 * cases )) cases ${two} s: ${warm} cases/s warm"

cat <<EOF2

== results ($server, $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))
start-up: /health answers after ${ready_ms} ms, RSS ${rss_idle} MB idle
diagnose under ${connections} connections (${duration}): p50 ${p50} ms, p99 ${p99} ms, ${rps} requests/s, ${errors} errors, RSS ${rss_after} MB
   goal: >= 3000 requests/s; with every connection waiting for its answer, p50 is about the connections over the rate
the whole diagnosis: p50 $(field p50_ms <<<"$whole") ms, p99 $(field p99_ms <<<"$whole") ms, $(field rps <<<"$whole") requests/s, $(field errors <<<"$whole") errors
with the next checks weighed: p50 $(field p50_ms <<<"$full") ms, p99 $(field p99_ms <<<"$full") ms, $(field rps <<<"$full") requests/s, $(field errors <<<"$full") errors
paced to about ${paced_rate} a second: p50 $(field p50_ms <<<"$paced") ms, p99 $(field p99_ms <<<"$paced") ms, $(field rps <<<"$paced") requests/s, $(field errors <<<"$paced") errors
   goals: p50 <= 5 ms, p99 <= 25 ms at that rate
long run: ${long_line}    goal: flat
the CLI's warm batch: ${warm} cases/s; the server's rate is $(awk -v a="$rps" -v b="$warm" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}') x that
EOF2
