#!/usr/bin/env bash
# Puts a running site back to its just-installed state: posts, pages, media, terms, comments,
# options and users all come back from the snapshot start.sh took right after installing, and the
# uploads dir is emptied. The Application Passwords in site.json stay valid (they are in the
# snapshot). Meant to run between test files, not while requests are in flight.
#
#   bash scripts/wordpress/reset.sh [STATE_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh" "${1:-}"

db_alive && [ -s "$SNAPSHOT" ] || { log "no running site in $STATE_DIR: run start.sh first"; exit 1; }
# Not in the middle of a start.sh of the same state dir (which may be taking the snapshot).
exec 9>"$STATE_DIR/.lock"
flock 9
sql "$DB_NAME" <"$SNAPSHOT"
find "$CONTENT_DIR/uploads" -mindepth 1 -delete
