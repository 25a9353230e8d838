#!/bin/sh
# Action-link latency: value set → action start, local and across two Karaf instances, against a raw TCP round
# trip in the same run. Build first (no install needed):
#   ./mvnw -B -o -Pbench package -DskipTests
# Extra JVM system properties may follow, e.g. -Dkervi.bench.linkPulses=1000. See docs/performance.md.
set -e
cd "$(dirname "$0")/.."
H=bench/harness/target
exec java -Xms64m -Xmx512m \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$PWD/$H/bench-results" \
  "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" org.kervi.bench.ActionLinkBenchmark
