import type { Article, ArticleFields } from '../../shared/domain/article';
import type { SyncAction } from '../../shared/domain/publication';
import type { ArticleService } from '../articles/articleService';
import { htmlToBody } from '../content/bodyHtml';
import type { Db } from '../db/open';
import type { MediaSource } from './mediaSource';
import {
  contentFor,
  createTermResolver,
  markerOf,
  postFields,
  remoteHash,
  withoutMarker,
  wpDateGmt,
  type TermResolver,
  type WpPost,
} from './mapping';
import { publicationQueries, type PublicationRow } from './publicationRows';
import type { SiteService } from './siteService';
import { WpError, type WpClient } from './wordpressClient';
import type { ReviewCarrier } from '../review/reviewCarrier';

export interface PushPayload {
  action: SyncAction;
  /** For schedule: when the post goes live (epoch ms). */
  scheduledAt?: number | undefined;
}

/** How one operation ended when it did not throw. */
export type OpOutcome = { kind: 'done'; notice?: string | undefined } | { kind: 'conflict'; message: string };

const TARGET_STATUS: Record<Exclude<SyncAction, 'trash' | 'update' | 'review'>, string> = {
  draft: 'draft',
  pending: 'pending',
  schedule: 'future',
  publish: 'publish',
  unpublish: 'draft',
};

const ANY_STATUS = 'draft,pending,future,publish,private';

interface SiteContext {
  client: WpClient;
  terms: TermResolver;
  canSetAuthor: boolean;
  /** The site has Redac's review plugin (post meta redac_review). */
  carriesReview: boolean;
}

/**
 * Runs one outbox operation against a site: read the remote copy, decide (create, adopt a post a lost create
 * made, pull a remote-only change, stop on a conflict), write, and record what the site now holds.
 * Throws WpError for the outbox to retry (transient) or report (permanent).
 */
export function createPublisher(deps: {
  db: Db;
  articles: ArticleService;
  sites: SiteService;
  media: MediaSource;
  /** Carries the review state as post meta; without it, pushes send the post alone. */
  review?: ReviewCarrier | undefined;
  now?: () => number;
  timeoutMs?: number;
}) {
  const now = deps.now ?? Date.now;
  const pubs = publicationQueries(deps.db);
  const contexts = new Map<string, Promise<SiteContext>>();

  function siteContext(siteId: string): Promise<SiteContext> {
    let ctx = contexts.get(siteId);
    if (!ctx) {
      const client = deps.sites.client(siteId, deps.timeoutMs);
      ctx = client
        .get<{ capabilities?: Record<string, boolean> }>('wp/v2/users/me', { context: 'edit' })
        .then(async (me) => ({
          client,
          terms: createTermResolver(client),
          canSetAuthor: me.body.capabilities?.edit_others_posts === true,
          carriesReview: deps.review ? await deps.review.siteCarriesReview(client) : false,
        }));
      // A failed lookup must not stick: the next attempt asks again.
      ctx.catch(() => contexts.delete(siteId));
      contexts.set(siteId, ctx);
    }
    return ctx;
  }

  function record(articleId: string, siteId: string, patch: Partial<PublicationRow>): void {
    const current = pubs.get(articleId, siteId);
    pubs.upsert({
      article_id: articleId,
      site_id: siteId,
      remote_id: null,
      remote_status: null,
      last_pushed_revision: null,
      remote_modified_gmt: null,
      remote_hash: null,
      state: 'not_on_site',
      last_error: null,
      ...current,
      ...patch,
      updated_at: now(),
    });
  }

  function recordPost(
    articleId: string,
    siteId: string,
    post: WpPost,
    revision: number,
    notice: string | null,
  ): void {
    record(articleId, siteId, {
      remote_id: post.id,
      remote_status: post.status,
      last_pushed_revision: revision,
      remote_modified_gmt: post.modified_gmt,
      remote_hash: remoteHash(post),
      state: 'on_site',
      last_error: notice,
    });
  }

  async function readPost(client: WpClient, id: number): Promise<WpPost | undefined> {
    try {
      return (await client.get<WpPost>(`wp/v2/posts/${id}`, { context: 'edit' })).body;
    } catch (error) {
      if (error instanceof WpError && (error.status === 404 || error.status === 410)) return undefined;
      throw error;
    }
  }

  /** The post a previous attempt made for this article, if its answer was lost (found by our marker). */
  async function findByMarker(client: WpClient, articleId: string): Promise<WpPost | undefined> {
    const found = await client.get<WpPost[]>('wp/v2/posts', {
      search: markerOf(articleId),
      status: ANY_STATUS,
      context: 'edit',
      per_page: 5,
    });
    return found.body.find((p) => p.content.raw.includes(markerOf(articleId)));
  }

  /** Uploads a media-store file once per site (found again by its key if the answer was lost). */
  async function ensureMedia(siteId: string, mediaId: string, meta: { alt: string; caption: string }) {
    const known = pubs.media(siteId, mediaId);
    if (known) return { id: known.remote_id, notice: undefined };
    const file = deps.media.read(mediaId);
    if (!file)
      return { id: undefined, notice: `The image ${mediaId} is not in the media store, so it was not sent.` };
    const { client } = await siteContext(siteId);
    const key = `redac-${mediaId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;
    const previous = await client.get<{ id: number; source_url: string; slug: string }[]>('wp/v2/media', {
      search: key,
      per_page: 5,
    });
    let media = previous.body.find((m) => m.slug.startsWith(key.toLowerCase()));
    if (!media) {
      const filename = `${key}-${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
      media = (
        await client.request<{ id: number; source_url: string; slug: string }>('POST', 'wp/v2/media', {
          bytes: {
            data: file.bytes,
            headers: {
              'content-type': file.mime,
              'content-disposition': `attachment; filename="${filename}"`,
            },
          },
        })
      ).body;
    }
    await client.post(`wp/v2/media/${media.id}`, { alt_text: meta.alt, caption: meta.caption });
    pubs.insertMedia({
      site_id: siteId,
      media_key: mediaId,
      remote_id: media.id,
      source_url: media.source_url,
      created_at: now(),
    });
    return { id: media.id, notice: undefined };
  }

  const sameContent = (article: Article, post: WpPost): boolean =>
    post.title.raw === article.headline &&
    post.excerpt.raw === article.standfirst &&
    withoutMarker(post.content.raw) === withoutMarker(contentFor(article));

  /** A remote-only change comes into the local article as a new revision. */
  function pullInto(article: Article, post: WpPost): Article {
    const siteFields: ArticleFields = {
      kicker: article.kicker,
      headline: post.title.raw,
      standfirst: post.excerpt.raw,
      body: htmlToBody(withoutMarker(post.content.raw)),
      language: article.language,
      slug: article.slug,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      sectionId: article.sectionId,
      tagIds: article.tagIds,
      authorIds: article.authorIds,
      featuredImage: article.featuredImage,
    };
    // Another desk's review state (comments, suggestions, workflow) comes in with its text.
    const incoming = deps.review?.receive(post, siteFields);
    const saved = deps.articles.save({
      id: article.id,
      baseRevision: article.revision,
      fields: incoming?.fields ?? siteFields,
      kind: incoming?.kind,
    });
    incoming?.applyTo(article.id);
    return saved;
  }

  async function push(articleId: string, siteId: string, payload: PushPayload): Promise<OpOutcome> {
    const action = deps.review?.concreteAction(articleId, payload.action) ?? payload.action;
    if (action === 'review')
      throw new WpError('Sending for review needs the review state.', undefined, 'no_review', false);
    let article = deps.articles.get(articleId);
    const ctx = await siteContext(siteId);
    const { client } = ctx;
    const pub = pubs.get(articleId, siteId);
    let remote = pub?.remote_id ? await readPost(client, pub.remote_id) : undefined;
    const known = remote !== undefined;
    remote ??= await findByMarker(client, articleId);

    if (action === 'trash') {
      if (remote && remote.status !== 'trash') {
        try {
          await client.delete(`wp/v2/posts/${remote.id}`);
        } catch (error) {
          // 410: already in the trash (a retry after a lost answer).
          if (!(error instanceof WpError && error.status === 410)) throw error;
        }
      }
      record(articleId, siteId, {
        remote_status: remote ? 'trash' : null,
        state: remote ? 'on_site' : 'not_on_site',
        last_error: null,
      });
      return { kind: 'done' };
    }

    if (remote && known && pub?.remote_hash) {
      const remoteChanged =
        remoteHash(remote) !== pub.remote_hash || remote.modified_gmt !== pub.remote_modified_gmt;
      const localChanged = article.revision !== pub.last_pushed_revision;
      const remoteMoved =
        !sameContent(article, remote) || deps.review?.remoteReviewDiffers(article.id, remote) === true;
      if (remoteChanged && remoteMoved) {
        if (localChanged) {
          const message = `The post was changed on the site (at ${remote.modified_gmt} UTC) and here since the last sync: nothing was overwritten.`;
          record(articleId, siteId, { state: 'conflict', last_error: message });
          return { kind: 'conflict', message };
        }
        article = pullInto(article, remote);
      }
    }

    let notice: string | undefined;
    let featuredMedia: number | undefined;
    if (article.featuredImage) {
      const media = await ensureMedia(siteId, article.featuredImage.mediaId, article.featuredImage);
      featuredMedia = media.id;
      notice = media.notice;
    }
    const fields = await postFields(article, ctx.terms, { canSetAuthor: ctx.canSetAuthor, featuredMedia });
    if (action === 'update') fields.status = remote?.status ?? 'draft';
    else fields.status = TARGET_STATUS[action];
    if (action === 'schedule') {
      if (payload.scheduledAt === undefined)
        throw new WpError('A scheduled push needs a date.', undefined, 'no_date', false);
      fields.date_gmt = wpDateGmt(payload.scheduledAt);
    } else if (action === 'publish' && remote?.status === 'future') {
      // A future date would keep it scheduled: publishing now means dated now.
      fields.date_gmt = wpDateGmt(now());
    }

    const sent = fields.content as string;
    const carried = deps.review?.metaFields(article, fields.status as string, withoutMarker(sent), {
      siteCarriesReview: ctx.carriesReview,
      forReview: payload.action === 'review',
    });
    Object.assign(fields, carried?.fields);
    notice ??= carried?.notice;
    const written = remote
      ? (await client.post<WpPost>(`wp/v2/posts/${remote.id}`, fields, { context: 'edit' })).body
      : (await client.post<WpPost>('wp/v2/posts', fields, { context: 'edit' })).body;
    if (written.content.raw !== sent || written.title.raw !== article.headline) {
      notice = `The site changed the HTML it was sent (this user may not post unfiltered HTML, so WordPress filtered it). Check the post on the site or push with an editor's account.`;
    }
    notice ??= deps.review?.checkWritten(written, fields);
    recordPost(articleId, siteId, written, article.revision, notice ?? null);
    return { kind: 'done', notice };
  }

  return {
    push,
    ensureMedia,
    /** Forget cached site facts (after a password change). */
    forget: (siteId: string) => contexts.delete(siteId),
    readPost: async (siteId: string, remoteId: number) =>
      readPost((await siteContext(siteId)).client, remoteId),
    /** The remote copy as now seen counts as synced (after a conflict was resolved); local stays changed. */
    markSeen: (articleId: string, siteId: string, modifiedGmt: string, hash: string) =>
      record(articleId, siteId, {
        remote_modified_gmt: modifiedGmt,
        remote_hash: hash,
        state: 'on_site',
        last_error: null,
      }),
    recordFailure: (articleId: string, siteId: string, message: string) =>
      record(articleId, siteId, { state: 'failed', last_error: message }),
    publications: pubs,
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
