import { z } from 'zod';

export const SiteId = z.uuid();
export type SiteId = z.infer<typeof SiteId>;

/** A WordPress site Redac publishes to. The Application Password never leaves main. */
export const Site = z.object({
  id: SiteId,
  name: z.string(),
  url: z.string(),
  username: z.string(),
  /** False when the credential store lost or cannot read the password (e.g. another machine's keyring). */
  hasPassword: z.boolean(),
  createdAt: z.number().int(),
  /** The site's time zone (from its REST index, refreshed by Test connection); null until first read. */
  timeZone: z.object({ name: z.string(), gmtOffset: z.number() }).nullable(),
});
export type Site = z.infer<typeof Site>;

export const SiteInput = z.object({
  url: z.string().min(1).max(500),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type SiteInput = z.infer<typeof SiteInput>;

/** Who the credentials log in as, from /wp/v2/users/me. */
export const SiteUser = z.object({
  id: z.number().int(),
  name: z.string(),
  roles: z.array(z.string()),
  /** Whether WordPress keeps this user's HTML as sent (editors, admins) or filters it (authors). */
  unfilteredHtml: z.boolean(),
});
export type SiteUser = z.infer<typeof SiteUser>;

/** Where the credential store keeps passwords, and what the user should know about it. */
export const CredentialInfo = z.object({
  kind: z.enum(['safeStorage', 'file']),
  warning: z.string().optional(),
});
export type CredentialInfo = z.infer<typeof CredentialInfo>;
