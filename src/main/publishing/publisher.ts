import { fieldsOf, type Article, type ArticleFields, type Language } from '../../shared/domain/article';
import { photoCaption } from '../../shared/publishing/photoCredit';
import type { SyncAction } from '../../shared/domain/publication';
import type { ArticleService } from '../articles/articleService';
import { htmlToBody } from '../content/bodyHtml';
import type { Db } from '../db/open';
import type { TermService } from '../taxonomy/termService';
import { createTermNames } from './siteTerms';
import { withDurability } from '../db/durability';
import type { MediaSource } from './mediaSource';
import { postsWithMarker, sweepDuplicates, sweepMediaDuplicates } from './duplicateSweep';
import { createMediaUploader } from './mediaUploader';
import { resolveInlineImages } from './inlineImages';
import { postDates } from './siteDates';
import { inlineImages, type ImageSrc } from './siteHtml';
import {
  contentFor,
  createTermResolver,
  postFields,
  sameRemote,
  withoutMarker,
  wpDateGmt,
  type TermResolver,
  type WpPost,
} from './mapping';
import { publicationQueries, type PublicationRow } from './publicationRows';
import { remoteMoves, seenFields, slugText } from './remoteMoves';
import type { SiteService } from './siteService';
import { WpError, type WpClient } from './wordpressClient';
import type { ReviewCarrier } from '../review/reviewCarrier';

export interface PushPayload {
  action: SyncAction;
  /** For schedule: when the post goes live (epoch ms). */
  scheduledAt?: number | undefined;
}

/** How one operation ended when it did not throw. `created`: this attempt made the post (a create). */
export type OpOutcome =
  { kind: 'done'; notice?: string | undefined; created?: boolean } | { kind: 'conflict'; message: string };

const TARGET_STATUS: Record<Exclude<SyncAction, 'trash' | 'update' | 'review'>, string> = {
  draft: 'draft',
  pending: 'pending',
  schedule: 'future',
  publish: 'publish',
  unpublish: 'draft',
};

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
  /** This desk's sections and tags: a post re-filed on the site is pulled into them. */
  terms?: Pick<TermService, 'ensure'> | undefined;
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

  /**
   * `deferred`: written from an outbox row, synced with the row's end (off the main thread); lost to a power
   * cut, the post is found again by its marker.
   */
  function record(
    articleId: string,
    siteId: string,
    patch: Partial<PublicationRow>,
    { deferred = false } = {},
  ): void {
    if (deferred) {
      withDurability(deps.db, 'relaxed', () => record(articleId, siteId, patch));
      return;
    }
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
    slugBasis: string,
  ): void {
    record(
      articleId,
      siteId,
      {
        ...seenFields(post, slugBasis),
        remote_id: post.id,
        last_pushed_revision: revision,
        state: 'on_site',
        last_error: notice,
      },
      { deferred: true },
    );
  }

  async function readPost(client: WpClient, id: number): Promise<WpPost | undefined> {
    try {
      return (await client.get<WpPost>(`wp/v2/posts/${id}`, { context: 'edit' })).body;
    } catch (error) {
      if (error instanceof WpError && (error.status === 404 || error.status === 410)) return undefined;
      throw error;
    }
  }

  /**
   * The post an earlier attempt made for this article, if its answer was lost (found by our marker). Were there
   * several (a create delayed in transit landed next to a retry's), the oldest is kept and the others trashed.
   */
  async function findByMarker(
    client: WpClient,
    articleId: string,
  ): Promise<{ post: WpPost | undefined; notice: string | undefined }> {
    const found = await postsWithMarker(client, articleId);
    if (found.length <= 1) return { post: found[0], notice: undefined };
    const swept = await sweepDuplicates(client, articleId, found[0]?.id);
    return { post: swept.kept, notice: swept.notice };
  }

  const uploader = createMediaUploader({
    db: deps.db,
    media: deps.media,
    client: async (siteId) => (await siteContext(siteId)).client,
    now,
  });

  /** A photo of the media store on the site, with its alt text and its caption carrying the credit. */
  function ensureMedia(
    siteId: string,
    mediaId: string,
    meta: { alt: string; caption: string; credit: string },
    language: Language,
  ) {
    return uploader.ensure(siteId, mediaId, {
      alt: meta.alt,
      caption: photoCaption(meta.caption, meta.credit, language),
    });
  }

  const sameContent = (article: Article, post: WpPost, imageSrc: ImageSrc): boolean =>
    post.title.raw === article.headline &&
    post.excerpt.raw === article.standfirst &&
    withoutMarker(post.content.raw) === withoutMarker(contentFor(article, imageSrc));

  /**
   * The post's section and tags as this desk names them (made here when missing, as a pull does). A post filed
   * under no category of its own keeps the section it has here.
   */
  async function siteFiling(
    ctx: SiteContext,
    post: WpPost,
  ): Promise<Partial<Pick<ArticleFields, 'sectionId' | 'tagIds'>> | undefined> {
    if (!deps.terms) return undefined;
    const terms = deps.terms;
    const { sectionName, tagNames } = await filingNames(ctx, post);
    const tagIds = [...new Set(tagNames.map((name) => terms.ensure('tags', name).id))];
    return sectionName ? { sectionId: terms.ensure('sections', sectionName).id, tagIds } : { tagIds };
  }

  /**
   * The post's section (its first category of its own, if any) and tags, by the site's names as they are now:
   * asked for each time (two small requests, only when a re-filing is pulled or a conflict shown), so a category
   * renamed on the site shows its new name, as a pull (which asks once per pull) does.
   */
  async function filingNames(
    ctx: SiteContext,
    post: WpPost,
  ): Promise<{ sectionName: string | undefined; tagNames: string[] }> {
    const categories = createTermNames(ctx.client, 'categories');
    const tags = createTermNames(ctx.client, 'tags');
    await Promise.all([categories.load(post.categories ?? []), tags.load(post.tags ?? [])]);
    return {
      sectionName: categories.sectionOf(post.categories ?? [])?.name,
      tagNames: tags.namesOf(post.tags ?? []).map((t) => t.name),
    };
  }

  /** A remote-only change comes into the local article as a new revision. */
  function pullInto(
    article: Article,
    post: WpPost,
    filing: Partial<Pick<ArticleFields, 'sectionId' | 'tagIds'>> | undefined,
    slug: string,
  ): Article {
    const siteFields: ArticleFields = {
      kicker: article.kicker,
      headline: post.title.raw,
      standfirst: post.excerpt.raw,
      body: htmlToBody(withoutMarker(post.content.raw)),
      language: article.language,
      slug,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      sectionId: filing?.sectionId ?? article.sectionId,
      tagIds: filing?.tagIds ?? article.tagIds,
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

  /**
   * What the site made of the slug it was sent (accents dropped, `-2` when another post has it, cut at 200 bytes)
   * becomes the article's slug: the desk sees the address readers get, and the next push has nothing to send.
   * Not when the article moved on while the push was out (its new revision is the desk's; the basis stays).
   */
  function learnSlug(pushed: Article, written: WpPost): Article | undefined {
    const siteSlug = slugText(written.slug);
    if (!siteSlug || siteSlug === pushed.slug) return undefined;
    const current = deps.articles.get(pushed.id);
    if (current.revision !== pushed.revision) return undefined;
    return deps.articles.save({
      id: pushed.id,
      baseRevision: current.revision,
      fields: { ...fieldsOf(current), slug: siteSlug },
      kind: 'sync',
    });
  }

  /**
   * `retry`: an earlier attempt of this operation may have reached the site (its answer lost or still in
   * transit), so a create made now is swept for twins right after.
   */
  async function push(
    articleId: string,
    siteId: string,
    payload: PushPayload,
    attempt: { retry?: boolean } = {},
  ): Promise<OpOutcome> {
    const action = deps.review?.concreteAction(articleId, payload.action) ?? payload.action;
    if (action === 'review')
      throw new WpError('Sending for review needs the review state.', undefined, 'no_review', false);
    let article = deps.articles.get(articleId);
    const ctx = await siteContext(siteId);
    const { client } = ctx;
    const pub = pubs.get(articleId, siteId);
    let remote = pub?.remote_id ? await readPost(client, pub.remote_id) : undefined;
    const known = remote !== undefined;
    let notice: string | undefined;
    if (!remote) ({ post: remote, notice } = await findByMarker(client, articleId));

    if (action === 'trash') {
      if (remote && remote.status !== 'trash') {
        try {
          await client.delete(`wp/v2/posts/${remote.id}`);
        } catch (error) {
          // 410: already in the trash (a retry after a lost answer).
          if (!(error instanceof WpError && error.status === 410)) throw error;
        }
      }
      record(
        articleId,
        siteId,
        {
          remote_status: remote ? 'trash' : null,
          state: remote ? 'on_site' : 'not_on_site',
          last_error: null,
        },
        { deferred: true },
      );
      return { kind: 'done' };
    }

    // Inline images go to the site's media library first: the content points at their addresses there.
    const uploadImages = (of: Article) =>
      resolveInlineImages(of, (image) => ensureMedia(siteId, image.mediaId, image, of.language));
    let images = await uploadImages(article);

    // The article's slug the site's slug stands for: the push sends the slug only when the article's differs, so
    // what WordPress made of it (accents dropped, `-2`, percent-encoding) is never fought on later pushes.
    let slugBasis = pub?.slug_basis ?? null;
    if (remote && known && pub?.remote_hash) {
      const remoteChanged =
        !sameRemote(pub.remote_hash, remote) || remote.modified_gmt !== pub.remote_modified_gmt;
      const localChanged = article.revision !== pub.last_pushed_revision;
      // Re-filed on the site (another category, tags added or removed), or given another slug, with the same text
      // is a change too. Only moved to another status (published by cron, unpublished) is not: the push keeps the
      // site's status for an update, and the row records it.
      const site = remote;
      const moves = remoteMoves(pub, site, {
        textDiffers: () => !sameContent(article, site, images.src),
        slug: article.slug,
      });
      const remoteMoved =
        moves.terms ||
        moves.text ||
        moves.slug ||
        deps.review?.remoteReviewDiffers(article.id, remote) === true;
      if (remoteChanged && remoteMoved) {
        if (localChanged) {
          const also = [
            moves.terms ? 'its categories or tags' : undefined,
            moves.slug ? `its slug (now “${slugText(remote.slug)}”)` : undefined,
          ].filter(Boolean);
          const message = `The post was changed on the site (at ${remote.modified_gmt} UTC${also.length ? `, ${also.join(' and ')} included` : ''}) and here since the last sync: nothing was overwritten.`;
          record(articleId, siteId, { state: 'conflict', last_error: message }, { deferred: true });
          return { kind: 'conflict', message };
        }
        const slug = moves.slug ? slugText(remote.slug) : article.slug;
        if (moves.slug) slugBasis = slug;
        article = pullInto(article, remote, await siteFiling(ctx, remote), slug);
        // The pulled body may use other images (already known ones cost nothing).
        images = await uploadImages(article);
      }
    }

    let featuredMedia: number | undefined;
    if (article.featuredImage) {
      try {
        featuredMedia = (
          await ensureMedia(siteId, article.featuredImage.mediaId, article.featuredImage, article.language)
        ).id;
      } catch (error) {
        // The post can go out without its featured photo; say so rather than hold the article back.
        if (!(error instanceof WpError && error.code === 'media_missing')) throw error;
        notice = error.message;
      }
    }
    const sendSlug = article.slug !== '' && article.slug !== slugBasis;
    const fields = await postFields(article, ctx.terms, {
      canSetAuthor: ctx.canSetAuthor,
      featuredMedia,
      imageSrc: images.src,
      sendSlug,
    });
    if (action === 'update') fields.status = remote?.status ?? 'draft';
    else fields.status = TARGET_STATUS[action];
    let dated: number | undefined;
    if (action === 'schedule') {
      if (payload.scheduledAt === undefined)
        throw new WpError('A scheduled push needs a date.', undefined, 'no_date', false);
      dated = payload.scheduledAt;
    } else if (action === 'publish' && remote?.status === 'future') {
      // A future date would keep it scheduled: publishing now means dated now.
      dated = now();
    }
    if (dated !== undefined) Object.assign(fields, postDates(await deps.sites.zone(siteId), dated));

    const sent = fields.content as string;
    const carried = deps.review?.metaFields(article, fields.status as string, withoutMarker(sent), {
      siteCarriesReview: ctx.carriesReview,
      forReview: payload.action === 'review',
    });
    Object.assign(fields, carried?.fields);
    notice ??= carried?.notice;
    let written = remote
      ? (await client.post<WpPost>(`wp/v2/posts/${remote.id}`, fields, { context: 'edit' })).body
      : (await client.post<WpPost>('wp/v2/posts', fields, { context: 'edit' })).body;
    const created = !remote;
    if (created && attempt.retry) {
      const swept = await sweepDuplicates(client, articleId, written.id);
      notice = joinNotices(notice, swept.notice);
    }
    if (dated !== undefined && written.date_gmt !== wpDateGmt(dated)) {
      // The site's zone changed since we read it (WordPress trusts `date`): read it again and send the date again.
      const dates = postDates(await deps.sites.refreshZone(siteId), dated);
      written = (
        await client.post<WpPost>(
          `wp/v2/posts/${written.id}`,
          { ...dates, status: fields.status },
          { context: 'edit' },
        )
      ).body;
      if (written.date_gmt !== dates.date_gmt)
        notice = joinNotices(
          notice,
          `The site dated the post ${written.date_gmt} UTC instead of ${dates.date_gmt} UTC. Check its date on the site.`,
        );
    }
    if (written.content.raw !== sent || written.title.raw !== article.headline) {
      notice = joinNotices(
        notice,
        `The site changed the HTML it was sent (this user may not post unfiltered HTML, so WordPress filtered it). Check the post on the site or push with an editor's account.`,
      );
    }
    notice ??= deps.review?.checkWritten(written, fields);
    const learned = sendSlug ? learnSlug(article, written) : undefined;
    recordPost(
      articleId,
      siteId,
      written,
      learned?.revision ?? article.revision,
      notice ?? null,
      learned?.slug ?? article.slug,
    );
    return { kind: 'done', notice, created };
  }

  /**
   * Late check after an operation that followed an uncertain attempt: a create or an upload still in transit
   * then may have landed since. Keeps the post and the files this article is recorded with; any other post
   * carrying its marker goes to the trash, any other copy of its images is deleted.
   */
  async function sweep(articleId: string, siteId: string): Promise<string | undefined> {
    const { client } = await siteContext(siteId);
    const notices: string[] = [];
    const keep = pubs.get(articleId, siteId)?.remote_id ?? undefined;
    if (keep !== undefined) {
      const posts = await sweepDuplicates(client, articleId, keep);
      if (posts.notice) notices.push(posts.notice);
    }
    let article: Article | undefined;
    try {
      article = deps.articles.get(articleId);
    } catch {
      // Deleted here since: its posts were swept above; its images cannot be told apart any more.
    }
    const mediaIds = new Set(article ? inlineImages(article.body).map((i) => i.mediaId) : []);
    if (article?.featuredImage) mediaIds.add(article.featuredImage.mediaId);
    for (const mediaId of mediaIds) {
      const known = uploader.known(siteId, mediaId);
      if (!known) continue;
      const notice = await sweepMediaDuplicates(client, mediaId, known.remote_id);
      if (notice) notices.push(notice);
    }
    return notices.length ? notices.join(' ') : undefined;
  }

  /**
   * Reads the post's status from the site (a scheduled post published by cron does not move its modified date, so
   * no pull sees it; a post unpublished or trashed on the site). Only what the Sync panel shows is updated: what
   * the post holds is still compared at the next push or pull. A post deleted for good is no longer on the site.
   */
  async function refreshStatus(articleId: string, siteId: string): Promise<void> {
    const pub = pubs.get(articleId, siteId);
    if (!pub?.remote_id) return;
    const post = await readPost((await siteContext(siteId)).client, pub.remote_id);
    // A push or pull recorded the post meanwhile: what it saw is at least as new as this read.
    if (pubs.get(articleId, siteId)?.updated_at !== pub.updated_at) return;
    if (!post) {
      record(articleId, siteId, { state: 'not_on_site', remote_status: null, last_error: null });
      return;
    }
    if (post.status !== pub.remote_status || post.date_gmt !== pub.remote_date_gmt)
      record(articleId, siteId, { remote_status: post.status, remote_date_gmt: post.date_gmt });
  }

  return {
    push,
    sweep,
    refreshStatus,
    ensureMedia,
    /** Forget cached site facts (after a password change). */
    forget: (siteId: string) => contexts.delete(siteId),
    readPost: async (siteId: string, remoteId: number) =>
      readPost((await siteContext(siteId)).client, remoteId),
    /** The post's section and tags by the site's names, mapped as a pull maps them (for the conflict view). */
    filingNames: async (siteId: string, post: WpPost) => filingNames(await siteContext(siteId), post),
    /**
     * The remote copy as now seen counts as synced (after a conflict was resolved); local stays changed.
     * `slugBasis`: the article's slug the post's slug stands for (the push sends the slug when they differ).
     */
    markSeen: (articleId: string, siteId: string, post: WpPost, slugBasis: string) =>
      record(articleId, siteId, { ...seenFields(post, slugBasis), state: 'on_site', last_error: null }),
    recordFailure: (articleId: string, siteId: string, message: string) =>
      record(articleId, siteId, { state: 'failed', last_error: message }),
    publications: pubs,
  };
}

export type Publisher = ReturnType<typeof createPublisher>;

const joinNotices = (a: string | undefined, b: string | undefined): string | undefined =>
  a && b ? `${a} ${b}` : (a ?? b);
