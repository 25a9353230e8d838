#!/usr/bin/env bash
# Builds Kervi (tests skipped) and starts the seed's fan demo as an application: the root instance (IPC hub, app
# code, supervisor) in the foreground, and the sensors and controllers modules in two Karaf child instances it
# spawns and supervises. Ctrl-D or `system:shutdown -f` at the prompt (or bin/stop from another terminal) runs
# app_exit and stops everything.
#   ./demo.sh              build, then start
#   ./demo.sh --no-build   start the distribution built last time
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -B -q -DskipTests install
fi
archive=$(ls karaf-distribution/target/kervi-distribution-*.tar.gz 2>/dev/null | head -n 1)
if [ -z "$archive" ]; then
  echo "No distribution built yet: run ./demo.sh without --no-build" >&2
  exit 1
fi

home=target/demo
if [ -x "$home/bin/stop" ]; then
  "$home/bin/stop" >/dev/null 2>&1 || true
fi
rm -rf "$home"
mkdir -p "$home"
tar xzf "$archive" -C "$home" --strip-components=1

cat > "$home/etc/org.kervi.ipc.cfg" <<'CFG'
# this root instance runs the IPC hub; module instances connect to it with the generated etc/kervi.secret
role = hub
applicationId = fan-demo
CFG
cat > "$home/etc/org.kervi.core.cfg" <<'CFG'
# the root's own components start when the application is ready, like the modules'
readyOnStart = false
CFG
cat > "$home/etc/org.kervi.app.cfg" <<'CFG'
appId = fan-demo
name = Fan demo
modules = sensors, controllers
module.sensors.features = kervi-example-sensors
module.controllers.features = kervi-example-controllers
CFG
# boot the IPC hub and the fan demo's app code (which brings the application supervisor) with the root
sed -i 's/^featuresBoot = \\/featuresBoot = kervi-ipc, kervi-example-app, kervi-dashboard, \\/' "$home/etc/org.apache.karaf.features.cfg"

cat <<'TXT'
Kervi fan demo starting: root instance here, modules 'sensors' and 'controllers' in child instances (~20 s).
Dashboard: http://127.0.0.1:8181/kervi/ (also from a phone on this network: http://<this host>:8181/kervi/)
Development login karaf/karaf; SSH on 127.0.0.1:8101. Try at the karaf@root prompt:
  kervi:modules                                 modules, pids, restarts
  kervi:values                                  cpu_load (sensors), fan_controller.* (controllers), app.*
  kervi:instances                               the instances connected to the hub
  kervi:action fan_controller.activate false    the fan stops (fan_speed 0) in the controllers instance
  kervi:action fan_controller.activate true
  kervi:dashboard-streams                       the browsers watching the dashboard
  kervi:module-restart sensors                  cpu_load leaves kervi:values and comes back; temp follows it again
Stop with Ctrl-D or system:shutdown -f: app_exit runs, then the modules stop.
TXT
exec "$home/bin/karaf"
