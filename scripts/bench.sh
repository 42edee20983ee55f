#!/usr/bin/env bash
# Benchmarks of peerbot: ingest throughput and group formation (no network), reply latency and memory against a
# local Synapse with the real bot running: once as a plain client, once as an end-to-end encryption device
# (pickle_key_file, encrypt_rooms), whose latency run adds an encrypted !help beside the plain one.
#
#   scripts/bench.sh [--static] [--input PATH] [--runs N] [--rounds N] [--skip-build] [--scale|--scale-only [--students N]]
#   scripts/bench.sh --latency-only [--encrypted-only] [--rounds N] [--skip-build] [--static]
#   scripts/bench.sh --profile-order
#
#   --static      also rebuild the bot with --static-swift-stdlib and measure it the same way
#   --profile-order  instead of measuring, regenerate support/peerbot.order (scripts/profile_order.sh)
#   --input       the recorded /sync body (default: ../shared/bench/sync-10k.json beside the repo)
#   --runs        ingest runs (default 5)          --rounds   latency rounds (default 50)
#   --skip-build  use the release binaries already built
#   --scale       also the faculty-scale run (peerbot-bench scale; minutes): a Synapse with its default
#                 limits, the bot's lifted by the admin API, --students students (default 1000) in groups of 5
#   --scale-only  only the faculty-scale run (with --static: of the static build, which is built first)
#   --latency-only  only the latency runs (no ingest, formation, memory, start-up or scale)
#   --encrypted-only  with --latency-only: only the bot with encryption on
#   --debug-log   the bot logs at debug level (its timing lines) and the logs are kept
#
# The profile needs valgrind (apt-get install valgrind); see support/README.md.
#
# The ingest step also runs scripts/nio_ingest_bench.py (matrix-nio from .local/venv) on the same
# input, for the ratio to a matrix-nio bot.
#
# Synapse comes from scripts/synapse.sh (SYNAPSE_SH overrides the path), instance "bench", port 18020
# (PEERBOT_BENCH_PORT overrides it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SYNAPSE="${SYNAPSE_SH:-$ROOT/scripts/synapse.sh}"
INSTANCE="bench"
PORT="${PEERBOT_BENCH_PORT:-18020}"
INPUT="$ROOT/../shared/bench/sync-10k.json"
RUNS=5
ROUNDS=50
STATIC="no"
PROFILE="no"
BUILD="yes"
# The faculty-scale run (--scale): its own Synapse instance, "bench-scale", on the port after PORT.
SCALE="no"
SCALE_ONLY="no"
LATENCY_ONLY="no"
ENCRYPTED_ONLY="no"
LOG_LEVEL="info"
STUDENTS=1000
IDLE_SECONDS=10
READY_TIMEOUT=60
# Fixed passwords: the instance keeps its accounts between runs and only listens on 127.0.0.1.
BOT_PASSWORD="bench-bot-password"
SUPERVISOR_PASSWORD="bench-supervisor-password"
STUDENT_PASSWORD="bench-student-password"
PEER_PASSWORD="bench-peer-password"

die() { echo "bench.sh: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --static) STATIC="yes" ;;
    --profile-order) PROFILE="yes" ;;
    --skip-build) BUILD="no" ;;
    --input) INPUT="${2:?--input needs a path}"; shift ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift ;;
    --scale) SCALE="yes" ;;
    --scale-only) SCALE="yes"; SCALE_ONLY="yes" ;;
    --latency-only) LATENCY_ONLY="yes" ;;
    --encrypted-only) ENCRYPTED_ONLY="yes" ;;
    --debug-log) LOG_LEVEL="debug" ;;
    --students) STUDENTS="${2:?--students needs a number}"; shift ;;
    -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
[ "$LATENCY_ONLY" = "no" ] || [ "$SCALE" = "no" ] || die "--latency-only and --scale/--scale-only exclude each other"
[ "$ENCRYPTED_ONLY" = "no" ] || [ "$LATENCY_ONLY" = "yes" ] || die "--encrypted-only goes with --latency-only"

# The bot runs as config/peerbot.service starts it: GnuTLS, which only libcurl's librtmp/libldap
# link, does not initialise itself at load. Exported, so the start-up and scale runs' bots get it too.
export GNUTLS_NO_IMPLICIT_INIT=1

cd "$ROOT"
[ "$PROFILE" = "yes" ] && exec "$ROOT/scripts/profile_order.sh"
[ -f "$INPUT" ] || die "no benchmark input at $INPUT (use --input PATH)"
[ -x "$SYNAPSE" ] || die "no Synapse script at $SYNAPSE (set SYNAPSE_SH)"

WORK="$(mktemp -d -t peerbot-bench.XXXXXX)"
BOT_PID=""
SYNAPSE_STARTED="no"

stop_bot() {
  if [ -n "$BOT_PID" ] && kill -0 "$BOT_PID" 2>/dev/null; then
    kill -TERM "$BOT_PID" 2>/dev/null || true
    wait "$BOT_PID" 2>/dev/null || true
  fi
  BOT_PID=""
}

# The instance keeps its accounts between runs: the bot's devices are logged out (which deletes
# their encryption keys), so later runs do not share room keys with devices no bot runs as.
logout_bot() {
  local token
  for token in "$WORK/access_token" "$WORK/access_token_e2e"; do
    [ -f "$token" ] && [ -n "${URL:-}" ] || continue
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $(cat "$token")" "$URL/_matrix/client/v3/logout" || true
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_bot
  logout_bot
  if [ "$SYNAPSE_STARTED" = "yes" ]; then "$SYNAPSE" stop "$INSTANCE" || true; fi
  if [ "${SCALE_STARTED:-no}" = "yes" ]; then "$SYNAPSE" stop bench-scale || true; fi
  if [ "$status" -ne 0 ]; then
    echo "bench.sh: failed (status $status); logs kept in $WORK" >&2
  elif [ "$LOG_LEVEL" = "debug" ]; then
    echo "bench.sh: the bot's debug logs are kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The production build's flags (support/release-build-flags) for every release build here, so
# the ingest figures are those of the code the bot runs: cross-module optimisation lets the
# compiler specialise swift-crypto's and GRDB's generic code for the types the bot uses.
read -r -a RELEASE_FLAGS <"$ROOT/support/release-build-flags"
build_release() {
  # One product per call: each build links only what it names.
  swift build -c release "${RELEASE_FLAGS[@]}" --product peerbot
  swift build -c release "${RELEASE_FLAGS[@]}" --product peerbot-bench
}

BIN="$(swift build -c release --show-bin-path)"
if [ "$BUILD" = "yes" ]; then
  # A fresh machine lacks the headers the build needs (libcurl, SQLite): the same packages as the tests.
  "$SYNAPSE" install-packages
  step "release build"
  build_release
fi
[ -x "$BIN/peerbot" ] && [ -x "$BIN/peerbot-bench" ] || die "release binaries missing in $BIN (drop --skip-build)"
BENCH="$BIN/peerbot-bench"
# Synapse and matrix-nio share one venv; installed before the ingest, whose nio figure needs it.
"$SYNAPSE" install

if [ "$PROFILE" = "no" ] && [ "$SCALE_ONLY" = "no" ] && [ "$LATENCY_ONLY" = "no" ]; then
  step "ingest (and a matrix-nio bot's parse + dispatch + store of the same sync)"
  NIO_PYTHON="$ROOT/.local/venv/bin/python"
  NIO=()
  if [ -x "$NIO_PYTHON" ] && "$NIO_PYTHON" -c 'import nio' 2>/dev/null; then
    NIO=(--nio-python "$NIO_PYTHON" --nio-script "$ROOT/scripts/nio_ingest_bench.py")
  else
    echo "matrix-nio is not installed in $ROOT/.local/venv (scripts/synapse.sh install): the nio figure is left out"
  fi
  "$BENCH" ingest --input "$INPUT" --runs "$RUNS" "${NIO[@]}" | tee "$WORK/ingest.txt"

  step "group formation"
  "$BENCH" formation --students 1000 --runs 3 | tee "$WORK/formation.txt"
fi

step "synapse"
if [ "$SCALE_ONLY" = "no" ]; then
URL="$("$SYNAPSE" start "$INSTANCE" "$PORT")"
SYNAPSE_STARTED="yes"
echo "homeserver $URL"
"$SYNAPSE" register "$INSTANCE" bot "$BOT_PASSWORD"
"$SYNAPSE" register "$INSTANCE" supervisor "$SUPERVISOR_PASSWORD"
"$SYNAPSE" register "$INSTANCE" student "$STUDENT_PASSWORD"
"$SYNAPSE" register "$INSTANCE" peer "$PEER_PASSWORD"

step "bot login and configuration"
( umask 077; printf '%s\n' "$BOT_PASSWORD" >"$WORK/bot.password" )
"$BIN/peerbot" login --homeserver "$URL" --user bot --password-file "$WORK/bot.password" --token-file "$WORK/access_token"
cat >"$WORK/peerbot.yaml" <<YAML
homeserver: "$URL"
user_id: "@bot:localhost"
access_token_file: "$WORK/access_token"
supervisors:
  - "@supervisor:localhost"
database: "$WORK/peerbot.sqlite"
log_level: $LOG_LEVEL
YAML

# The encrypted bot: a device of its own (keys once uploaded belong to their device) and a
# database of its own (a database holding keys needs the pickle key to start).
"$BIN/peerbot" login --homeserver "$URL" --user bot --password-file "$WORK/bot.password" --token-file "$WORK/access_token_e2e"
( umask 077; head -c 32 /dev/urandom >"$WORK/pickle_key" )
sed -e "s|$WORK/access_token|$WORK/access_token_e2e|" -e "s|$WORK/peerbot.sqlite|$WORK/peerbot-e2e.sqlite|" \
  "$WORK/peerbot.yaml" >"$WORK/peerbot-e2e.yaml"
printf 'pickle_key_file: "%s"\nencrypt_rooms: true\n' "$WORK/pickle_key" >>"$WORK/peerbot-e2e.yaml"
fi

# Starts the bot binary $1, logging to $2, and waits until the log says it is syncing; any further
# arguments are a command that runs the bot (a profiler). BOT_CONFIG picks the configuration.
BOT_CONFIG="$WORK/peerbot.yaml"
start_bot() {
  "${@:3}" "$1" run --config "$BOT_CONFIG" >"$2" 2>&1 &
  BOT_PID=$!
  local waited=0
  until grep -q "ready" "$2"; do
    kill -0 "$BOT_PID" 2>/dev/null || { tail -n 20 "$2" >&2; die "the bot exited during start-up"; }
    [ "$waited" -ge $((READY_TIMEOUT * 5)) ] && die "the bot was not ready within ${READY_TIMEOUT}s (log: $2)"
    sleep 0.2
    waited=$((waited + 1))
  done
  echo "bot running as pid $BOT_PID ($1)"
}

# Latency, then memory after an idle pause; $1 names the variant in the output files, $2 is the
# binary, further arguments go to the latency run (--encrypted).
measure_bot() {
  step "latency ($1)"
  "$BENCH" latency --homeserver "$URL" --bot "@bot:localhost" \
    --student "student:$STUDENT_PASSWORD" --peer "peer:$PEER_PASSWORD" \
    --supervisor "supervisor:$SUPERVISOR_PASSWORD" --rounds "$ROUNDS" "${@:3}" | tee "$WORK/latency-$1.txt"
  [ "$LATENCY_ONLY" = "no" ] || return 0
  # Beside the idle figure, what the bot holds while busy: after a quiet spell it lets go of
  # caches, free heap pages and the code and data pages it mapped from files (support/README.md).
  awk -v idle="$IDLE_SECONDS" '/^VmRSS/ { printf "  VmRSS right after the latency run %.1f MiB (%d KiB), before %ss idle\n", $2 / 1024, $2, idle }' \
    "/proc/$BOT_PID/status" | tee -a "$WORK/latency-$1.txt"
  step "memory ($1), after ${IDLE_SECONDS}s idle"
  sleep "$IDLE_SECONDS"
  "$BENCH" rss --pid "$BOT_PID" --order "$ROOT/support/peerbot.order" | tee "$WORK/rss-$1.txt"
  echo "  binary $(du -h "$2" | cut -f1)  ($2)" | tee -a "$WORK/rss-$1.txt"
}

STATIC_SCRATCH="$ROOT/.build-static"
build_static() {
  # A scratch path of its own: the flag changes every module's build, and .build/release keeps
  # what a plain release build makes (the first static build is a full one, later ones are not).
  # Function sections in every module, so the order file places functions, not whole files.
  swift build -c release --static-swift-stdlib --scratch-path "$STATIC_SCRATCH" "${RELEASE_FLAGS[@]}" --product peerbot
  STATIC_BIN="$(swift build -c release --static-swift-stdlib --scratch-path "$STATIC_SCRATCH" "${RELEASE_FLAGS[@]}" --show-bin-path)"
}


# The bot $1 (binary $2) as a plain client, then as an encryption device.
measure_both() {
  if [ "$ENCRYPTED_ONLY" = "no" ]; then
    step "bot ($1 Swift runtime)"
    BOT_CONFIG="$WORK/peerbot.yaml"
    start_bot "$2" "$WORK/bot-$1.log"
    measure_bot "$1" "$2"
    stop_bot
  fi
  step "bot ($1 Swift runtime, encryption on)"
  BOT_CONFIG="$WORK/peerbot-e2e.yaml"
  start_bot "$2" "$WORK/bot-$1-e2e.log"
  measure_bot "$1-e2e" "$2" --encrypted
  stop_bot
  [ "$LATENCY_ONLY" = "no" ] || return 0
  step "start-up ($1 Swift runtime, encryption on, a whole course)"
  "$BENCH" startup --bot "$2" --config "$WORK/peerbot-e2e.yaml" --password-file "$WORK/bot.password" | tee "$WORK/startup-$1-e2e.txt"
}

[ "$SCALE_ONLY" = "yes" ] || measure_both dynamic "$BIN/peerbot"

if [ "$STATIC" = "yes" ]; then
  step "rebuild with --static-swift-stdlib"
  build_static
  [ "$SCALE_ONLY" = "yes" ] || measure_both static "$STATIC_BIN/peerbot"
fi

if [ "$SCALE" = "yes" ]; then
  step "faculty scale: $STUDENTS students (the ${STATIC_BIN:+static }release bot)"
  # The latency instance is done with: its bot devices logged out, its CPU given to this run.
  logout_bot
  "$SYNAPSE" stop "$INSTANCE"
  SYNAPSE_STARTED="no"
  SCALE_URL="$("$SYNAPSE" start bench-scale $((PORT + 1)) --default-limits)"
  SCALE_STARTED="yes"
  "$SYNAPSE" register bench-scale benchadmin "$BOT_PASSWORD-admin" --admin
  # The homeserver's CPU time is printed beside the bot's when its pid is known (scripts/synapse.sh keeps it).
  SCALE_PID_FILE="$ROOT/.local/synapse/bench-scale/run.pid"
  SCALE_PID=()
  [ -f "$SCALE_PID_FILE" ] && SCALE_PID=(--homeserver-pid "$(cat "$SCALE_PID_FILE")")
  "$BENCH" scale --homeserver "$SCALE_URL" --peerbot "${STATIC_BIN:-$BIN}/peerbot" --admin "benchadmin:$BOT_PASSWORD-admin" \
    --students "$STUDENTS" "${SCALE_PID[@]}" | tee "$WORK/scale.txt"
  "$SYNAPSE" stop bench-scale || true
  SCALE_STARTED="no"
fi

step "summary"
echo "---------------------------------------------------------------------------------"
echo "peerbot benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores, $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no git')"
[ ! -f "$WORK/ingest.txt" ] || grep -v '^\(encrypted \)\{0,1\}run ' "$WORK/ingest.txt" || true
[ ! -f "$WORK/formation.txt" ] || cat "$WORK/formation.txt"
for variant in dynamic dynamic-e2e static static-e2e; do
  [ -f "$WORK/latency-$variant.txt" ] || continue
  case "$variant" in
    *-e2e) echo "[bot: ${variant%-e2e} Swift runtime, encryption on (pickle_key_file, encrypt_rooms)]" ;;
    *) echo "[bot: $variant Swift runtime]" ;;
  esac
  cat "$WORK/latency-$variant.txt"
  [ ! -f "$WORK/rss-$variant.txt" ] || cat "$WORK/rss-$variant.txt"
  [ ! -f "$WORK/startup-$variant.txt" ] || cat "$WORK/startup-$variant.txt"
done
[ -f "$WORK/scale.txt" ] && sed -n '/^scale:/,$p' "$WORK/scale.txt"
echo "---------------------------------------------------------------------------------"
