/** A failure of a request to a WordPress site, saying whether trying again later can help. */
export class WpError extends Error {
  constructor(
    message: string,
    /** HTTP status, or undefined when no answer came (network, timeout). */
    readonly status: number | undefined,
    /** WordPress's error code (rest_cannot_create, term_exists...) or ours (network, timeout, unavailable, rate_limited, not_json). */
    readonly code: string,
    /** Worth trying again later. */
    readonly transient: boolean,
    readonly data: Record<string, unknown> = {},
    /** How long the site asked to be left alone (Retry-After of a 429 or 503), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'WpError';
  }
}
