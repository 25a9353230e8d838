#!/usr/bin/env bash
# Builds Kervi (unit and integration tests skipped) and starts the distribution in the foreground with the
# fan demo modules installed. Stop it with Ctrl-D or `system:shutdown -f` at the karaf@root prompt.
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
rm -rf "$home"
mkdir -p "$home"
tar xzf "$archive" -C "$home" --strip-components=1

# A features file in deploy/ with install="auto" is Karaf's own way to install features at start.
cat > "$home/deploy/fan-demo.xml" <<'XML'
<features name="fan-demo" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
  <feature name="fan-demo" install="auto" description="Kervi fan demo: sensors and controllers modules">
    <feature>kervi-example-sensors</feature>
    <feature>kervi-example-controllers</feature>
  </feature>
</features>
XML

cat <<'TXT'
Kervi fan demo starting (development login karaf/karaf; SSH on 127.0.0.1:8101).
Try at the karaf@root prompt:
  kervi:components
  kervi:values
  kervi:links
  kervi:action fan_controller.activate true
  kervi:value-get fan_controller.fan_speed
  kervi:value-set fan_controller.temp 60      (the link to cpu_load overwrites it at the next reading)
  kervi:action fan_controller.activate false
Stop with Ctrl-D or system:shutdown -f.
TXT
exec "$home/bin/karaf"
