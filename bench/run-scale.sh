#!/bin/sh
# Scaling curves of issue #17, one per run: bench/run-scale.sh ids | instances | browsers | actions
# Build first: ./mvnw -B -o -Pbench package -DskipTests. Extra -D options may follow the curve's name
# (-Dkervi.bench.javaOpts=..., -Dkervi.bench.rate=..., see docs/performance.md, "Scaling curves").
# Charts (PNG) go to docs/perf/, the report to bench/harness/target/bench-results/scale-<curve>-<time>.md.
set -e
cd "$(dirname "$0")/.."
H=bench/harness/target
CURVE="$1"
[ -n "$CURVE" ] || { echo "usage: bench/run-scale.sh ids|instances|browsers|actions [-D...]" >&2; exit 2; }
shift
exec java -Xms64m -Xmx1g \
  -Dkervi.distribution="$(ls karaf-distribution/target/kervi-distribution-*.tar.gz | head -1)" \
  -Dkervi.bench.probe="$(ls bench/bundle/target/kervi-bench-bundle-*.jar | grep -v sources | head -1)" \
  -Dkervi.instancesDir="$PWD/$H/instances" -Dkervi.bench.resultsDir="$PWD/$H/bench-results" \
  -Djava.awt.headless=true "$@" -cp "$H/kervi-bench-harness-0.1.0-SNAPSHOT.jar:$H/lib/*" \
  org.kervi.bench.ScaleBenchmark "$CURVE"
