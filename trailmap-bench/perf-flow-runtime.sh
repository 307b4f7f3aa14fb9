#!/usr/bin/env bash
# Where the CPU of one FlowRuntimeBenchmark phase goes, every thread of the JVM, with Linux perf.
# Usage: trailmap-bench/perf-flow-runtime.sh OUTDIR [PHASE] [FlowRuntimeBenchmark options]
#   e.g. trailmap-bench/perf-flow-runtime.sh /tmp/perf timers --profiles 1000000 --parts waiting
# Records PHASE (timers, the default; or events with --parts events) for 13 s with frame pointers
# kept and the JIT's symbols written at exit, then prints the samples by thread and library. Needs
# perf (apt-get install -y linux-perf) and a built trailmap-bench/target/trailmap-bench.jar.
# SQLite's library is stripped, so its time shows as one block per thread, not by function.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$1"; shift
PHASE="${1:-timers}"; [[ $# -gt 0 ]] && shift
mkdir -p "$OUT"
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -n1)}/bin/java"
"$JAVA" -Xms4g -Xmx4g -XX:+UseG1GC -XX:+PreserveFramePointer -XX:+UnlockDiagnosticVMOptions \
  -XX:+DumpPerfMapAtExit --enable-native-access=ALL-UNNAMED \
  -cp trailmap-bench/target/trailmap-bench.jar trailmap.bench.FlowRuntimeBenchmark \
  --timer-seconds 15 "$@" >"$OUT/out.txt" 2>&1 &
PID=$!
# The benchmark marks each measured phase's start on stderr.
until grep -q "phase $PHASE starts" "$OUT/out.txt" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "the benchmark ended before phase $PHASE" >&2; exit 1; }
  sleep 0.2
done
perf record -F 999 -g -p "$PID" -o "$OUT/perf.data" -- sleep 13 >"$OUT/perf.log" 2>&1
wait "$PID"
perf report -i "$OUT/perf.data" --no-children --sort comm,dso --stdio -g none 2>/dev/null \
  | grep -v '^#' | grep -v '^$' | head -25
