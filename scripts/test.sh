#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against a real local Synapse.
# Needs only the Swift toolchain and a Debian-like system; installs the rest itself.
#
# The tests run side by side, at most PEERBOT_TEST_WIDTH at once (default 16): the integration
# tests spend their time waiting on the bot's timers and on Synapse, not computing.
# SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH, when set, wins (it is Swift Testing's own knob).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SYNAPSE="$ROOT/scripts/synapse.sh"
# Extra instances the integration tests may start; stopped here too in case a test died early.
INSTANCES=(test tight outage selftest defaults)
# The shared Synapse listens on PORT_BASE; the tests put their extra instances on the next ports.
PORT_BASE="${PEERBOT_TEST_PORT_BASE:-18008}"
WIDTH="${PEERBOT_TEST_WIDTH:-16}"

stop_all() {
  for name in "${INSTANCES[@]}"; do
    "$SYNAPSE" stop "$name" || true
  done
}

# The build needs the system packages; Synapse's venv and its start-up overlap the build.
"$SYNAPSE" install-packages
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

status=0
# Built above; a second build step would only spend seconds finding nothing to do.
swift test --skip-build "$@" || status=$?
exit "$status"
