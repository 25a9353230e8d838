#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs every test.
#   ./test.sh                 set-up, then ./mvnw -B verify (unit, Pax Exam, multi-instance, browser, MQTT, package)
#   ./test.sh -Dit.test=X     set-up, then ./mvnw -B verify -Dit.test=X (any Maven arguments are passed on)
#   ./test.sh --setup-only    set-up only: says what is missing, installs it (or names the command), runs no test
# What the tests need from Debian: chromium + chromium-driver (browser tests), mosquitto + mosquitto-clients (MQTT
# tests start their own broker), dpkg-deb (the Debian package test). As root the script installs what is missing
# with apt-get, as a user with sudo (a password prompt only in a terminal); otherwise it stops at once with the
# exact command to run. Each binary's path can be pointed elsewhere (KERVI_NEED_CHROMIUM, ...): the check's own test
# (itests TestSetupIT) runs it against paths that do not exist.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Debian package, then the file that shows it is installed
needs=(
  "chromium ${KERVI_NEED_CHROMIUM:-/usr/bin/chromium}"
  "chromium-driver ${KERVI_NEED_CHROMEDRIVER:-/usr/bin/chromedriver}"
  "mosquitto ${KERVI_NEED_MOSQUITTO:-/usr/sbin/mosquitto}"
  "mosquitto-clients ${KERVI_NEED_MOSQUITTO_CLIENTS:-/usr/bin/mosquitto_pub}"
  "dpkg ${KERVI_NEED_DPKG_DEB:-/usr/bin/dpkg-deb}"
)
# the user id deciding between apt-get and sudo apt-get (the test of this script pretends to be a user)
uid=${KERVI_SETUP_UID:-$(id -u)}

setup_only=false
if [ "${1:-}" = "--setup-only" ]; then
  setup_only=true
  shift
fi

missing_packages() {
  local need package file
  for need in "${needs[@]}"; do
    package=${need%% *}
    file=${need#* }
    if [ ! -x "$file" ]; then
      printf '%s ' "$package"
    fi
  done
}

missing=$(missing_packages)
if [ -n "$missing" ]; then
  missing=${missing% }
  install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing"
  echo "The tests need Debian packages that are missing: $missing"
  if [ "$uid" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    sudo="sudo"
  else
    echo "Install them as root, then run ./test.sh again:" >&2
    echo "  sudo sh -c '$install'" >&2
    exit 1
  fi
  echo "Installing them: ${sudo:+sudo }apt-get install -y $missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086 # one word per package
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
  still=$(missing_packages)
  if [ -n "$still" ]; then
    echo "apt-get ran, but these are still missing: $still(see the apt-get output above)" >&2
    exit 1
  fi
fi
echo "Everything the tests need is installed."
if $setup_only; then
  exit 0
fi
exec ./mvnw -B verify "$@"
