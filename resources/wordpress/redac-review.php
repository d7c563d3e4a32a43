<?php
/**
 * Plugin Name: Redac review state
 * Description: Lets Redac desks pass an article's review state (workflow, comments, suggestions) to each other
 *   through the site, as the post meta `redac_review`. Install as a must-use plugin (wp-content/mu-plugins/).
 * Version: 2
 *
 * The meta holds JSON written by Redac: {version, reviewState, body, bodyHash, fieldsHash}. reviewState has
 * its own version: 2 carries the whole assignment history (workflow.assignments: who assigned whom, when,
 * with what deadline and priority), 1 only the current assignment; Redac reads both. The plugin stores the
 * value as it is, so a newer Redac needs no newer plugin. It is never shown
 * on the site: Redac clears it (sets '') when it publishes or schedules a post, and the post's content is
 * always clean HTML. Only users who may edit the post can read or change it through the REST API.
 */

if (!defined('ABSPATH')) {
	exit;
}

add_action('init', function () {
	register_post_meta('post', 'redac_review', array(
		'type'          => 'string',
		'single'        => true,
		'default'       => '',
		'show_in_rest'  => true,
		'auth_callback' => function ($allowed, $meta_key, $post_id) {
			return current_user_can('edit_post', $post_id);
		},
	));
});

// The review state is for the desks, not for readers: anonymous or read-only requests never get it, even
// where another plugin would expose meta more widely.
add_filter('rest_prepare_post', function ($response, $post, $request) {
	if (!current_user_can('edit_post', $post->ID)) {
		$data = $response->get_data();
		if (isset($data['meta']['redac_review'])) {
			unset($data['meta']['redac_review']);
			$response->set_data($data);
		}
	}
	return $response;
}, 10, 3);
