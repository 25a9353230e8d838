#!/bin/sh
# IPC benchmark twice in one run (issue 15): instance B (client: sink + echo, the module side) with the module
# instances' JVM options before the tuning, then with the application's current default (org.kervi.app
# moduleJavaOpts); A (hub) keeps the distribution default. Compare the two reports' tables. Build first:
#   ./mvnw -B -Pbench package -DskipTests
set -e
cd "$(dirname "$0")"
BEFORE="-Xms16m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m"
AFTER="-Xms16m -Xmx64m -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss256k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m"
echo "[ipc-module-opts] load average: $(cut -d' ' -f1-3 /proc/loadavg) (1 / 5 / 15 min) on $(nproc) CPUs"
echo "[ipc-module-opts] B with the module options before the tuning: $BEFORE"
./run-ipc.sh -Dkervi.bench.clientJavaOpts="$BEFORE" "$@"
echo "[ipc-module-opts] load average: $(cut -d' ' -f1-3 /proc/loadavg) (1 / 5 / 15 min)"
echo "[ipc-module-opts] B with the module options after the tuning: $AFTER"
./run-ipc.sh -Dkervi.bench.clientJavaOpts="$AFTER" "$@"
