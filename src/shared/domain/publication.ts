import { z } from 'zod';
import { ArticleId } from './article';
import { SiteId } from './site';

/** What a publisher can ask for an article on a site. */
export const SYNC_ACTIONS = [
  'draft',
  'pending',
  'schedule',
  'publish',
  'update',
  'unpublish',
  'trash',
  /** Send for review: the post's status follows the article's workflow status, with its review state. */
  'review',
] as const;
export const SyncAction = z.enum(SYNC_ACTIONS);
export type SyncAction = z.infer<typeof SyncAction>;

/** Where an article stands on a site, as the Sync panel shows it. */
export const SITE_STATES = [
  'not_on_site',
  'draft',
  'pending',
  'scheduled',
  'live',
  'trashed',
  'changed',
  'conflict',
  'failed',
] as const;
export const SiteState = z.enum(SITE_STATES);
export type SiteState = z.infer<typeof SiteState>;

export const Publication = z.object({
  articleId: ArticleId,
  siteId: SiteId,
  siteName: z.string(),
  state: SiteState,
  remoteId: z.number().int().nullable(),
  remoteStatus: z.string().nullable(),
  lastPushedRevision: z.number().int().nullable(),
  /** The site's message when the state is failed; a notice otherwise (e.g. HTML the site filtered). */
  message: z.string().nullable(),
  /** When a scheduled post goes live (epoch ms), as the site dated it; null unless scheduled. */
  scheduledAt: z.number().nullable(),
  /** The site's time zone, in which its times are shown and typed; null until the site was asked. */
  timeZone: z.object({ name: z.string(), gmtOffset: z.number() }).nullable(),
});
export type Publication = z.infer<typeof Publication>;

export const OUTBOX_STATUSES = ['pending', 'running', 'done', 'failed', 'conflict', 'cancelled'] as const;
export const OutboxItem = z.object({
  id: z.number().int(),
  siteId: SiteId,
  articleId: ArticleId.nullable(),
  operation: z.string(),
  action: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextTryAt: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const SyncOverview = z.object({
  items: z.array(OutboxItem),
  counts: z.record(z.string(), z.number().int()),
});
export type SyncOverview = z.infer<typeof SyncOverview>;

export const PullResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  pages: z.number().int(),
  /** False when the pull stopped early; the next one resumes from the saved cursor. */
  done: z.boolean(),
  /** Posts that could not be stored this time (an image that could not be downloaded...), one sentence each. */
  problems: z.array(z.string()),
});
export type PullResult = z.infer<typeof PullResult>;
