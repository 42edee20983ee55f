#!/usr/bin/env bash
# Regenerates support/peerbot.order, the order the linker places the daemon's functions in (see
# support/README.md): builds the static release bot, runs it under callgrind through the whole
# demo walkthrough (every command path, in encrypted rooms, with a fresh homeserver and
# database), the benchmark's !help rounds and a whole sync timeout of idling, and writes every
# function it ran: those it ran while idle first, then the others in the order it first ran them.
# Takes 10 to 20 minutes; needs valgrind.
#
#   scripts/profile_order.sh [--keep] [--binary PATH]
#
#   --keep          keep the work folder (callgrind.out, the bot's log) and say where it is
#   --binary PATH   profile this static release bot instead of building one (its peerbot-bench
#                   beside it)
#
# The homeserver is the Synapse instance "profile" of scripts/synapse.sh, made afresh each time,
# on port PEERBOT_PROFILE_PORT (default 18040).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SYNAPSE="$ROOT/scripts/synapse.sh"
INSTANCE="profile"
PORT="${PEERBOT_PROFILE_PORT:-18040}"
HS="http://127.0.0.1:$PORT"
PASSWORD="peerbot-profile"
STUDENTS=(anna bo cecilie david emma frederik gustav hanna)
# Under callgrind the bot runs some 50 times slower: start-up takes a minute or two.
READY_TIMEOUT=600
IDLE_SECONDS=40
KEEP=no
BINARY=""

while [ $# -gt 0 ]; do
  case "$1" in
    --keep) KEEP=yes ;;
    --binary) BINARY="${2:?--binary needs a path}"; shift ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile_order.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "profile_order.sh: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }
command -v valgrind >/dev/null || die "the profile needs valgrind (apt-get install -y valgrind)"

WORK="$(mktemp -d -t peerbot-profile.XXXXXX)"
BOT_PID=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$BOT_PID" ] && kill -0 "$BOT_PID" 2>/dev/null; then kill -TERM "$BOT_PID" 2>/dev/null || true; wait "$BOT_PID" 2>/dev/null || true; fi
  "$SYNAPSE" stop "$INSTANCE" || true
  if [ "$status" -ne 0 ] || [ "$KEEP" = yes ]; then echo "profile_order.sh: work folder kept in $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "$BINARY" ]; then
  step "static release build"
  # The same build as scripts/bench.sh --static (the flags in support/release-build-flags).
  read -r -a FLAGS <"$ROOT/support/release-build-flags"
  SCRATCH="$ROOT/.build-static"
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" "${FLAGS[@]}" --product peerbot
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" "${FLAGS[@]}" --product peerbot-bench
  BINARY="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" "${FLAGS[@]}" --show-bin-path)/peerbot"
fi
BIN="$(dirname "$BINARY")"
[ -x "$BINARY" ] && [ -x "$BIN/peerbot-bench" ] || die "no peerbot and peerbot-bench in $BIN"
# valgrind cannot read the toolchain's DWARF 5; the symbol table is all the profile needs.
objcopy --strip-debug "$BINARY" "$WORK/peerbot"

step "a fresh homeserver on $HS"
"$SYNAPSE" install
"$SYNAPSE" stop "$INSTANCE"
rm -rf "$ROOT/.local/synapse/$INSTANCE"
"$SYNAPSE" start "$INSTANCE" "$PORT" >/dev/null
for user in peerbot vejleder "${STUDENTS[@]}"; do "$SYNAPSE" register "$INSTANCE" "$user" "$PASSWORD"; done

( umask 077; printf '%s\n' "$PASSWORD" >"$WORK/password"; head -c 32 /dev/urandom >"$WORK/pickle_key" )
"$WORK/peerbot" login --homeserver "$HS" --user peerbot --password-file "$WORK/password" --token-file "$WORK/access_token" >/dev/null
# The demo's configuration (scripts/demo.sh): encrypted rooms and short timers, so that one
# walkthrough reaches reminders, prompts, summaries and the join report.
cat >"$WORK/peerbot.yaml" <<YAML
homeserver: $HS
user_id: "@peerbot:localhost"
access_token_file: $WORK/access_token
supervisors: ["@vejleder:localhost"]
database: $WORK/peerbot.sqlite
language: da
timezone: Europe/Copenhagen
join_grace: 20s
wrap_up_before_end: 15s
reflection_deadline: 2m
pickle_key_file: $WORK/pickle_key
encrypt_rooms: true
session_reminder: 10s
log_level: info
YAML

step "the bot under callgrind"
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$WORK/callgrind.out" \
  "$WORK/peerbot" run --config "$WORK/peerbot.yaml" >"$WORK/peerbot.log" 2>&1 &
BOT_PID=$!
waited=0
until grep -q "ready: syncing" "$WORK/peerbot.log"; do
  kill -0 "$BOT_PID" 2>/dev/null || { tail -n 20 "$WORK/peerbot.log" >&2; die "the bot exited during start-up"; }
  [ "$waited" -ge "$READY_TIMEOUT" ] && die "the bot was not ready within ${READY_TIMEOUT}s"
  sleep 1
  waited=$((waited + 1))
done
echo "ready after ${waited}s"

step "the walkthrough"
"$ROOT/.local/venv/bin/python" "$ROOT/scripts/demo_walkthrough.py" --homeserver "$HS" --password "$PASSWORD" \
  --students "${STUDENTS[@]}" --store "$WORK/walkthrough-devices" >"$WORK/walkthrough.log" 2>&1 \
  && echo "walkthrough done" \
  || { tail -n 5 "$WORK/walkthrough.log" >&2; KEEP=yes
       echo "WARNING: the walkthrough stopped early (slow under callgrind?); the order covers what ran until then" >&2; }

step "!help rounds as the benchmark sends them"
"$BIN/peerbot-bench" latency --homeserver "$HS" --bot "@peerbot:localhost" --student "gustav:$PASSWORD" \
  --peer "hanna:$PASSWORD" --supervisor "vejleder:$PASSWORD" --rounds 5 --warmup 1 --encrypted \
  || echo "the !help rounds did not finish (slow under callgrind); the profile keeps what ran"

step "idle for ${IDLE_SECONDS}s (a whole sync timeout and the scheduler's ticks)"
# The profile is dumped in three parts: until now (callgrind.out.1), the idle spell
# (callgrind.out.2), the shutdown (callgrind.out). The idle part's functions go first in the
# order, so the pages the waiting bot runs are few (support/README.md).
callgrind_control --dump "$BOT_PID" >/dev/null
sleep "$IDLE_SECONDS"
callgrind_control --dump "$BOT_PID" >/dev/null
kill -TERM "$BOT_PID"
wait "$BOT_PID" || true
BOT_PID=""

step "order file"
# Written aside first: a failed profile leaves the committed order as it was.
[ -f "$WORK/callgrind.out.2" ] || die "callgrind did not dump the idle part (callgrind_control --dump)"
"$ROOT/scripts/order_file.py" --idle "$WORK/callgrind.out.2" "$BINARY" \
  "$WORK/callgrind.out.1" "$WORK/callgrind.out.2" "$WORK/callgrind.out" >"$WORK/peerbot.order"
mv "$WORK/peerbot.order" "$ROOT/support/peerbot.order"
# SwiftPM does not know the order file is a link input: remove the binaries so the next release
# build links them again with the new order.
rm -f "$ROOT/.build-static/release/peerbot" "$(swift build -c release --show-bin-path)/peerbot"
echo "wrote support/peerbot.order; the next release build uses it"
