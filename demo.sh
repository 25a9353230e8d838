#!/usr/bin/env bash
# Builds Kervi (tests skipped) and starts the seed's fan demo as an application: the root instance (IPC hub,
# dashboard, app code, supervisor) and the sensors and controllers modules in two Karaf child instances it spawns
# and supervises. `./demo.sh greenhouse` starts the greenhouse demo instead (examples/greenhouse: sensors and
# actuators modules on Pi4J's mock platform with a simulated greenhouse), in target/demo-greenhouse.
#   ./demo.sh              build, then start
#   ./demo.sh greenhouse   the greenhouse demo (same options)
#   ./demo.sh --no-build   start the distribution built last time
#   ./demo.sh --server     no console even in a terminal
# In a terminal the root's console runs in the foreground (leave with Ctrl-D or system:shutdown -f). Without one
# (output piped or redirected, nohup, CI) the root runs as a server (bin/karaf daemon) in the foreground: nothing
# reads stdin, the script says how to attach a shell, and Ctrl-C or SIGTERM stops the application: app_exit runs,
# then the modules stop.
set -euo pipefail
cd "$(dirname "$0")"

build=true
demo=fan
console=false
if [ -t 0 ] && [ -t 1 ]; then
  console=true
fi
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --server) console=false ;;
    fan|greenhouse) demo=$arg ;;
    *) echo "Unknown option '$arg' (use greenhouse, --no-build, --server)" >&2; exit 2 ;;
  esac
done

home=target/demo
if [ "$demo" = greenhouse ]; then
  home=target/demo-greenhouse
fi
build_log=target/demo-build.log
ports="8181 8101 9500"            # dashboard (pax-web), SSH, IPC hub
ready_timeout=180                 # seconds from launch to the ready line before the script says something is wrong

# Karaf's scripts warn without JAVA_HOME, and Maven needs a JDK: take the one of the java on the PATH.
if [ -z "${JAVA_HOME:-}" ]; then
  if ! java_bin=$(command -v java); then
    echo "No Java found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME" >&2
    exit 1
  fi
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
  export JAVA_HOME
fi
java_version=$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ -z "$java_version" ] || [ "$java_version" -lt 17 ]; then
  echo "Java 17 or newer needed; JAVA_HOME=$JAVA_HOME has '${java_version:-unknown}'" >&2
  exit 1
fi

if $build; then
  if [ ! -x "$JAVA_HOME/bin/javac" ]; then
    echo "JAVA_HOME=$JAVA_HOME has no javac: the build needs a JDK, not a JRE" >&2
    exit 1
  fi
  mkdir -p target
  echo "Building Kervi, tests skipped (about a minute; the first build downloads Karaf and plugins into ~/.m2)."
  echo "Maven's full output: $build_log"
  # a stale assembly/ folder would end up in the archive (Karaf assembly pitfall): rebuild the distribution afresh
  rm -rf karaf-distribution/target
  started=$SECONDS
  # package, not install: ~/.m2 stays as it was; Maven's per-module lines show the progress
  if ! ./mvnw -B -ntp -DskipTests package -pl karaf-distribution -am 2>&1 | tee "$build_log" \
      | sed -u -n -E 's/^\[INFO\] Building (.*[^ ]) [^ ]+ +\[([0-9]+\/[0-9]+)\]$/  [\2] \1/p'; then
    echo "Build failed. The end of $build_log:" >&2
    grep -E '^\[ERROR\]' "$build_log" | head -n 30 >&2 || tail -n 30 "$build_log" >&2
    exit 1
  fi
  echo "Built in $((SECONDS - started)) s."
fi
archive=$(ls karaf-distribution/target/kervi-distribution-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$archive" ]; then
  echo "No distribution built yet: run ./demo.sh without --no-build" >&2
  exit 1
fi

# The warning development mode owes: every door karaf/karaf opens.
development_warning() {
  cat <<'TXT'
WARNING: development mode (kervi.mode = development). The login karaf/karaf opens:
  - the dashboard on every interface, plain HTTP: http://<this host>:8181/kervi/
  - the SSH shell on 127.0.0.1:8101 (and each module instance's SSH shell on 127.0.0.1, see kervi:modules)
  - JMX on 127.0.0.1 (RMI registry 1099, RMI server 44444)
  The IPC hub on 127.0.0.1:9500 takes only module instances that know etc/kervi.secret (0600), not this login.
  Never run development mode on a network you do not trust; production is the default (docs/security.md).
TXT
}

# What to try, printed before the start.
fan_hints() {
  cat <<'TXT'
Kervi fan demo starting: root instance here, modules 'sensors' and 'controllers' in child instances (~20 s).
Dashboard: http://127.0.0.1:8181/kervi/ (also from a phone on this network: http://<this host>:8181/kervi/)
Login karaf/karaf (development mode, see the warning below). In the root's shell try:
  kervi:modules                                 modules, pids, restarts
  kervi:module-info sensors                     one module: state, last exit, its last log lines
  kervi:values                                  cpu_load (sensors), fan_controller.* (controllers), app.*
  kervi:instances                               the instances connected to the hub
  kervi:action fan_controller.activate false    the fan stops (fan_speed 0) in the controllers instance
  kervi:action fan_controller.activate true
  kervi:dashboard-streams                       the browsers watching the dashboard
  kervi:history cpu_load --since 10m            recorded history (table + sparkline; --csv), kervi:history-status
  kervi:module-restart sensors                  cpu_load leaves kervi:values and comes back; temp follows it again
TXT
}

greenhouse_hints() {
  cat <<'TXT'
Kervi greenhouse demo starting: root instance here, modules 'sensors' and 'actuators' in child instances on Pi4J's
mock platform, with a simulated greenhouse around them (~20 s).
Dashboard: http://127.0.0.1:8181/kervi/ (also from a phone on this network: http://<this host>:8181/kervi/)
Login karaf/karaf (development mode, see the warning below). In the root's shell try:
  kervi:values                                  soil_moisture, air_*, water_temperature, greenhouse.*, pump_relay
  kervi:value-get greenhouse.pump               the pump relay: on below greenhouse.dry_below, off above wet_above
  kervi:value-set greenhouse.dry_below 35       water earlier
  kervi:value-set greenhouse_sim.speed 100      the simulated greenhouse 100 times faster than real time
  kervi:action greenhouse.activate false        climate control off: pump off, fan stopped, vent closed
  kervi:history soil_moisture --since 10m       recorded history (table + sparkline)
TXT
}

busy_port() {
  for port in $ports; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}
stopped_last=false
for last in target/demo target/demo-greenhouse; do
  if [ -x "$last/bin/stop" ] && "$last/bin/stop" >/dev/null 2>&1; then
    stopped_last=true
  fi
done
if $stopped_last; then
  echo "Stopping the demo started last time ..."
  for _ in $(seq 60); do
    [ -z "$(busy_port)" ] && break
    sleep 0.5
  done
fi
port=$(busy_port)
if [ -n "$port" ]; then
  echo "Port $port is in use (another demo or Karaf still running?); the demo needs $ports." >&2
  exit 1
fi
rm -rf "$home"
mkdir -p "$home"
tar xzf "$archive" -C "$home" --strip-components=1

# The application is a deployable, as an operator installs one (docs/operators.md, "Applications as deployables"):
# its configuration into etc/, its features file into deploy/ (Karaf installs the application's features from there).
case "$demo" in
  fan) application="$home/applications/fan-demo" ;;
  *) application="$home/applications/$demo" ;;
esac
cp "$application"/etc/*.cfg "$home/etc/"
cp "$application"/deploy/* "$home/deploy/"
# Development mode (login karaf/karaf; the module instances inherit it) and the dashboard on every interface, for
# phones: system properties of this start only (etc/org.ops4j.pax.web.cfg reads kervi.dashboard.addresses)
KARAF_OPTS="${KARAF_OPTS:-} -Dkervi.mode=development -Dkervi.dashboard.addresses=0.0.0.0"
export KARAF_OPTS
${demo}_hints

development_warning

if $console; then
  echo "Stop with Ctrl-D or system:shutdown -f: app_exit runs, then the modules stop."
  exec "$home/bin/karaf"
fi

echo "No terminal: the root runs as a server (bin/karaf daemon); its output follows."
# A session of its own: a terminal's Ctrl-C reaches this script only, which asks the root to stop; the root then
# runs app_exit and stops the module instances itself (a Ctrl-C reaching them too would kill them first).
if command -v setsid >/dev/null; then
  setsid "$home/bin/karaf" daemon </dev/null &
else
  "$home/bin/karaf" daemon </dev/null &
fi
root_pid=$!
# Messages never end the script: after a Ctrl-C the reader of a pipe (| tee, | cat) may be gone already.
say() { echo "$@" 2>/dev/null || true; }
stop_root() {
  kill -TERM "$root_pid" 2>/dev/null || true
  say "Stopping the application (app_exit, then the modules) ..."
}
trap stop_root INT TERM HUP
trap 'kill -TERM "$root_pid" 2>/dev/null || true' EXIT

launched=$SECONDS
until grep -q "Kervi application '.*' ready in" "$home/data/log/karaf.log" 2>/dev/null; do
  if ! kill -0 "$root_pid" 2>/dev/null; then
    break
  fi
  if [ $((SECONDS - launched)) -ge "$ready_timeout" ]; then
    say "No ready line after $ready_timeout s; still running. Look at $home/data/log/karaf.log"
    break
  fi
  sleep 0.5
done
if kill -0 "$root_pid" 2>/dev/null; then
  say "Attach a shell: $home/bin/client -u karaf -p karaf   (or: ssh -p 8101 karaf@127.0.0.1)"
  say "Logs: $home/data/log/karaf.log, modules in $home/instances/<module>/data/log/karaf.log"
  say "Stop: Ctrl-C here, kill $root_pid, or system:shutdown -f in the shell."
fi

status=0
while kill -0 "$root_pid" 2>/dev/null; do
  wait "$root_pid" || status=$?
done
trap - INT TERM HUP EXIT
if [ "$status" -eq 143 ] || [ "$status" -eq 0 ]; then
  say "Stopped."
  exit 0
fi
say "The root instance exited with status $status; see $home/data/log/karaf.log"
exit "$status"
