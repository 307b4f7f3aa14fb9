#!/usr/bin/env bash
# Flow engine benchmark (issue 6, engine side): the pure engine with in-memory state, beside
# baselines in the same run. No server, no durable store.
# Usage: trailmap-bench/run-flows.sh [--profiles 1000000 --events 1000000 --event-profiles 200000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

./mvnw -q -B ${MVN_FLAGS:-} -DskipTests -Dspotless.check.skip=true -pl trailmap-bench -am package >/dev/null
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -n1)}/bin/java"
"$JAVA" -Xms4g -Xmx4g -XX:+UseG1GC -cp trailmap-bench/target/trailmap-bench.jar \
  trailmap.bench.FlowBenchmark "$@"
