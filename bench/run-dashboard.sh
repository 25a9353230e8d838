#!/bin/sh
# Dashboard stream benchmark: sensor in Karaf A → IPC → root R (kervi-dashboard) → live stream → 20 clients in
# this JVM, at 1,000 events/s; plus the raw TCP baseline. Build first:
#   ./mvnw -B -Pbench install -DskipTests
# Extra JVM system properties may follow, e.g. -Dkervi.bench.clients=20 -Dkervi.bench.count=30000. See docs/performance.md.
set -e
cd "$(dirname "$0")/.."
H=bench/harness/target
exec java -Xms64m -Xmx512m \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$PWD/$H/bench-results" \
  "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" org.kervi.bench.DashboardBenchmark
