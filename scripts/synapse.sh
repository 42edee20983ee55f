#!/usr/bin/env bash
# A local Synapse homeserver for the integration tests and the demo.
#
#   synapse.sh install                          venv with the pinned Synapse, vodozemac and
#                                               matrix-nio[e2e] (the encrypted test client)
#                                               (+ system packages)
#   synapse.sh install-packages                 only the system packages (what the build needs)
#   synapse.sh start NAME PORT [--tight|--default-limits]
#                                               config once, start in background, print base URL;
#                                               --tight: a strict message limit (0.5/s, burst 3);
#                                               --default-limits: Synapse's own defaults for
#                                               messages (0.2/s, burst 10) and room creation
#                                               (0.016/s, burst 10), all else open
#   synapse.sh stop NAME                        stop it (no error when not running)
#   synapse.sh register NAME USER PASSWORD [--admin]
#   synapse.sh url NAME                         print the base URL
#
# Everything lives under $ROOT/.local/ (git-ignored).
set -euo pipefail

SYNAPSE_VERSION="1.163.2"
# The reference implementation the MatrixCrypto tests compare against, and the AES library
# their attachment reference uses (already a Synapse dependency; named so it stays there).
VODOZEMAC_VERSION="0.10.0"
# The encrypted test client (scripts/e2ee/nio_client.py): matrix-nio's end-to-end encryption
# runs on vodozemac since 0.25 (no libolm, no python-olm).
NIO_VERSION="0.26.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.local/venv"
STATE="$ROOT/.local/synapse"
# How long `start` waits for Synapse to answer. The tests start extra instances while the whole
# suite runs on the same cores, where a fresh instance's first start is slow; an instance that
# comes up sooner is used at once.
START_TIMEOUT="${SYNAPSE_START_TIMEOUT:-300}"
# Bumped when write_config changes, so an instance made by an older script gets the new config.
CONFIG_VERSION=2
SYNAPSE_MAIN='import runpy, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, set())
sys.argv[0] = "synapse.app.homeserver"
runpy.run_module("synapse.app.homeserver", run_name="__main__", alter_sys=True)'


die() { echo "synapse.sh: $*" >&2; exit 1; }
log() { echo "synapse.sh: $*" >&2; }

usage() {
  sed -n '2,/^# Everything lives/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# --- install -----------------------------------------------------------------

installed_version() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("matrix-synapse"))' 2>/dev/null
}

apt_install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

python_with_venv() {
  local py
  for py in "${PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$py" ] || continue
    command -v "$py" >/dev/null 2>&1 || continue
    if "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
      echo "$py"; return 0
    fi
  done
  return 1
}

installed_reference_version() {
  "$VENV/bin/python" -c 'import importlib.metadata as m, cryptography, nio.crypto
print(m.version("vodozemac"), m.version("matrix-nio"), nio.crypto.ENCRYPTION_ENABLED)' 2>/dev/null
}

install_reference() {
  local wanted="$VODOZEMAC_VERSION $NIO_VERSION True"
  if [ "$(installed_reference_version || true)" = "$wanted" ]; then
    return 0
  fi
  "$VENV/bin/pip" install --quiet "vodozemac==$VODOZEMAC_VERSION" cryptography "matrix-nio[e2e]==$NIO_VERSION"
  [ "$(installed_reference_version || true)" = "$wanted" ] \
    || die "vodozemac $VODOZEMAC_VERSION and matrix-nio[e2e] $NIO_VERSION did not install"
  log "installed vodozemac $VODOZEMAC_VERSION and matrix-nio[e2e] $NIO_VERSION in $VENV"
}

cmd_install_packages() {
  # tzdata: the bot reads its time zone from /usr/share/zoneinfo.
  apt_install_missing libcurl4-openssl-dev libsqlite3-dev sqlite3 pkg-config curl tzdata
}

cmd_install() {
  cmd_install_packages
  if [ "$(installed_version || true)" = "$SYNAPSE_VERSION" ]; then
    log "matrix-synapse $SYNAPSE_VERSION already installed in $VENV"
    install_reference
    return 0
  fi
  local py
  if ! py="$(python_with_venv)"; then
    apt_install_missing python3 python3-venv
    py="$(python_with_venv)" || die "no python3 with the venv module"
  fi
  log "creating $VENV with $("$py" --version 2>&1)"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$py" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip >/dev/null
  "$VENV/bin/pip" install --quiet "matrix-synapse==$SYNAPSE_VERSION"
  [ "$(installed_version || true)" = "$SYNAPSE_VERSION" ] || die "matrix-synapse $SYNAPSE_VERSION did not install"
  log "installed matrix-synapse $SYNAPSE_VERSION in $VENV"
  install_reference
}

# --- configuration ---------------------------------------------------------------

instance_dir() { echo "$STATE/$1"; }

check_name() {
  [[ "$1" =~ ^[A-Za-z0-9_-]+$ ]] || die "bad instance name '$1' (letters, digits, - and _ only)"
}

random_secret() { "$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(32))'; }

rate() { printf '{per_second: %s, burst_count: %s}' "$1" "$2"; }

write_config() {
  local dir="$1" port="$2" tight="$3"
  local open; open="$(rate 1000 10000)"
  local message="$open"
  local creation="$open"
  [ "$tight" = "yes" ] && message="$(rate 0.5 3)"
  if [ "$tight" = "defaults" ]; then
    message="$(rate 0.2 10)"
    creation="$(rate 0.016 10)"
  fi
  cat >"$dir/homeserver.yaml" <<YAML
# Generated by scripts/synapse.sh for local tests. Not for production.
server_name: "localhost"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: "$dir/homeserver.pid"
listeners:
  - port: $port
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "$dir/homeserver.db"
log_config: "$dir/log.config"
media_store_path: "$dir/media_store"
signing_key_path: "$dir/localhost.signing.key"
trusted_key_servers: []
suppress_key_server_warning: true
enable_registration: false
registration_shared_secret: "$(random_secret)"
macaroon_secret_key: "$(random_secret)"
form_secret: "$(random_secret)"
report_stats: false
# The fewest rounds bcrypt allows: the tests register and log in hundreds of throwaway accounts.
bcrypt_rounds: 4
presence:
  enabled: false
rc_message: $message
rc_registration: $open
rc_registration_token_validity: $open
rc_login:
  address: $open
  account: $open
  failed_attempts: $open
rc_joins:
  local: $open
  remote: $open
rc_joins_per_room: $open
rc_invites:
  per_room: $open
  per_user: $open
  per_issuer: $open
rc_third_party_invite: $open
rc_room_creation: $creation
rc_3pid_validation: $open
rc_presence:
  per_user: $open
rc_media_create: $open
rc_delayed_event_mgmt: $open
rc_admin_redaction: $open
rc_key_requests: $open
rc_reports: $open
rc_user_directory: $open
rc_profile: $open
YAML
  cat >"$dir/log.config" <<YAML
version: 1
formatters:
  plain:
    format: "%(asctime)s %(name)s %(levelname)s %(message)s"
handlers:
  file:
    class: logging.FileHandler
    formatter: plain
    filename: "$dir/homeserver.log"
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
root:
  level: ${SYNAPSE_LOG_LEVEL:-WARNING}
  handlers: [file]
disable_existing_loggers: false
YAML
}

ensure_config() {
  local name="$1" port="$2" tight="$3" dir
  dir="$(instance_dir "$name")"
  local want; want="$(settings "$port" "$tight")"
  if [ -f "$dir/homeserver.yaml" ] && [ "$(cat "$dir/instance" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  [ -f "$dir/homeserver.yaml" ] && log "settings of '$name' changed: writing a new config (database kept)"
  mkdir -p "$dir/media_store"
  write_config "$dir" "$port" "$tight"
  if [ ! -f "$dir/localhost.signing.key" ]; then
    (cd "$dir" && "$VENV/bin/python" -m synapse.app.homeserver \
        -c "$dir/homeserver.yaml" --generate-keys >>"$dir/generate.log" 2>&1) \
      || die "could not generate keys for '$name' (see $dir/generate.log)"
  fi
  echo "$want" >"$dir/instance"
}

# What an instance's config was written for; a change means a new config.
settings() { echo "port=$1 tight=$2 config=$CONFIG_VERSION"; }

config_port() {
  local dir; dir="$(instance_dir "$1")"
  [ -f "$dir/instance" ] || die "no instance '$1' (start it first)"
  sed -n 's/^port=\([0-9]*\).*/\1/p' "$dir/instance"
}

# --- process control -------------------------------------------------------------

running_pid() {
  local pidfile; pidfile="$(instance_dir "$1")/run.pid"
  [ -f "$pidfile" ] || return 1
  local pid; pid="$(cat "$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # A pid file left from an earlier boot may name an unrelated process.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "synapse.app.homeserver" || return 1
  echo "$pid"
}

answers() {
  curl -fsS -m 2 -o /dev/null "$1/_matrix/client/versions" 2>/dev/null
}

# The daemon must not keep the caller's descriptors open: a caller waiting for this script
# to finish (a pipe, or Foundation's Process) would otherwise wait for Synapse to exit too.
close_inherited_fds() {
  local fd
  for fd in /proc/$BASHPID/fd/*; do
    fd="${fd##*/}"
    if [ "$fd" -gt 2 ] 2>/dev/null; then
      eval "exec $fd>&-" 2>/dev/null || true
    fi
  done
}

base_url() { echo "http://127.0.0.1:$(config_port "$1")"; }

cmd_start() {
  [ $# -ge 2 ] || usage
  local name="$1" port="$2" tight="no"
  shift 2
  for arg in "$@"; do
    case "$arg" in
      --tight) tight="yes" ;;
      --default-limits) tight="defaults" ;;
      *) die "unknown option '$arg'" ;;
    esac
  done
  check_name "$name"
  [[ "$port" =~ ^[0-9]+$ ]] || die "bad port '$port'"
  [ -x "$VENV/bin/python" ] || die "Synapse is not installed: run '$0 install' first"
  local dir url pid
  dir="$(instance_dir "$name")"
  url="http://127.0.0.1:$port"
  if pid="$(running_pid "$name")"; then
    [ "$(cat "$dir/instance")" = "$(settings "$port" "$tight")" ] \
      || die "'$name' is running with other settings ($(cat "$dir/instance")): stop it first"
    answers "$url" && { echo "$url"; return 0; }
  else
    answers "$url" && die "port $port is already answering, but not as instance '$name'"
    ensure_config "$name" "$port" "$tight"
    # Unblock signals first: a caller may have blocked SIGTERM, and `stop` relies on it.
    (close_inherited_fds; cd "$dir" && exec setsid "$VENV/bin/python" -c "$SYNAPSE_MAIN" \
        -c "$dir/homeserver.yaml" </dev/null >>"$dir/stdout.log" 2>&1) &
    pid=$!
    echo "$pid" >"$dir/run.pid"
  fi
  local waited=0
  until answers "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/stdout.log" "$dir/homeserver.log" >&2 2>/dev/null || true
      rm -f "$dir/run.pid"
      die "Synapse '$name' exited during start-up (logs in $dir)"
    fi
    [ "$waited" -ge $((START_TIMEOUT * 5)) ] && die "Synapse '$name' did not answer on $url within ${START_TIMEOUT}s"
    sleep 0.2
    waited=$((waited + 1))
  done
  echo "$url"
}

cmd_stop() {
  [ $# -eq 1 ] || usage
  local name="$1" dir pid
  check_name "$name"
  dir="$(instance_dir "$name")"
  if ! pid="$(running_pid "$name")"; then
    rm -f "$dir/run.pid"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -eq 150 ]; then
      log "Synapse '$name' ignored SIGTERM for 30s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  rm -f "$dir/run.pid"
}

cmd_register() {
  [ $# -ge 3 ] || usage
  local name="$1" user="$2" password="$3" admin="--no-admin"
  shift 3
  for arg in "$@"; do
    case "$arg" in
      --admin) admin="--admin" ;;
      *) die "unknown option '$arg'" ;;
    esac
  done
  check_name "$name"
  local dir out
  dir="$(instance_dir "$name")"
  [ -f "$dir/homeserver.yaml" ] || die "no instance '$name' (start it first)"
  if out="$("$VENV/bin/register_new_matrix_user" -c "$dir/homeserver.yaml" \
        -u "$user" -p "$password" "$admin" "$(base_url "$name")" 2>&1)"; then
    return 0
  fi
  if grep -q "User ID already taken" <<<"$out"; then
    return 0
  fi
  echo "$out" >&2
  die "could not register '$user' on '$name'"
}

cmd_url() {
  [ $# -eq 1 ] || usage
  check_name "$1"
  base_url "$1"
}

main() {
  [ $# -ge 1 ] || usage
  local sub="$1"
  shift
  case "$sub" in
    install) cmd_install "$@" ;;
    install-packages) cmd_install_packages "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    register) cmd_register "$@" ;;
    url) cmd_url "$@" ;;
    -h|--help|help) usage ;;
    *) die "unknown subcommand '$sub'" ;;
  esac
}

main "$@"
