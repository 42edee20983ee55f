#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against a real local Synapse.
# Needs only the Swift toolchain and a Debian-like system; installs the rest itself.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SYNAPSE="$ROOT/scripts/synapse.sh"
# Extra instances the integration tests may start; stopped here too in case a test died early.
INSTANCES=(test tight outage selftest defaults)
# The shared Synapse listens on PORT_BASE; the tests put their extra instances on the next ports.
PORT_BASE="${PEERBOT_TEST_PORT_BASE:-18008}"

stop_all() {
  for name in "${INSTANCES[@]}"; do
    "$SYNAPSE" stop "$name" || true
  done
}

"$SYNAPSE" install
# The narrow-screen test lays the reports out 360 px wide in headless Chromium (Debian's package).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium for the narrow-screen test" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # A fresh machine may have no package lists yet: read them once and try again.
  $SUDO apt-get install -y --no-install-recommends chromium \
    || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium; }
fi
swift build --build-tests

trap stop_all EXIT
"$SYNAPSE" start test "$PORT_BASE" >/dev/null

export PEERBOT_TEST_SYNAPSE="http://127.0.0.1:$PORT_BASE"
export PEERBOT_TEST_PORT_BASE="$PORT_BASE"
export PEERBOT_TEST_ROOT="$ROOT"
# PEERBOT_BIN may name another build of the bot (the integration suites run it), e.g. the static release one.
export PEERBOT_BIN="${PEERBOT_BIN:-$ROOT/.build/debug/peerbot}"

status=0
swift test "$@" || status=$?
exit "$status"
