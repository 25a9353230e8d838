#!/bin/sh
# Dashboard chart benchmark: the first paint of 24 h × 6 series (issue #10) in headless Chromium, and the page's
# frames while the six values change at 1 Hz. Build first (package, nothing into ~/.m2):
#   ./mvnw -B -o -Pbench package -DskipTests -pl bench/harness,bench/bundle -am
# Extra JVM system properties may follow, e.g. -Dkervi.bench.runs=3 -Dkervi.bench.feedSeconds=15.
set -e
cd "$(dirname "$0")/.."
H=bench/harness/target
exec java -Xms64m -Xmx512m \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$PWD/$H/bench-results" \
  "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" org.kervi.bench.ChartPaintBenchmark
