#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against a real local Synapse.
# Needs only the Swift toolchain and a Debian-like system; installs the rest itself.
#
# The tests run side by side, at most PEERBOT_TEST_WIDTH at once (default 40): the integration
# tests spend their time waiting on the bot's timers and on Synapse, not computing, and the run
# lasts as long as its longest test when that one need not wait for a place.
# SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH, when set, wins (it is Swift Testing's own knob).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SYNAPSE="$ROOT/scripts/synapse.sh"
# Extra instances the integration tests may start; stopped here too in case a test died early.
INSTANCES=(test tight outage selftest defaults)
# The shared Synapse listens on PORT_BASE; the tests put their extra instances on the next ports.
PORT_BASE="${PEERBOT_TEST_PORT_BASE:-18008}"
WIDTH="${PEERBOT_TEST_WIDTH:-40}"

stop_all() {
  for name in "${INSTANCES[@]}"; do
    "$SYNAPSE" stop "$name" || true
  done
}

# The build needs the system packages; Synapse's venv and its start-up overlap the build.
"$SYNAPSE" install-packages
# The narrow-screen test lays the reports out 360 px wide in headless Chromium (Debian's package).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium for the narrow-screen test" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # A fresh machine may have no package lists yet: read them once and try again.
  $SUDO apt-get install -y --no-install-recommends chromium \
    || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium; }
fi
trap stop_all EXIT
( "$SYNAPSE" install && "$SYNAPSE" start test "$PORT_BASE" >/dev/null ) &
synapse_job=$!
build_status=0
swift build --build-tests || build_status=$?
synapse_status=0
wait "$synapse_job" || synapse_status=$?
[ "$build_status" -eq 0 ] || exit "$build_status"
[ "$synapse_status" -eq 0 ] || { echo "test.sh: Synapse did not install or start" >&2; exit "$synapse_status"; }

export PEERBOT_TEST_SYNAPSE="http://127.0.0.1:$PORT_BASE"
export PEERBOT_TEST_PORT_BASE="$PORT_BASE"
export PEERBOT_TEST_ROOT="$ROOT"
# PEERBOT_BIN may name another build of the bot (the integration suites run it), e.g. the static release one.
export PEERBOT_BIN="${PEERBOT_BIN:-$ROOT/.build/debug/peerbot}"
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH:-$WIDTH}"

# Built above, so no second build step (and no need for SwiftPM's lock on .build).
run_tests() { swift test --skip-build --ignore-lock "$@"; }

if [ $# -gt 0 ]; then
  status=0
  run_tests "$@" || status=$?
  exit "$status"
fi

# Everything: the unit tests compute and the integration tests wait, so the unit tests run
# beside them in a process of their own (their long computations would hold the integration
# tests' few task threads) at a lower priority, so that Synapse and the bots get the CPU when
# they need it. Their report follows the integration tests'.
unit_log="$(mktemp)"
# The test bundle is run directly: two `swift test` processes starting together can find
# SwiftPM's build database locked by each other.
tests_binary="$(swift build --show-bin-path)/peerbotPackageTests.xctest"
nice -n 10 "$tests_binary" --testing-library swift-testing --skip IntegrationTests >"$unit_log" 2>&1 &
unit_job=$!
integration_status=0
run_tests --filter IntegrationTests || integration_status=$?
unit_status=0
wait "$unit_job" || unit_status=$?
cat "$unit_log"
rm -f "$unit_log"
[ "$integration_status" -eq 0 ] || exit "$integration_status"
exit "$unit_status"
