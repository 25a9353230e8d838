#!/usr/bin/env bash
# Footprint benchmark: the fan demo as ./demo.sh runs it (root with dashboard + two module instances); measures
# "demo up" (launch → the root's ready line on its stdout), then RSS/PSS after a settle time. Build first (package,
# not install: ~/.m2 stays as it was):
#   ./mvnw -B -Pbench package -DskipTests
# Extra JVM system properties may follow, e.g. -Dkervi.bench.settleSeconds=30. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
H=bench/harness/target
archive=$(ls karaf-distribution/target/kervi-distribution-*.tar.gz 2>/dev/null | head -n 1 || true)
jar=$(ls "$H"/kervi-bench-harness-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$archive" ] || [ -z "$jar" ]; then
  echo "Build first: ./mvnw -B -Pbench package -DskipTests" >&2
  exit 1
fi
echo "[footprint] load average before launch: $(cut -d' ' -f1-3 /proc/loadavg) (1 / 5 / 15 min) on $(nproc) CPUs"
exec java -Xms64m -Xmx512m \
  -Dkervi.distribution="$archive" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$PWD/$H/bench-results" \
  "$@" -cp "$jar:$H/lib/*" org.kervi.bench.FootprintBenchmark
