#!/bin/sh
# Scheduler precision benchmark (issue #13): p99 lateness of a 1 s schedule over 10 minutes in a real Karaf instance,
# against a plain ScheduledExecutorService in the same JVM (the baseline). Builds once (./mvnw -B -o -Pbench package
# -DskipTests; skip with --no-build). --quick runs 60 s instead of 600. Extra JVM system properties may follow,
# e.g. -Dkervi.bench.scheduleSeconds=120. See docs/performance.md.
set -e
cd "$(dirname "$0")/.."
if [ "$1" = "--no-build" ]; then
  shift
else
  ./mvnw -B -o -Pbench package -DskipTests
fi
SECONDS_PROP=""
if [ "$1" = "--quick" ]; then
  shift
  SECONDS_PROP="-Dkervi.bench.scheduleSeconds=60"
fi
RESULTS="$PWD/bench/harness/target/bench-results"
H=bench/harness/target
exec java -Xms64m -Xmx256m \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$RESULTS" $SECONDS_PROP \
  "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" org.kervi.bench.SchedulePrecisionBenchmark
