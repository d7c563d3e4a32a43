#!/usr/bin/env bash
# Stops the private Apache and MariaDB of one state dir; leaves their data in place.
#
#   bash scripts/wordpress/stop.sh [STATE_DIR]
#
# Only the processes named in STATE_DIR's pid files are signalled, never by process name: other
# instances (other state dirs, the system services) keep running.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apache_only=false
if [ "${1:-}" = --apache-only ]; then apache_only=true; shift; fi   # used by start.sh on a port change
source "$HERE/lib.sh" "${1:-}"

# stop_daemon PIDFILE NAME SECONDS: SIGTERM (a clean shutdown for both), then wait for it.
stop_daemon() {
  local pidfile=$1 name=$2 secs=$3 pid
  pid_alive "$pidfile" "$name" || { rm -f "$pidfile"; return 0; }
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq $((secs * 10))); do
    running "$pid" || { log "$name stopped"; rm -f "$pidfile"; return 0; }
    sleep 0.1
  done
  log "$name ($pid) still running after ${secs}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# Apache first, so no request meets a database that is going away.
stop_daemon "$WEB_PID" apache2 15
$apache_only && exit 0
stop_daemon "$DB_PID" mariadbd 60
rm -f "$DB_SOCK"
# start.sh writes the pointer again on every (non-running) start; removing it keeps /etc/wordpress
# from collecting pointers to deleted state dirs.
rm -f "/etc/wordpress/config-$WP_CONFIG_NAME.php"
