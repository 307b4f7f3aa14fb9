#!/usr/bin/env bash
# Ingestion benchmark: starts `trailmap serve` in its own process on a fresh data directory,
# makes a write key, runs the load generator (a second process) against it, then stops the server.
# Usage: trailmap-bench/run-ingest.sh [IngestBenchmark options, e.g. --seconds 15 --rate 20000]
# The server runs with ZGC, as ./trailmap serve does; SERVER_JAVA_OPTS replaces that (e.g.
# SERVER_JAVA_OPTS=-XX:+UseG1GC to compare collectors).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >/dev/null
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -n1)}/bin/java"

DATA="$(mktemp -d -t trailmap-bench.XXXXXX)"
# shellcheck source=free-port.sh
source trailmap-bench/free-port.sh
PORT="${PORT:-$(free_port 7391)}"
ADMIN="tm_bench-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TRAILMAP_ADMIN_KEY="$ADMIN" TRAILMAP_LOG_LEVEL=WARN \
  "$JAVA" ${SERVER_JAVA_OPTS:--XX:+UseZGC} -jar trailmap-app/target/trailmap.jar serve --port "$PORT" --data "$DATA" >"$DATA/server.out" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  sleep 0.2
done
WRITE_KEY="$(curl -sf -X POST "http://127.0.0.1:$PORT/api/sources" \
  -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name": "bench", "channel": "web"}' | sed -n 's/.*"writeKey" *: *"\([^"]*\)".*/\1/p')"
[[ -n "$WRITE_KEY" ]] || { echo "could not create a source; server output:" >&2; cat "$DATA/server.out" >&2; exit 1; }

echo "server pid $SERVER on port $PORT, data $DATA; $(nproc) cores"
"$JAVA" -cp trailmap-bench/target/trailmap-bench.jar trailmap.bench.IngestBenchmark \
  --url "http://127.0.0.1:$PORT" --write-key "$WRITE_KEY" "$@"
