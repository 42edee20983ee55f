#!/usr/bin/env bash
# Runs peerbot for real on this machine: a local Synapse on 127.0.0.1:8008 with SQLite, a bot
# account, a supervisor and eight demo students, a demo configuration, and the bot itself.
#
#   scripts/demo.sh                 start everything and print how to log in; Ctrl-C stops it all
#   scripts/demo.sh --walkthrough   start from a fresh homeserver and database, drive the demo users
#                                   (end-to-end encrypted devices) through what the bot can do in
#                                   encrypted rooms, print what the rooms received, then keep running
#   scripts/demo.sh --walkthrough --exit   the same, then stop (used by CI)
#   scripts/demo.sh --walkthrough --plain  the walkthrough with plain clients and unencrypted rooms
#
# Running it again reuses the homeserver, the accounts and the bot's database under .local/demo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SYNAPSE="$ROOT/scripts/synapse.sh"
DEMO="$ROOT/.local/demo"
PORT="${PEERBOT_DEMO_PORT:-8008}"
HS="http://127.0.0.1:$PORT"
PASSWORD="peerbot-demo"
STUDENTS=(anna bo cecilie david emma frederik gustav hanna)

walkthrough=no
exit_after=no
plain=no
for arg in "$@"; do
  case "$arg" in
    --walkthrough) walkthrough=yes ;;
    --exit) exit_after=yes ;;
    --plain) plain=yes ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1mdemo:\033[0m %s\n' "$*"; }

bot_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$bot_pid" ] && kill -0 "$bot_pid" 2>/dev/null; then
    say "stopping the bot"
    kill -TERM "$bot_pid" 2>/dev/null || true
    wait "$bot_pid" 2>/dev/null || true
  fi
  say "stopping Synapse"
  "$SYNAPSE" stop demo || true
}

"$SYNAPSE" install
say "building peerbot (debug; the first build takes several minutes)"
# Progress as it goes: on a terminal one line that updates, elsewhere every line.
build_status=0
if [ -t 1 ]; then
  swift build --product peerbot 2>&1 | while IFS= read -r line; do
    printf '\r\033[K  %s' "${line:0:$(( ${COLUMNS:-100} - 4 ))}"
  done || build_status=$?
  printf '\n'
else
  swift build --product peerbot 2>&1 | sed -u 's/^/  /' || build_status=$?
fi
[ "$build_status" -eq 0 ] || { echo "demo.sh: the build failed; run swift build --product peerbot to see why" >&2; exit 1; }
BIN="$ROOT/.build/debug/peerbot"

trap cleanup EXIT
trap 'exit 130' INT TERM
# The walkthrough tells a story from the start: it begins with an empty homeserver and database.
if [ "$walkthrough" = yes ]; then
  rm -f "$DEMO"/peerbot.sqlite*
  rm -rf "$DEMO/walkthrough-devices"
fi
# The homeserver and the bot's database belong together: without the database, start both afresh.
if [ ! -f "$DEMO/peerbot.sqlite" ] && [ -d "$ROOT/.local/synapse/demo" ]; then
  say "no bot database: starting the demo homeserver afresh too"
  "$SYNAPSE" stop demo
  rm -rf "$ROOT/.local/synapse/demo" "$DEMO/access_token"
fi
mkdir -p "$DEMO"
chmod 700 "$DEMO"
say "starting Synapse on $HS"
"$SYNAPSE" start demo "$PORT" >/dev/null
for user in peerbot vejleder "${STUDENTS[@]}"; do
  "$SYNAPSE" register demo "$user" "$PASSWORD"
done

token_ok() {
  [ -s "$DEMO/access_token" ] && curl -fsS -m 5 -o /dev/null \
    -H "Authorization: Bearer $(cat "$DEMO/access_token")" "$HS/_matrix/client/v3/account/whoami"
}

# The bot is an end-to-end encryption device: its keys are sealed under this key, kept beside
# the database (they belong together). Its own rooms are encrypted, as Element users expect;
# the walkthrough's users are encrypted devices too (matrix-nio), unless --plain asks for
# plain HTTP clients, which cannot read encrypted rooms.
if [ ! -s "$DEMO/pickle_key" ]; then
  (umask 077 && head -c 32 /dev/urandom >"$DEMO/pickle_key")
fi
encrypt_rooms=true
[ "$plain" = yes ] && encrypt_rooms=false

cat >"$DEMO/peerbot.yaml" <<YAML
# Demo configuration written by scripts/demo.sh.
homeserver: $HS
user_id: "@peerbot:localhost"
access_token_file: access_token
supervisors: ["@vejleder:localhost"]
database: $DEMO/peerbot.sqlite
language: da
timezone: Europe/Copenhagen
# Short, so that the walkthrough shows the report of who has not joined their group room.
join_grace: 20s
# Short, so that a one-minute demo session shows its wrap-up prompt.
wrap_up_before_end: 15s
# Short, so that the walkthrough reaches the summary within minutes.
reflection_deadline: 2m
pickle_key_file: pickle_key
encrypt_rooms: $encrypt_rooms
# Short, so that a session planned 20 seconds ahead shows the reminder before it starts.
session_reminder: 10s
log_level: info
YAML
# Login reads the configuration too: with the pickle key it also makes the bot's device keys and
# cross-signs the device, so Element shows the bot as verified by its owner.
if ! token_ok; then
  printf '%s\n' "$PASSWORD" >"$DEMO/password"
  "$BIN" login --homeserver "$HS" --user "@peerbot:localhost" --password-file "$DEMO/password" \
    --token-file "$DEMO/access_token" --config "$DEMO/peerbot.yaml" >/dev/null
  rm -f "$DEMO/password"
fi
"$BIN" check-config --config "$DEMO/peerbot.yaml" >/dev/null

say "starting the bot (log: $DEMO/peerbot.log)"
# As config/peerbot.service does: GnuTLS (only linked through libcurl's librtmp/libldap) stays idle.
GNUTLS_NO_IMPLICIT_INIT=1 "$BIN" run --config "$DEMO/peerbot.yaml" >>"$DEMO/peerbot.log" 2>&1 &
bot_pid=$!
for _ in $(seq 1 300); do
  grep -q "ready: syncing" "$DEMO/peerbot.log" 2>/dev/null && break
  kill -0 "$bot_pid" 2>/dev/null || { tail -n 20 "$DEMO/peerbot.log" >&2; exit 1; }
  sleep 0.2
done
if ! grep -q "ready: syncing" "$DEMO/peerbot.log" 2>/dev/null; then
  echo "demo.sh: the bot did not become ready within 60 s; the end of its log:" >&2
  tail -n 20 "$DEMO/peerbot.log" >&2
  exit 1
fi

login_box() {
  local ids=()
  for user in "${STUDENTS[@]}"; do ids+=("@$user:localhost"); done
  cat <<TEXT

  peerbot is running.
  Homeserver URL:  $HS   (server name: localhost)
  Password:        $PASSWORD   (the same for every demo account)
  Supervisor:      @vejleder:localhost   -> accept the invite to "peerbot – vejledere"
  Students:        ${ids[*]}
  Bot:             @peerbot:localhost

  Log in with any Matrix client on this machine (Element: "Edit" the homeserver and enter
  $HS, then the user name, e.g. vejleder). Write !hjælp (or !help) in the supervisor room.
  Ctrl-C stops everything.

TEXT
}
login_box

if [ "$walkthrough" = yes ]; then
  say "walking the demo users through what the bot can do"
  users=(--store "$DEMO/walkthrough-devices")
  [ "$plain" = yes ] && users=(--plain)
  # The venv's python: it has matrix-nio and vodozemac (installed by synapse.sh install).
  "$ROOT/.local/venv/bin/python" "$ROOT/scripts/demo_walkthrough.py" --homeserver "$HS" --password "$PASSWORD" \
    --students "${STUDENTS[@]}" "${users[@]}"
  # The walkthrough's story scrolls the first box away: here it is again.
  login_box
fi
[ "$exit_after" = yes ] && exit 0
say "press Ctrl-C to stop"
wait "$bot_pid"
