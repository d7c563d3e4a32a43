<?php
/*
 * Installs WordPress into the private database and prepares the test fixtures, then prints the
 * contents of site.json. Debian 12 has no wp-cli, so this loads WordPress the way a request would.
 *
 * Run by start.sh as the web server's user:  php -- CONFIG_NAME < install-site.php
 *
 * Idempotent: installs only if needed, reuses existing users and terms, but always issues fresh
 * Application Passwords (WordPress stores only their hashes, so old ones can't be printed again).
 */

if (PHP_SAPI !== 'cli') {
    exit(1);
}

$config_name = $argv[1];
// Debian's wp-config.php reads these from $_SERVER to pick /etc/wordpress/config-NAME.php; the
// site's URL itself comes from WP_HOME/WP_SITEURL in that config.
$_SERVER['WORDPRESS_CONFIG'] = $config_name;
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

// Without this, loading an uninstalled site redirects to wp-admin/install.php and dies.
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function fail($what, $err)
{
    fwrite(STDERR, "install-site.php: $what: " . (is_wp_error($err) ? $err->get_error_message() : print_r($err, true)) . "\n");
    exit(1);
}

$fixtures = [
    'admin'  => ['login' => 'admin',  'role' => 'administrator', 'name' => 'Admin Redac'],
    'editor' => ['login' => 'editor', 'role' => 'editor',        'name' => 'Éditrice Redac'],
    'author' => ['login' => 'author', 'role' => 'author',        'name' => 'Auteur Redac'],
];
$passwords = [];
foreach ($fixtures as $key => $f) {
    // Login passwords are for wp-admin (e.g. a WXR export needs a login cookie); the REST API
    // accepts only the Application Passwords below.
    $passwords[$key] = wp_generate_password(20, false);
}

if (!is_blog_installed()) {
    $result = wp_install('Redac test site', 'admin', 'admin@example.test', false, '', $passwords['admin']);
    if (empty($result['user_id'])) {
        fail('wp_install', $result);
    }
    // Start empty: no "Hello world!" post, sample page, privacy page draft or sample comment, so a
    // test listing posts sees only what it made. (Category 1, "Uncategorized", cannot be deleted.)
    foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $p) {
        wp_delete_post($p->ID, true);
    }
    update_option('wp_page_for_privacy_policy', 0);
}
wp_installing(false);

// A newsroom's site is rarely on UTC: Paris (with its daylight-saving changes) makes every sync test meet a
// site whose wall clock differs from UTC.
update_option('timezone_string', 'Europe/Paris');
update_option('gmt_offset', '');

// Pretty permalinks: the matching rewrite rules live in the Apache config (AllowOverride None), so
// nothing is written to .htaccess (which Debian symlinks to /etc/wordpress/htaccess anyway).
global $wp_rewrite;
if (get_option('permalink_structure') !== '/%postname%/') {
    $wp_rewrite->set_permalink_structure('/%postname%/');
}
flush_rewrite_rules(false);

$users = [];
foreach ($fixtures as $key => $f) {
    $user = get_user_by('login', $f['login']);
    if (!$user) {
        $id = wp_insert_user([
            'user_login' => $f['login'],
            'user_pass' => $passwords[$key],
            'user_email' => $f['login'] . '@example.test',
            'display_name' => $f['name'],
            'role' => $f['role'],
        ]);
        if (is_wp_error($id)) {
            fail("create user {$f['login']}", $id);
        }
        $user = get_user_by('id', $id);
    } else {
        // Re-running: reset the login password so the one printed in site.json is true.
        wp_set_password($passwords[$key], $user->ID);
        $user->set_role($f['role']);
        wp_update_user(['ID' => $user->ID, 'display_name' => $f['name']]);
    }

    // Drop earlier passwords of ours so the user keeps exactly one valid one (the one printed).
    foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
        if ($item['name'] === 'redac-tests') {
            WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
        }
    }
    $created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'redac-tests']);
    if (is_wp_error($created)) {
        fail("application password for {$f['login']}", $created);
    }
    $users[$key] = [
        'username' => $f['login'],
        'applicationPassword' => $created[0],
        'id' => $user->ID,
        'role' => $f['role'],
        'email' => $user->user_email,
        'password' => $passwords[$key],
    ];
}

$categories = [];
foreach (['Politique', 'Culture', 'International'] as $name) {
    $term = term_exists($name, 'category');
    if (!$term) {
        $term = wp_insert_term($name, 'category');
        if (is_wp_error($term)) {
            fail("category $name", $term);
        }
    }
    $t = get_term((int) $term['term_id'], 'category');
    $categories[] = ['id' => $t->term_id, 'name' => $t->name, 'slug' => $t->slug];
}

echo json_encode([
    'url' => home_url(),
    'restUrl' => rest_url(),
    'wordpressVersion' => get_bloginfo('version'),
    'users' => $users,
    'categories' => $categories,
    'defaultCategory' => (int) get_option('default_category'),
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
