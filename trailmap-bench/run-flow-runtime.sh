#!/usr/bin/env bash
# Durable flow runtime benchmark (issue 6), each figure beside a baseline in the same run.
#  1. FlowRuntimeBenchmark, one JVM: the real event log, profile processor and flow runtime on
#     flows.db, driven on a settable clock: heap with profiles waiting, timers/s, events x 20
#     flows/s; baseline the pure engine with in-memory state (FlowBenchmark's workloads).
#  2. FlowLatencyBenchmark: starts `trailmap serve` in its own process (ZGC, as ./trailmap serve;
#     SERVER_JAVA_OPTS replaces that) with its SMTP pointed at a GreenMail inside the load
#     generator; time from an event's HTTP 200 to its email arriving; baseline a bare Angus send.
# Usage: trailmap-bench/run-flow-runtime.sh [FlowRuntimeBenchmark options] [-- FlowLatencyBenchmark options]
#   e.g. trailmap-bench/run-flow-runtime.sh --profiles 100000 --events 50000 -- --rate 1000
# SKIP_DURABLE=1 or SKIP_LATENCY=1 leaves out part 1 or 2.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RUNTIME_ARGS=()
LATENCY_ARGS=()
while [[ $# -gt 0 && "$1" != "--" ]]; do RUNTIME_ARGS+=("$1"); shift; done
[[ $# -gt 0 ]] && shift
LATENCY_ARGS=("$@")

./mvnw -q -B ${MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true -pl trailmap-bench -am package >/dev/null
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -n1)}/bin/java"
BENCH=trailmap-bench/target/trailmap-bench.jar

if [[ -z "${SKIP_DURABLE:-}" ]]; then
  "$JAVA" -Xms4g -Xmx4g -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -cp "$BENCH" \
    trailmap.bench.FlowRuntimeBenchmark ${RUNTIME_ARGS[@]+"${RUNTIME_ARGS[@]}"}
fi
[[ -n "${SKIP_LATENCY:-}" ]] && exit 0

DATA="$(mktemp -d -t trailmap-flow-latency.XXXXXX)"
# shellcheck source=free-port.sh
source trailmap-bench/free-port.sh
PORT="${PORT:-$(free_port 7391)}"
SMTP_PORT="${SMTP_PORT:-$(free_port $((PORT + 1)))}"
ADMIN="tm_bench-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TRAILMAP_ADMIN_KEY="$ADMIN" TRAILMAP_LOG_LEVEL=WARN \
  TRAILMAP_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT?from=bench@trailmap.test" \
  "$JAVA" ${SERVER_JAVA_OPTS:--XX:+UseZGC} -jar trailmap-app/target/trailmap.jar serve --port "$PORT" --data "$DATA" >"$DATA/server.out" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "the server did not start; its output:" >&2; cat "$DATA/server.out" >&2; exit 1; }

echo
echo "server pid $SERVER on port $PORT, data $DATA; its SMTP is 127.0.0.1:$SMTP_PORT; $(nproc) cores"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH" trailmap.bench.FlowLatencyBenchmark \
  --url "http://127.0.0.1:$PORT" --admin-key "$ADMIN" --smtp-port "$SMTP_PORT" ${LATENCY_ARGS[@]+"${LATENCY_ARGS[@]}"}
