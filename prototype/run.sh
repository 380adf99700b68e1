#!/usr/bin/env bash
# Measures the vocabulary prototype (docs/vocabulary-design.md) against today's records, each
# pair of runs alternating so both see the same machine. Needs the jar: mvn -B -q -o package -DskipTests
# Usage: prototype/run.sh [all|compile|cold|session|equivalence]   Knobs: RUNS=5 SAMPLE=... ROUNDS=300
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
runs="${RUNS:-5}"
rounds="${ROUNDS:-300}"
sample="${SAMPLE:-facts-samples/cert-expired.yaml}"
jar=target/rdp-doctor.jar
out=prototype/target
mkdir -p "$out/classes"
main=dev.rdpdoctor.knowledge.VocabularyPrototype

javac -nowarn -cp "$jar" -d "$out/classes" prototype/src/dev/rdpdoctor/*/*.java prototype/src/dev/rdpdoctor/*/*/*.java
if [ ! -f "$out/declared/prototype/vocabulary.bin" ] || [ ! -f "$out/declared/prototype/declared-models.txt" ] || [ -n "$(find rules -newer "$out/declared/prototype/declared-models.txt" -print -quit)" ]; then
  rm -rf "$out/declared"
  java -cp "$jar:$out/classes" "$main" precompile-declared "$out/declared"
fi
# class-data sharing needs jars; the declared rule classes carry the bundled ones' names, so they come first
jar cf "$out/records.jar" -C "$out/classes" .
jar cf "$out/declared.jar" -C "$out/classes" . -C "$out/declared" .
records_cp="$jar:$out/records.jar"
declared_cp="$out/declared.jar:$jar"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# one timed run: "wall cpu" (cpu = user + sys)
timed() { /usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'; }

if [ "$what" = all ] || [ "$what" = equivalence ]; then
  echo "== equivalence"
  java -Ddeclared.dir="$out/declared" -cp "$records_cp" "$main" equivalence
  java -cp "$records_cp" "$main" equivalence-drl
fi

if [ "$what" = all ] || [ "$what" = compile ]; then
  for path in compile-model compile-drl; do
    echo "== $path of the bundled rules: $runs fresh JVMs each, alternating (wall s, cpu s)"
    : >"$out/$path-records"; : >"$out/$path-declared"
    for _ in $(seq "$runs"); do
      timed java -XX:+UseSerialGC -cp "$records_cp" "$main" "$path" records >>"$out/$path-records"
      timed java -XX:+UseSerialGC -cp "$records_cp" "$main" "$path" declared >>"$out/$path-declared"
    done
    for v in records declared; do
      echo "   $v: wall median $(awk '{print $1}' "$out/$path-$v" | median) s, cpu median $(awk '{print $2}' "$out/$path-$v" | median) s   ($(awk '{printf "%s/%s ", $1, $2}' "$out/$path-$v"))"
    done
  done
  echo "== the alternative: the vocabulary's types as Java records compiled by javac in memory"
  for _ in 1 2 3; do java -XX:+UseSerialGC -cp "$records_cp" "$main" javac-records; done
fi

if [ "$what" = all ] || [ "$what" = cold ]; then
  single=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss2m -XX:-UsePerfData)
  java "${single[@]}" -XX:ArchiveClassesAtExit="$out/records.jsa" -cp "$records_cp" "$main" cold records "$sample" >/dev/null 2>&1
  java "${single[@]}" -XX:ArchiveClassesAtExit="$out/declared.jsa" -cp "$declared_cp" "$main" cold declared "$sample" >/dev/null 2>&1
  java "${single[@]}" -XX:ArchiveClassesAtExit="$out/declared-bin.jsa" -cp "$declared_cp" "$main" cold declared-bin "$sample" >/dev/null 2>&1
  echo "== cold: one case (load precompiled rules, read, insert, fire) with the launcher's JVM flags and CDS; $((runs * 2)) runs each, alternating"
  : >"$out/cold-records"; : >"$out/cold-declared"; : >"$out/cold-declared-bin"
  for _ in $(seq $((runs * 2))); do
    timed java "${single[@]}" -XX:SharedArchiveFile="$out/records.jsa" -Xshare:auto -cp "$records_cp" "$main" cold records "$sample" >>"$out/cold-records"
    timed java "${single[@]}" -XX:SharedArchiveFile="$out/declared.jsa" -Xshare:auto -cp "$declared_cp" "$main" cold declared "$sample" >>"$out/cold-declared"
    timed java "${single[@]}" -XX:SharedArchiveFile="$out/declared-bin.jsa" -Xshare:auto -cp "$declared_cp" "$main" cold declared-bin "$sample" >>"$out/cold-declared-bin"
  done
  for v in records declared declared-bin; do
    echo "   $v: wall median $(awk '{print $1}' "$out/cold-$v" | median) s, cpu median $(awk '{print $2}' "$out/cold-$v" | median) s   ($(awk '{printf "%s ", $1}' "$out/cold-$v"))"
  done
  java "${single[@]}" -XX:SharedArchiveFile="$out/records.jsa" -Xshare:auto -cp "$records_cp" "$main" cold records "$sample"
  java "${single[@]}" -XX:SharedArchiveFile="$out/declared.jsa" -Xshare:auto -cp "$declared_cp" "$main" cold declared "$sample"
  java "${single[@]}" -XX:SharedArchiveFile="$out/declared-bin.jsa" -Xshare:auto -cp "$declared_cp" "$main" cold declared-bin "$sample"
fi

if [ "$what" = all ] || [ "$what" = session ]; then
  echo "== warm, per case: reading into facts, and a session (new, insert, fire, dispose); $rounds rounds of every sample"
  for _ in 1 2; do
    java -cp "$records_cp" "$main" session records "$rounds"
    java -Ddeclared.dir="$out/declared" -cp "$records_cp" "$main" session declared "$rounds"
    java -Ddeclared.dir="$out/declared" -cp "$records_cp" "$main" session declared-mh "$rounds"
  done
fi
