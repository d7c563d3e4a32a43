import { fieldsOf, type ArticleFields, type Language } from '../../shared/domain/article';
import type { PullResult } from '../../shared/domain/publication';
import type { ArticleService } from '../articles/articleService';
import { emptyFields } from '../articles/articleService';
import { AppError } from '../core/errors';
import { mapLimit } from '../core/mapLimit';
import { htmlToBody } from '../content/bodyHtml';
import type { Db } from '../db/open';
import { fromWpDateGmt, sameRemote, withoutMarker, type WpPost } from './mapping';
import { remoteMoves, seenFields, slugText } from './remoteMoves';
import type { Publisher } from './publisher';
import { sweepDuplicates } from './duplicateSweep';
import { createTermNames, type SiteTerm } from './siteTerms';
import type { TermService } from '../taxonomy/termService';
import type { SiteService } from './siteService';
import { explainWpError } from './siteService';
import { WpError } from './wordpressClient';
import { renameBodyMedia, type BroughtMedia, type MediaDownloader } from './mediaDownloader';
import type { ReviewReceiver } from '../review/reviewReceiver';
import type { ReviewStateProvider } from '../review/reviewState';

export const PULL_STATUSES = ['draft', 'pending', 'future', 'publish'] as const;
export type PullStatus = (typeof PULL_STATUSES)[number];

export interface PullOptions {
  statuses: readonly PullStatus[];
  /** Only posts matching these words (WordPress search). */
  search?: string | undefined;
  perPage?: number;
  /** Stop after this many pages (the rest comes with the next pull, from the saved cursor). */
  maxPages?: number;
}

/** A post's section and tags as the site names them. */
interface PostTerms {
  section: SiteTerm | undefined;
  tags: SiteTerm[];
}

const ARABIC = /[\u0600-\u06FF]/;
/** The marker a push leaves at the end of a post's content (mapping.ts markerOf). */
const MARKER_AT_END = /<!-- redac-article-([0-9a-f-]{36}) -->\s*$/;
/** Image downloads running at once during a pull: enough to hide round trips, few enough for a small site. */
export const PULL_DOWNLOADS = 4;
/** Site time zones reach UTC+14: asking from that far back and filtering by modified_gmt misses nothing. */
const ZONE_MARGIN_MS = 14 * 3600_000;

/**
 * Brings posts from a site into the store, oldest change first. Each page is stored in one transaction together
 * with the cursor (the page's last modified_gmt and id), so an interrupted pull resumes after the last page that
 * was fully stored and never imports a post twice. Remote HTML comes in through the editor schema.
 */
export function createPuller(deps: {
  db: Db;
  articles: ArticleService;
  sites: SiteService;
  publisher: Publisher;
  /** The local sections a post's category maps to (made when missing, as a push makes the site's). */
  terms: TermService;
  /** Reads the review state posts carry (another desk's comments, suggestions, workflow) and applies it. */
  review?: { receiver: ReviewReceiver; state: ReviewStateProvider } | undefined;
  /** Brings the images of pulled posts into the media store (a body may only use stored images). */
  media: MediaDownloader;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const pubs = deps.publisher.publications;
  const getCursor = deps.db.prepare<[string, string], { modified_gmt: string; remote_id: number }>(
    'SELECT modified_gmt, remote_id FROM pull_cursors WHERE site_id = ? AND scope = ?',
  );
  const setCursor = deps.db.prepare<[string, string, string, number, number]>(
    `INSERT INTO pull_cursors (site_id, scope, modified_gmt, remote_id, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (site_id, scope) DO UPDATE SET modified_gmt = excluded.modified_gmt,
       remote_id = excluded.remote_id, updated_at = excluded.updated_at`,
  );

  /**
   * Section and tags by name (a section is a category, a tag a tag, the same word on both sides, as a push maps
   * them). A post filed under no category of its own keeps the section it has here; its tags are the site's.
   */
  function fieldsFrom(
    post: WpPost,
    base: ArticleFields,
    terms: PostTerms,
    media: BroughtMedia,
  ): ArticleFields {
    return {
      ...base,
      headline: post.title.raw.slice(0, 1000),
      standfirst: post.excerpt.raw.slice(0, 4000),
      body: renameBodyMedia(htmlToBody(withoutMarker(post.content.raw)), media.renamed),
      slug: slugText(post.slug),
      sectionId: terms.section ? deps.terms.ensure('sections', terms.section.name).id : base.sectionId,
      tagIds: [...new Set(terms.tags.map((t) => deps.terms.ensure('tags', t.name).id))],
      // The site's featured photo, unless this desk already has one the site has not replaced.
      featuredImage:
        media.featured && base.featuredImage?.mediaId !== media.featured.mediaId
          ? media.featured
          : base.featuredImage,
    };
  }

  /** The fields to store for a post, with the review state it carries applied once the article is saved. */
  function received(post: WpPost, base: ArticleFields, terms: PostTerms, media: BroughtMedia) {
    const siteFields = fieldsFrom(post, base, terms, media);
    const got = deps.review?.receiver.receive(post, siteFields, media.renamed) ?? { fields: siteFields };
    return {
      fields: got.fields,
      kind: got.kind,
      notice: got.notice ?? null,
      applyTo: (articleId: string) => {
        if (got.review) deps.review?.state.apply(articleId, got.review);
      },
    };
  }

  /**
   * A post unknown here that carries the marker of an article this desk already has on the site under another
   * post: a create whose request landed long after its retry made that post (later than the outbox's late
   * sweep looked). Imported, it would become a second copy of the article here; it is noted for the trash.
   */
  function lateTwin(siteId: string, post: WpPost, twins: Map<string, number>): boolean {
    if (pubs.byRemote(siteId, post.id)) return false;
    const articleId = MARKER_AT_END.exec(post.content.raw)?.[1];
    const recorded = articleId ? pubs.get(articleId, siteId)?.remote_id : undefined;
    if (!articleId || !recorded || recorded === post.id) return false;
    twins.set(articleId, recorded);
    return true;
  }

  /** Stores one post; returns what happened to it. */
  function store(
    siteId: string,
    post: WpPost,
    terms: PostTerms,
    media: BroughtMedia,
  ): 'created' | 'updated' | 'unchanged' | 'conflict' {
    const known = pubs.byRemote(siteId, post.id);
    if (!known) {
      const language: Language = ARABIC.test(post.title.raw + post.content.raw) ? 'ar' : 'fr';
      const created = deps.articles.create(language);
      const incoming = received(post, emptyFields(language), terms, media);
      const saved = deps.articles.save({
        id: created.id,
        baseRevision: created.revision,
        fields: incoming.fields,
        kind: incoming.kind,
      });
      incoming.applyTo(saved.id);
      pubs.upsert({
        article_id: saved.id,
        site_id: siteId,
        remote_id: post.id,
        last_pushed_revision: saved.revision,
        state: 'on_site',
        last_error: incoming.notice,
        updated_at: now(),
        ...seenFields(post, saved.slug),
      });
      return 'created';
    }
    if (sameRemote(known.remote_hash, post)) return 'unchanged';
    const moves = remoteMoves(known, post, { textDiffers: () => true });
    if (!moves.text && !moves.terms && !moves.slug) {
      // Only its status moved (published by cron, unpublished on the site): the site state follows, the article
      // has nothing new, and a change made here since is no conflict with it.
      pubs.upsert({ ...known, ...seenFields(post, known.slug_basis ?? null), updated_at: now() });
      return 'unchanged';
    }
    const article = deps.articles.get(known.article_id);
    if (article.revision !== known.last_pushed_revision) {
      pubs.upsert({
        ...known,
        state: 'conflict',
        last_error: 'Changed on the site and here since the last sync.',
        updated_at: now(),
      });
      return 'conflict';
    }
    const fields = fieldsOf(article);
    const revision = article.revision;
    const incoming = received(post, fields, terms, media);
    const saved = deps.articles.save({
      id: article.id,
      baseRevision: revision,
      fields: incoming.fields,
      kind: incoming.kind,
    });
    incoming.applyTo(saved.id);
    pubs.upsert({
      ...known,
      ...seenFields(post, saved.slug),
      last_pushed_revision: saved.revision,
      state: 'on_site',
      last_error: incoming.notice,
      updated_at: now(),
    });
    return 'updated';
  }

  async function pull(siteId: string, options: PullOptions): Promise<PullResult> {
    const scope = JSON.stringify({ statuses: [...options.statuses].sort(), search: options.search ?? '' });
    const client = deps.sites.client(siteId);
    const perPage = options.perPage ?? 50;
    const result: PullResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
      conflicts: 0,
      pages: 0,
      done: false,
      problems: [],
    };
    const session = deps.media.session();
    // Late twins found on the way (article id → the post it is recorded with), trashed once the pages are read:
    // trashing one now would shift the pages still to come by one post.
    const twins = new Map<string, number>();
    const sweepTwins = async (): Promise<void> => {
      for (const [articleId, keep] of twins) {
        try {
          // Only when the post the article is recorded with is still there: the twin may be all that is left.
          if (!(await deps.publisher.readPost(siteId, keep))) continue;
          const swept = await sweepDuplicates(client, articleId, keep);
          if (swept.notice) result.problems.push(swept.notice);
        } catch (error) {
          result.problems.push(
            `A second post for one article could not be moved to the trash (${(error as Error).message}); the next pull tries again.`,
          );
        }
      }
      twins.clear();
    };
    const categories = createTermNames(client, 'categories');
    const tags = createTermNames(client, 'tags');
    // Once a post could not be stored, the cursor stays before its page for the rest of this pull: the next pull
    // tries it again, while the posts after it are still stored now (one broken post never holds back the rest;
    // those stored are seen unchanged next time).
    let held = false;
    const storePage = deps.db.transaction((posts: WpPost[], media: Map<number, BroughtMedia>) => {
      for (const post of posts) {
        const brought = media.get(post.id);
        // Its images could not be brought: the post waits for the next pull, which starts again at this page.
        if (!brought) continue;
        const outcome = store(
          siteId,
          post,
          { section: categories.sectionOf(post.categories ?? []), tags: tags.namesOf(post.tags ?? []) },
          brought,
        );
        if (outcome === 'created') result.created++;
        else if (outcome === 'updated') result.updated++;
        else if (outcome === 'conflict') result.conflicts++;
        else result.unchanged++;
      }
      const last = posts[posts.length - 1];
      if (last && !held) setCursor.run(siteId, scope, last.modified_gmt, last.id, now());
    });

    const start = getCursor.get(siteId, scope);
    const after = start
      ? new Date(fromWpDateGmt(start.modified_gmt) - ZONE_MARGIN_MS).toISOString().slice(0, 19)
      : undefined;
    for (let page = 1; ; page++) {
      if (options.maxPages !== undefined && result.pages >= options.maxPages) {
        await sweepTwins();
        return result;
      }
      let posts: WpPost[];
      let totalPages: number;
      try {
        const response = await client.get<WpPost[]>('wp/v2/posts', {
          status: options.statuses.join(','),
          search: options.search,
          orderby: 'modified',
          order: 'asc',
          modified_after: after,
          per_page: perPage,
          page,
          context: 'edit',
        });
        posts = response.body;
        totalPages = Number(response.headers.get('x-wp-totalpages') ?? '1');
        // Term names before the page is stored (its transaction cannot wait on the network).
        await categories.load(posts.flatMap((p) => p.categories ?? []));
        await tags.load(posts.flatMap((p) => p.tags ?? []));
      } catch (error) {
        // Past the last page WordPress answers 400 rest_post_invalid_page_number.
        if (error instanceof WpError && error.code === 'rest_post_invalid_page_number') break;
        throw error instanceof WpError ? explainWpError(error) : error;
      }
      // WordPress orders by local modified time; we keep what changed at or after the cursor's second in GMT.
      // Same second counts as maybe-new: modified_gmt has one-second resolution, so a post edited again within
      // the cursor's second would otherwise be missed. Those already stored compare equal by hash and are skipped.
      const fresh = posts
        .filter((p) => !start || p.modified_gmt >= start.modified_gmt)
        .filter((p) => !lateTwin(siteId, p, twins))
        .sort((a, b) =>
          a.modified_gmt === b.modified_gmt ? a.id - b.id : a.modified_gmt < b.modified_gmt ? -1 : 1,
        );
      // Unchanged posts are skipped by the store: no need to look at their images again.
      const changed = fresh.filter((p) => !sameRemote(pubs.byRemote(siteId, p.id)?.remote_hash, p));
      const media = new Map<number, BroughtMedia>(
        fresh.filter((p) => !changed.includes(p)).map((p) => [p.id, { renamed: new Map() }]),
      );
      try {
        await deps.media.prefetch(
          session,
          client,
          changed.map((p) => p.featured_media),
        );
      } catch {
        // Each post then asks for its own item, and a failure is told for that post.
      }
      // The page's images come a few at a time (the page is stored only once all have come or failed): one
      // after the other, a page of 50 posts with two photos each waited on 200 round trips.
      const brought = await mapLimit(changed, PULL_DOWNLOADS, (post) => {
        const language: Language = ARABIC.test(post.title.raw + post.content.raw) ? 'ar' : 'fr';
        return deps.media.bring(siteId, client, post, language, session);
      });
      changed.forEach((post, i) => {
        const outcome = brought[i]!;
        if (outcome.status === 'fulfilled') media.set(post.id, outcome.value);
        else
          result.problems.push(
            `“${post.title.raw.slice(0, 120) || `#${post.id}`}” was not stored: ${(outcome.reason as Error).message}. Pull again to retry it.`,
          );
      });
      if (media.size < fresh.length) held = true;
      try {
        storePage(fresh, media);
      } catch (error) {
        // The page's transaction rolled back whole, cursor included: the next pull starts again at this page.
        throw new AppError(
          'internal',
          `The pull stopped while storing posts (${(error as Error).message}). Nothing of that page was kept; pull again to resume from it.`,
        );
      }
      result.pages++;
      if (page >= totalPages || posts.length < perPage) break;
    }
    await sweepTwins();
    result.done = true;
    return result;
  }

  return { pull };
}

export type Puller = ReturnType<typeof createPuller>;
