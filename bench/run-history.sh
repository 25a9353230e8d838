#!/bin/sh
# History store benchmark (issue #10): SQLite and PostgreSQL inserts and the 24 h query, each with its baseline.
# Build first: ./mvnw -B -Pbench package -pl bench/history -am -DskipTests. See docs/performance.md.
set -e
cd "$(dirname "$0")/.."
H=bench/history/target
exec java -Xms64m -Xmx256m "$@" -cp "$H/kervi-bench-history-0.1.0-SNAPSHOT.jar:$H/lib/*" \
  org.kervi.history.internal.HistoryStoreBenchmark
