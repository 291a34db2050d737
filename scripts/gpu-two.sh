#!/usr/bin/env bash
# NOT YET RUN. Written on a CPU machine for a host of two GPUs (issue 19); no two-GPU machine was
# available when it was written, so nothing below has been seen to work there.
#
# On a host with two NVIDIA GPUs, from the project root, with .gpu (../shared/gpu/prepare) and, for
# spark, .spark-hadoop and .spark (scripts/prepare-spark-gpu) carried along (each in its own call to
# one warm machine: together they pass the 64 MiB a call carries):
#   . .gpu/setup.sh && bash scripts/gpu-two.sh [local|one|two|spark|all]   (local = one, then two)
# 1. local: the same 48 random candidates of the 7 audio families (--algorithm random, one batch, the
#    same seed), --workers auto, on GPU 0 alone, then on GPUs 0 and 1 (--devices 0,1): candidates per
#    hour, trials and energy per GPU (from the trial store), GPU busy % per GPU (nvidia-smi dmon).
# 2. spark: the Spark engine on a standalone Master and Worker started here (2 GPUs announced by
#    scripts/spark-gpu-discovery, one GPU per task, 2 slots); the executor is killed with SIGKILL
#    once the first trial is stored, and the study must still complete.
# Everything is written under $OUT (./gpu-two-out without it); summary.txt holds the figures.
# To try the Spark part on a CPU machine: GPU_TWO_TASK_GPUS=0 (tasks get no GPU and train on the
# CPU) and GPU_TWO_SPARK_SEARCH='--config tiny.yaml' (the study's options instead of the 7 families).
set -uo pipefail
: "${PARETONE_APP:?source .gpu/setup.sh first (../shared/gpu/README.md)}"
root="$(pwd)"
out="$(mkdir -p "${OUT:-gpu-two-out}" && cd "${OUT:-gpu-two-out}" && pwd)"
what="${1:-all}"
families=wavenet,samplernn,wavegan,vae,sing,gansynth,flow
java_flags=(--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED)

# Per study: trials by device and status with their energy, and the wall time of the search.
summarise() {
  python3 - "$out/runs/paretone.db" "$1" "$out/runs/$1/summary.json" <<'EOF' | tee -a "$out/summary.txt"
import json, sqlite3, sys
db, study, summary = sys.argv[1:4]
c = sqlite3.connect(db)
rows = c.execute("""SELECT COALESCE(json_extract(t.provenance_json, '$.device'), t.device), t.status, COUNT(*),
                    SUM(t.total_joules) FROM trials t JOIN studies s ON s.id = t.study_id WHERE s.name = ?
                    GROUP BY 1, 2 ORDER BY 1, 2""", (study,)).fetchall()
s = json.load(open(summary))
gpus = len({d for d, *_ in rows if d and d.startswith("gpu")}) or 1
per_hour = 3600 * s['trials'] / s['search_seconds']
print(f"{study}: {s['trials']} trials, search {s['search_seconds']:.0f} s, {per_hour:.0f} candidates per hour,"
      f" {per_hour / gpus:.0f} per GPU-hour on {gpus} GPU(s), stop: {s['stop_reason']}")
for device, status, n, joules in rows:
    print(f"  {device} {status}: {n} trials, {joules:.0f} J")
EOF
}

# Mean sm % and power per GPU over a dmon log (lines: gpu pwr gtemp mtemp sm mem ...).
busy() {
  awk '!/^#/ && NF > 5 {n[$1]++; sm[$1] += $5; w[$1] += $2}
       END {for (g in n) printf "  GPU %s: mean busy %.0f%%, mean power %.0f W over %d s\n", g, sm[g] / n[g], w[g] / n[g], n[g]}' \
    "$1" | tee -a "$out/summary.txt"
}

local_search() { # study name, devices
  nvidia-smi dmon -s pu -d 1 > "$out/$1-dmon.txt" 2>&1 &
  local dmon=$!
  java "${java_flags[@]}" -jar "$PARETONE_APP" search --families "$families" --algorithm random \
    --population 48 --generations 1 --workers auto --devices "$2" --seed 42 \
    --study "$1" --output "$out/runs" > "$out/$1.log" 2>&1
  local rc=$?
  kill "$dmon" 2>/dev/null
  echo "$1 (--devices $2): exit $rc" | tee -a "$out/summary.txt"
  summarise "$1"
  busy "$out/$1-dmon.txt"
}

spark_study() {
  local home="$root/.spark/home"
  [[ -d "$home/jars" ]] || { echo "gpu-two: .spark/home/jars missing; run scripts/prepare-spark-gpu on the CPU machine and carry .spark" >&2; return 2; }
  [[ -d "$root/.spark-hadoop" ]] || { echo "gpu-two: .spark-hadoop missing; carry it in an earlier call to this machine" >&2; return 2; }
  for module in jdk.security.auth jdk.net jdk.management.jfr; do
    java --list-modules | grep -q "^$module@" || { echo "gpu-two: the Java runtime lacks $module, which Spark (Hadoop's login, Netty, JFR's MXBean) loads; add it to the jlink modules of ../shared/gpu/prepare, delete .gpu/jre.tar.xz and prepare again" >&2; return 2; }
  done
  # Spark's jars that paretone's lib/ holds too (same versions) come from there; Hadoop's from .spark-hadoop.
  while IFS= read -r jar; do
    ln -sf "$(dirname "$PARETONE_APP")/lib/$jar" "$home/jars/$jar"
  done < "$root/.spark/shared-jars.txt"
  ln -sf "$root"/.spark-hadoop/*.jar "$home/jars/"
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOG_DIR="$out/spark-logs"
  local spark_opts
  spark_opts="$(tr '\n' ' ' < "$root/.spark/jvm-options")"
  mkdir -p "$out/spark-logs" "$out/spark-work"
  # shellcheck disable=SC2086
  java $spark_opts -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
    --webui-port 8080 > "$out/spark-logs/master.out" 2>&1 &
  local master=$!
  sleep 10
  # shellcheck disable=SC2086
  java $spark_opts -Dspark.worker.resource.gpu.amount=2 \
    -Dspark.worker.resource.gpu.discoveryScript="$root/scripts/spark-gpu-discovery" \
    -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 8081 \
    --work-dir "$out/spark-work" spark://127.0.0.1:7077 > "$out/spark-logs/worker.out" 2>&1 &
  local worker=$!
  sleep 10
  local app_jars
  app_jars="$(ls "$(dirname "$PARETONE_APP")"/paretone.jar "$(dirname "$PARETONE_APP")"/lib/*.jar \
    "$root/.spark/paretone-spark-engine.jar" | paste -sd, -)"
  # Executors take the GPU route of setup.sh (README, GPU: route 2).
  local executor_env=()
  for var in PYTORCH_LIBRARY_PATH PYTORCH_VERSION PYTORCH_FLAVOR DJL_CACHE_DIR; do
    [[ -n "${!var:-}" ]] && executor_env+=("-Dspark.executorEnv.$var=${!var}")
  done
  nvidia-smi dmon -s pu -d 1 > "$out/spark-dmon.txt" 2>&1 &
  local dmon=$!
  # shellcheck disable=SC2086
  java $spark_opts "${java_flags[@]}" -Dspark.jars="$app_jars" \
    -Dspark.executor.resource.gpu.amount=2 -Dspark.task.resource.gpu.amount="${GPU_TWO_TASK_GPUS:-1}" \
    "${executor_env[@]}" -cp "$PARETONE_APP:$root/.spark/paretone-spark-engine.jar:$home/jars/*" \
    io.paretone.experiments.cli.Main search --engine spark --master spark://127.0.0.1:7077 --workers 2 \
    ${GPU_TWO_SPARK_SEARCH:---families $families --population 4 --generations 2 --seed 42} \
    --study spark-two --output "$out/runs" > "$out/spark-two.log" 2>&1 &
  local driver=$!
  # Kill the executor (the Worker's child of that main class, by its id) once the first trial is stored.
  local killed=""
  while kill -0 "$driver" 2>/dev/null; do
    if [[ -z "$killed" ]] && python3 -c "import sqlite3,sys; c=sqlite3.connect('$out/runs/paretone.db'); \
sys.exit(0 if c.execute(\"SELECT COUNT(*) FROM trials WHERE status='COMPLETE'\").fetchone()[0] > 0 else 1)" 2>/dev/null; then
      killed="$(pgrep -P "$worker" -f org.apache.spark.executor.CoarseGrainedExecutorBackend | head -n 1)"
      [[ -n "$killed" ]] && kill -9 "$killed" && echo "spark: killed executor pid $killed after the first trial" | tee -a "$out/summary.txt"
    fi
    sleep 2
  done
  wait "$driver"
  local rc=$?
  kill "$dmon" "$worker" "$master" 2>/dev/null
  wait "$worker" "$master" 2>/dev/null
  echo "spark-two (standalone, 2 GPUs, one per task): exit $rc" | tee -a "$out/summary.txt"
  summarise spark-two
  busy "$out/spark-dmon.txt"
}

nvidia-smi --query-gpu=index,name,memory.total,power.limit --format=csv,noheader | tee "$out/summary.txt"
case "$what" in
  local) local_search one-gpu 0; local_search two-gpus 0,1 ;;
  one) local_search one-gpu 0 ;;
  two) local_search two-gpus 0,1 ;;
  spark) spark_study ;;
  all) local_search one-gpu 0; local_search two-gpus 0,1; spark_study ;;
  *) echo "usage: bash scripts/gpu-two.sh [local|one|two|spark|all]" >&2; exit 2 ;;
esac
