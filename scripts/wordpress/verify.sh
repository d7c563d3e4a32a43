#!/usr/bin/env bash
# Smoke test of a running site against what Redac's sync relies on, with curl over 127.0.0.1.
# Creates one draft and one media item and deletes them again. Exits non-zero on the first failure.
#
#   bash scripts/wordpress/verify.sh [STATE_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh" "${1:-}"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: runs COMMAND, counts it
  if "${@:2}"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}
# js EXPR: evaluates EXPR with `site` (site.json) and `r` (the last response body, parsed) in scope.
js() { node -e '
  const fs = require("fs");
  const site = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  let r; try { r = JSON.parse(fs.readFileSync(process.argv[2], "utf8")); } catch { r = null; }
  const v = eval(process.argv[3]);
  if (v === false) process.exit(1);
  if (v !== true && v !== undefined) process.stdout.write(String(v));
' "$SITE_JSON" "$TMP/body" "$1"; }

URL="$(js 'site.url')"
case "$URL" in http://127.0.0.1:*) ;; *) echo "site url is not on 127.0.0.1: $URL"; exit 1 ;; esac
EDITOR="$(js 'site.users.editor.username + ":" + site.users.editor.applicationPassword')"
# req CURL-ARGS...: body to $TMP/body, prints the status code
req() { curl -s -o "$TMP/body" -w '%{http_code}' "$@"; }

code=$(req -u "$EDITOR" "$URL/wp-json/wp/v2/users/me?context=edit")
check "users/me with the editor's application password is the editor" \
  js "'$code' === '200' && r.id === site.users.editor.id && r.roles.includes('editor')"

code=$(req -u "editor:wrong-password" -H 'Content-Type: application/json' -d '{"title":"x"}' "$URL/wp-json/wp/v2/posts")
check "a wrong application password gets 401 on a write (got $code)" test "$code" = 401
code=$(req -u "editor:$(js 'site.users.editor.password')" "$URL/wp-json/wp/v2/users/me")
check "the login password is refused by the REST API (got $code)" test "$code" = 401

# The text Redac must get back byte for byte: French accents and ligatures, guillemets with
# non-breaking spaces, Arabic (RTL), an emoji, and markup the editor role may keep.
node -e '
  const text = "<p>L’été, à Sète, « ça » déçoit : œuvre, Noël, ÇA\u00a0!</p>\n<p>مرحبا بالعالم — العربية</p>\n<p>🗞️ <em>fin</em></p>";
  require("fs").writeFileSync(process.argv[1], JSON.stringify({ title: "Brouillon « été » مرحبا", content: text, status: "draft" }));
  require("fs").writeFileSync(process.argv[2], text);
' "$TMP/post.json" "$TMP/expected.txt"
code=$(req -u "$EDITOR" -H 'Content-Type: application/json; charset=utf-8' --data-binary @"$TMP/post.json" "$URL/wp-json/wp/v2/posts")
check "POST /posts creates a draft (got $code)" js "'$code' === '201' && r.status === 'draft'"
POST_ID="$(js 'r && r.id')"
code=$(req -u "$EDITOR" "$URL/wp-json/wp/v2/posts/$POST_ID?context=edit")
check "content.raw round-trips byte-exact" js "
  Buffer.from(r.content.raw, 'utf8').equals(fs.readFileSync('$TMP/expected.txt'))"
check "title.raw round-trips byte-exact" js "r.title.raw === 'Brouillon « été » مرحبا'"

# A 1x1 PNG, so the check needs nothing but base64.
echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' \
  | base64 -d >"$TMP/pixel.png"
code=$(req -u "$EDITOR" -H 'Content-Type: image/png' -H 'Content-Disposition: attachment; filename="pixel-été.png"' \
  --data-binary @"$TMP/pixel.png" "$URL/wp-json/wp/v2/media")
check "POST /media uploads a PNG (got $code)" js "'$code' === '201' && r.mime_type === 'image/png'"
MEDIA_ID="$(js 'r && r.id')"
SRC="$(js 'r && r.source_url')"
case "$SRC" in "$URL"/wp-content/uploads/*) ;; *) SRC="" ;; esac
check "the uploaded file is served back identical from $SRC" \
  bash -c "[ -n '$SRC' ] && curl -sf '$SRC' | cmp -s - '$TMP/pixel.png'"

code=$(req -u "$EDITOR" -X DELETE "$URL/wp-json/wp/v2/media/$MEDIA_ID?force=true")
check "media deleted (got $code)" test "$code" = 200
code=$(req -u "$EDITOR" -X DELETE "$URL/wp-json/wp/v2/posts/$POST_ID?force=true")
check "post deleted (got $code)" test "$code" = 200

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
