#!/usr/bin/env bash
# Starts a real WordPress (Debian's package) on 127.0.0.1 for Redac's sync tests, installing
# whatever is missing first. Prints the site's URL on stdout; STATE_DIR/site.json has the users'
# Application Passwords and the category ids.
#
#   bash scripts/wordpress/start.sh [STATE_DIR]      (default /tmp/redac-wp, port $REDAC_WP_PORT or 8089)
#
# Everything it runs is private to STATE_DIR: its own MariaDB (socket only, no TCP) and its own
# Apache (own config, pid and logs). The system's apache/mariadb services are never touched.
# Safe to re-run at any time: when the site is already up it only checks it and prints the URL.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh" "${1:-}"

START=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - START) / 1000000 )) ms"; }

mkdir -p "$STATE_DIR"
# apache (www-data) and mariadb (mysql) must traverse it even under a restrictive umask.
chmod 755 "$STATE_DIR"
# Under a private folder (/root/...) they could not, and it would show up much later, as a
# mariadb-install-db permission error or a blank 500 from apache.
if [ "$(id -u)" = 0 ] && ! runuser -u "$WEB_USER" -- test -x "$STATE_DIR"; then
  log "$WEB_USER cannot reach $STATE_DIR: choose a STATE_DIR other users can enter (e.g. under /tmp)"
  exit 1
fi
# Test runners may start this in parallel (several workers, several files): one at a time.
exec 9>"$STATE_DIR/.lock"
flock 9

# site_field KEY...: a value from site.json (php is there whenever a site is).
site_field() {
  php -r '$v = json_decode(file_get_contents($argv[1]), true); foreach (array_slice($argv, 2) as $k) $v = $v[$k] ?? ""; echo $v;' "$SITE_JSON" "$@"
}

# healthy: the whole chain answers (apache, rewrite, php, db, Application Passwords): the editor
# can read /users/me through a pretty permalink. A bare GET would pass even with broken auth.
healthy() {
  [ -s "$SITE_JSON" ] || return 1
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
    -u "$(site_field users editor username):$(site_field users editor applicationPassword)" \
    "$URL/wp-json/wp/v2/users/me?_fields=id") || return 1
  [ "$code" = 200 ]
}

# ---- Redac's companion plugin ------------------------------------------------------------------
# The must-use plugin Redac ships (resources/wordpress/) lets desks pass the review state as post meta. Copied
# on every start, before the already-running check, so a running site picks up a changed plugin too.
install_redac_plugins() {
  mkdir -p "$CONTENT_DIR/mu-plugins"
  local src="$HERE/../../resources/wordpress/redac-review.php"
  local dst="$CONTENT_DIR/mu-plugins/redac-review.php"
  if ! cmp -s "$src" "$dst"; then
    cp "$src" "$dst.tmp"
    chmod 644 "$dst.tmp"
    mv "$dst.tmp" "$dst"
  fi
}
install_redac_plugins

# ---- already running? -------------------------------------------------------------------------
if db_alive && web_alive && [ "$(cat "$STATE_DIR/port" 2>/dev/null)" = "$PORT" ] && healthy; then
  log "already running ($(elapsed))"
  echo "$URL"
  exit 0
fi

# Fail before touching anything if someone else holds the port (a connect succeeds).
if ! { web_alive && [ "$(cat "$STATE_DIR/port" 2>/dev/null)" = "$PORT" ]; } \
   && (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  log "127.0.0.1:$PORT is in use by another program: choose another port with REDAC_WP_PORT"
  exit 1
fi

# ---- Debian packages --------------------------------------------------------------------------
# --no-install-recommends: the recommends (wordpress-l10n, mariadb extras, ...) add 20-odd packages
# that a loopback test site never uses. The theme is only there so the front end renders.
PACKAGES=(wordpress wordpress-theme-twentytwentythree mariadb-server mariadb-client apache2
  libapache2-mod-php8.2 php8.2-cli php8.2-mysql php8.2-xml php8.2-mbstring php8.2-curl
  php8.2-gd php8.2-zip curl)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing packages (need root to install): ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]}"
  # Debian's container image has a policy-rc.d that stops packages from starting their services.
  # On a machine without one, apt also starts the system apache (on :80) and mariadb; this script
  # never uses them, but they stay running.
  # Lock::Timeout: two state dirs starting at once on a fresh machine would collide on dpkg's lock.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$STATE_DIR/apt.log" 2>&1 || { cat "$STATE_DIR/apt.log" >&2; exit 1; }
  apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" \
    >>"$STATE_DIR/apt.log" 2>&1 \
    || { tail -30 "$STATE_DIR/apt.log" >&2; exit 1; }
  log "packages installed ($(elapsed))"
fi

# ---- layout -----------------------------------------------------------------------------------
# Debian keeps WP_CONTENT_DIR at /var/lib/wordpress/wp-content, shared by every site on the
# machine. A content dir of our own makes `rm -rf STATE_DIR` a real reset and keeps test uploads
# out of /var/lib. Themes are Debian's (read-only is fine); plugins stay empty on purpose.
mkdir -p "$DB_DIR" "$WEB_DIR/run" "$LOG_DIR" "$CONTENT_DIR/uploads" "$CONTENT_DIR/plugins" "$CONTENT_DIR/mu-plugins"
ln -sfn /usr/share/wordpress/wp-content/themes "$CONTENT_DIR/themes"
chown "$DB_OS_USER:" "$DB_DIR"
# The uploads dir and PHP's error log are written by PHP running as the web server's user.
touch "$LOG_DIR/php-error.log"
chown "$WEB_USER:" "$CONTENT_DIR/uploads" "$LOG_DIR/php-error.log"

# ---- MariaDB ----------------------------------------------------------------------------------
if [ ! -e "$DB_DIR/.initialized" ]; then
  # A new database means a new site: credentials and snapshot of an old one would be lies.
  rm -rf "$DB_DATA" "$SITE_JSON" "$SNAPSHOT"
  mkdir -p "$DB_DATA"
  chown "$DB_OS_USER:" "$DB_DATA"
  # auth "normal": root without password, so any local user can administer this instance through
  # its socket (the socket is the only way in). --no-defaults keeps /etc/mysql out of it.
  mariadb-install-db --no-defaults --user="$DB_OS_USER" --datadir="$DB_DATA" \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
    >"$LOG_DIR/mariadb-install.log" 2>&1 || { cat "$LOG_DIR/mariadb-install.log" >&2; exit 1; }
  touch "$DB_DIR/.initialized"
  log "database initialised ($(elapsed))"
fi

if ! db_alive; then
  rm -f "$DB_SOCK" "$DB_PID"
  user_opt=()
  [ "$(id -u)" = 0 ] && user_opt=(--user="$DB_OS_USER")
  # mariadbd opens its log as $DB_OS_USER; the shell redirect below would otherwise create it as root.
  touch "$DB_DIR/mariadb.log"
  chown "$DB_OS_USER:" "$DB_DIR/mariadb.log"
  # --no-defaults also drops Debian's utf8mb4 default (the server falls back to latin1), hence the
  # explicit character set. flush-at-commit=2 and no doublewrite: test data, speed over durability.
  # 9>&-: a daemon that inherits the lock fd would hold the lock for its whole life.
  setsid /usr/sbin/mariadbd --no-defaults "${user_opt[@]}" \
    --datadir="$DB_DATA" --socket="$DB_SOCK" --pid-file="$DB_PID" --skip-networking \
    --log-error="$DB_DIR/mariadb.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M \
    --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 \
    </dev/null >>"$DB_DIR/mariadb.log" 2>&1 9>&- &
  for _ in $(seq 300); do
    mariadb-admin --no-defaults --socket="$DB_SOCK" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  db_alive || { log "mariadb did not start:"; tail -20 "$DB_DIR/mariadb.log" >&2; exit 1; }
  log "mariadb up ($(elapsed))"
fi

sql -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
  GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';"

# ---- WordPress config -------------------------------------------------------------------------
# The real config lives in STATE_DIR; /etc/wordpress only gets a one-line pointer, because Debian's
# wp-config.php looks nowhere else. See lib.sh for how the name is chosen.
cat >"$STATE_DIR/wp-config.php" <<PHP
<?php
// Written by scripts/wordpress/start.sh on every start; edits are lost.
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost:$DB_SOCK');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';

// Fixed URL: the CLI installer has no Host header to guess it from, and a test that sends
// Host: localhost must not move the site.
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '$CONTENT_DIR');
define('WP_CONTENT_URL', '$URL/wp-content');

// Application Passwords refuse plain HTTP unless the site says it is a local one.
define('WP_ENVIRONMENT_TYPE', 'local');

// No traffic off the machine: update checks, oEmbed, pingbacks, the https self-probe...
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost');
// No cron on page loads (it would fire loopback requests in the middle of tests), no updates.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISALLOW_FILE_MODS', true);

// Notices must never end up inside a JSON response.
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
PHP
echo "<?php require '$STATE_DIR/wp-config.php';" >"/etc/wordpress/config-$WP_CONFIG_NAME.php"
chmod 644 "$STATE_DIR/wp-config.php" "/etc/wordpress/config-$WP_CONFIG_NAME.php"

cat >"$CONTENT_DIR/mu-plugins/redac-harness.php" <<'PHP'
<?php
/* Plugin Name: Redac test harness (written by scripts/wordpress/start.sh) */
// Test machines have no MTA: pretend mails went out instead of letting PHP's mail() fail and log
// on every user creation or password change.
add_filter('pre_wp_mail', '__return_true');
PHP

# ---- install WordPress and fixtures -----------------------------------------------------------
if [ ! -s "$SITE_JSON" ]; then
  as_web=()
  [ "$(id -u)" = 0 ] && as_web=(runuser -u "$WEB_USER" --)
  # As the web server's user, so that whatever WordPress creates stays writable by apache. The
  # script comes in on stdin because that user may not be able to read the checkout (/root/...).
  # display_errors=stderr: whatever PHP has to say must not end up inside site.json.
  "${as_web[@]}" php -d display_errors=stderr -- "$WP_CONFIG_NAME" \
    <"$HERE/install-site.php" >"$SITE_JSON.tmp"
  mv "$SITE_JSON.tmp" "$SITE_JSON"
  chmod 644 "$SITE_JSON"
  # The state reset.sh goes back to, taken while nothing but the installer has written.
  mariadb-dump --no-defaults --default-character-set=utf8mb4 --socket="$DB_SOCK" -uroot \
    --single-transaction --skip-dump-date \
    "$DB_NAME" >"$SNAPSHOT"
  log "wordpress installed ($(elapsed))"
fi

# ---- Apache -----------------------------------------------------------------------------------
# A config of its own rather than /etc/apache2: that one would bring Debian's sites, ports and
# module choices, and its pid/lock files would clash with the system service.
user_lines=""
[ "$(id -u)" = 0 ] && user_lines="User $WEB_USER
Group $WEB_USER"
cat >"$WEB_CONF.tmp" <<CONF
# Written by scripts/wordpress/start.sh on every start; edits are lost.
ServerRoot "$WEB_DIR"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$WEB_PID"
DefaultRuntimeDir "$WEB_DIR/run"
ErrorLog "$LOG_DIR/apache-error.log"
LogLevel warn
$user_lines

# mod_php is not thread-safe, so prefork; it also hands the Authorization header to PHP as is,
# which Basic auth with Application Passwords needs (php-fpm would need CGIPassAuth).
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so

StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 16
KeepAlive On
TypesConfig /etc/mime.types
LogFormat "%h %t \"%r\" %>s %b %D" timed
CustomLog "$LOG_DIR/apache-access.log" timed

DocumentRoot /usr/share/wordpress
DirectoryIndex index.php index.html
# Debian's wp-config.php loads /etc/wordpress/config-\$WORDPRESS_CONFIG.php when this is set.
SetEnv WORDPRESS_CONFIG $WP_CONFIG_NAME

<Directory />
  AllowOverride None
  Require all denied
</Directory>
# Pretty permalinks (and /wp-json/) without .htaccess: Debian symlinks that file into /etc.
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
  RewriteEngine On
  RewriteRule ^index\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
Alias /wp-content "$CONTENT_DIR"
<Directory "$CONTENT_DIR">
  Options FollowSymLinks
  Require all granted
</Directory>
# Uploaded files are data, never code.
<Directory "$CONTENT_DIR/uploads">
  php_admin_flag engine off
</Directory>

<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_admin_value upload_max_filesize 64M
php_admin_value post_max_size 64M
php_admin_value memory_limit 256M
php_admin_flag display_errors off
php_admin_flag log_errors on
php_admin_value error_log "$LOG_DIR/php-error.log"
CONF
# A running apache may be serving an older config (another port): restart it on the new one.
if web_alive && ! cmp -s "$WEB_CONF.tmp" "$WEB_CONF"; then
  bash "$HERE/stop.sh" --apache-only "$STATE_DIR"
fi
mv "$WEB_CONF.tmp" "$WEB_CONF"
if ! web_alive; then
  rm -f "$WEB_PID"
  /usr/sbin/apache2 -f "$WEB_CONF" -k start </dev/null >>"$LOG_DIR/apache-error.log" 2>&1 9>&- \
    || { log "apache did not start:"; tail -20 "$LOG_DIR/apache-error.log" >&2; exit 1; }
fi
echo "$PORT" >"$STATE_DIR/port"
# After a port change the site follows WP_HOME at once; site.json must follow too.
if [ "$(site_field url)" != "$URL" ]; then
  php -r '$f = $argv[1]; $s = json_decode(file_get_contents($f), true); $s["url"] = $argv[2]; $s["restUrl"] = $argv[2] . "/wp-json/";
    file_put_contents($f, json_encode($s, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n");' "$SITE_JSON" "$URL"
fi

for _ in $(seq 100); do
  healthy && break
  sleep 0.1
done
healthy || { log "site not answering at $URL; see $LOG_DIR"; tail -5 "$LOG_DIR"/apache-error.log "$LOG_DIR"/php-error.log >&2; exit 1; }
log "ready ($(elapsed)); credentials in $SITE_JSON"
echo "$URL"
