#!/bin/sh
# Hardware benchmark (issue #11), one command: builds once (./mvnw -B -o -Pbench package -DskipTests; skip with
# --no-build), then (1) BME280 poll cost on Pi4J's mock I2C, JMH, against the bare register read of the same run;
# (2) mock input edge -> linked value in another instance (three Karaf instances), against a plain value event on
# the same path in the same run. Extra JVM system properties may follow, e.g. -Dkervi.bench.edges=2000
# -Dkervi.bench.edgeRate=100 -Dkervi.bench.debounce=0 -Dkervi.bench.rounds=2. See docs/performance.md.
set -e
cd "$(dirname "$0")/.."
if [ "$1" = "--no-build" ]; then
  shift
else
  ./mvnw -B -o -Pbench package -DskipTests
fi
RESULTS="$PWD/bench/harness/target/bench-results"
P=bench/hardware/target
java -Xms64m -Xmx256m -Dkervi.bench.resultsDir="$RESULTS" "$@" \
  -cp "$P/kervi-bench-hardware-0.1.0-SNAPSHOT.jar:$P/lib/*" org.kervi.bench.hardware.HardwarePollBenchmark
H=bench/harness/target
exec java -Xms64m -Xmx512m \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$RESULTS" \
  "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" org.kervi.bench.HardwareLatencyBenchmark
