#!/bin/sh
# IPC benchmark over MQTT: a real Mosquitto, a raw Paho client-to-client baseline through it, then two Karaf
# instances with transport = mqtt through the same broker. Build first (never `install`):
#   ./mvnw -B -o -Pbench package -DskipTests
# Extra JVM system properties may follow, e.g. -Dkervi.bench.skipRaw=true. See docs/performance.md, "IPC over MQTT".
set -e
cd "$(dirname "$0")/.."
H=bench/harness/target
exec java -Xms64m -Xmx512m \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$PWD/$H/bench-results" \
  "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" org.kervi.bench.IpcMqttBenchmark
