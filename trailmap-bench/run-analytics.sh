#!/usr/bin/env bash
# Analytics benchmark (issue 5): generates events in-process, builds the analytics table, times
# funnel, discover and paths, and the same funnel as SQL in an in-memory DuckDB, in one JVM.
# Usage: trailmap-bench/run-analytics.sh [AnalyticsBenchmark options, e.g. --events 10000000 --runs 7]
# JAVA_OPTS overrides the JVM options (default: -Xmx8g -XX:+UseG1GC); SKIP_BUILD=1 skips the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -q -B -pl trailmap-bench -am -DskipTests -Dspotless.check.skip=true package >/dev/null
fi
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -n1)}/bin/java"

echo "$(nproc) cores; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$JAVA" ${JAVA_OPTS:--Xmx8g -XX:+UseG1GC} --enable-native-access=ALL-UNNAMED \
  -cp trailmap-bench/target/trailmap-bench.jar trailmap.bench.AnalyticsBenchmark "$@"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
