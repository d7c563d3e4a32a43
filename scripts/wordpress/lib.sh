# Shared by start.sh, stop.sh, reset.sh and verify.sh: where one instance keeps its state.
# Sourced, not run. Usage from a script: source "$(dirname "$0")/lib.sh" "${1:-}"

STATE_DIR="${1:-${REDAC_WP_STATE_DIR:-/tmp/redac-wp}}"
# realpath -m: the folder may not exist yet, and every path below ends up in config files
# read by other processes (apache, php), so it must be absolute.
STATE_DIR="$(realpath -m -- "$STATE_DIR")"

DB_DIR="$STATE_DIR/mysql"
DB_DATA="$DB_DIR/data"
DB_SOCK="$DB_DIR/mysqld.sock"
DB_PID="$DB_DIR/mysqld.pid"
DB_NAME=wordpress
DB_USER=wordpress
DB_PASS=redac-wp            # reachable only through the socket in STATE_DIR, so a fixed one is fine
WEB_DIR="$STATE_DIR/apache"
WEB_CONF="$WEB_DIR/httpd.conf"
WEB_PID="$WEB_DIR/httpd.pid"
CONTENT_DIR="$STATE_DIR/wp-content"
LOG_DIR="$STATE_DIR/logs"
SITE_JSON="$STATE_DIR/site.json"
SNAPSHOT="$STATE_DIR/fresh.sql"

# The port sticks to the state dir: a second `start.sh` without REDAC_WP_PORT keeps the port the
# site was started with instead of silently moving it back to 8089.
PORT="${REDAC_WP_PORT:-$(cat "$STATE_DIR/port" 2>/dev/null || echo 8089)}"
URL="http://127.0.0.1:$PORT"

# unix sockets have a 108-byte path limit; a deep STATE_DIR would fail later with an obscure error.
if [ "${#DB_SOCK}" -ge 100 ]; then
  echo "redac-wp: STATE_DIR too long for a unix socket path ($DB_SOCK)" >&2
  exit 1
fi

# Debian's wp-config.php picks /etc/wordpress/config-$WORDPRESS_CONFIG.php when the env var is set
# (only [A-Za-z0-9-] allowed). The Host-based name would be config-127.0.0.1.php for every
# instance; keyed on the state dir, one instance's start can never repoint another's config (a
# name keyed on the port could: a start that then fails on a busy port has already written it).
WP_CONFIG_NAME="redac-$(printf '%s' "$STATE_DIR" | md5sum | cut -c1-12)"

if [ "$(id -u)" = 0 ]; then
  # apache refuses to serve as root, and mariadbd refuses unless forced: use their usual accounts.
  WEB_USER=www-data
  DB_OS_USER=mysql
else
  WEB_USER="$(id -un)"
  DB_OS_USER="$(id -un)"
fi

# running PID: true if PID is a process that has not exited. A daemon that exits becomes a zombie
# until PID 1 reaps it, and on these machines PID 1 takes about a second to do so: without this,
# stop.sh would wait that second for every daemon.
running() {
  local state
  state="$(sed -n "s/^State:[[:space:]]*\(.\).*/\1/p" "/proc/$1/status" 2>/dev/null)"
  [ -n "$state" ] && [ "$state" != Z ]
}

# pid_alive PIDFILE NAME: true if the pid in PIDFILE is a running process called NAME. Checking the
# name guards against a stale pid file whose number was reused by something unrelated.
pid_alive() {
  local pid
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && running "$pid"
}

db_alive()  { pid_alive "$DB_PID" mariadbd && [ -S "$DB_SOCK" ]; }
web_alive() { pid_alive "$WEB_PID" apache2; }

# sql ARGS...: the private server's root (no password; only this socket reaches it).
sql() { mariadb --no-defaults --default-character-set=utf8mb4 --socket="$DB_SOCK" -uroot "$@"; }

log() { echo "redac-wp: $*" >&2; }
