import { join } from 'node:path';
import { createMediaStore } from '../../../src/main/media/mediaStore';
import { fieldsOf, type ArticleFields } from '../../../src/shared/domain/article';
import { createArticleService } from '../../../src/main/articles/articleService';
import { createEventBus } from '../../../src/main/core/eventBus';
import { openDatabase, type Db } from '../../../src/main/db/open';
import { createFileCredentialStore } from '../../../src/main/publishing/credentialStore';
import { storeMediaSource } from '../../../src/main/publishing/mediaSource';
import { createMediaDownloader } from '../../../src/main/publishing/mediaDownloader';
import { createPuller } from '../../../src/main/publishing/pull';
import { createConflictService } from '../../../src/main/publishing/conflicts';
import { createOutbox, type OutboxOptions } from '../../../src/main/publishing/outbox';
import { createPublisher } from '../../../src/main/publishing/publisher';
import { createSiteService } from '../../../src/main/publishing/siteService';
import { createSyncService } from '../../../src/main/publishing/syncService';
import { createTermService } from '../../../src/main/taxonomy/termService';
import { markerOf, type WpPost } from '../../../src/main/publishing/mapping';
import { wordpressSite, wpAdmin } from '../../support/wordpress';

/** A small PNG whose bytes vary with the seed, for tests that need distinct images. */
export function tinyPng(seed: number): Uint8Array {
  const hex =
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201' +
    (seed % 256).toString(16).padStart(2, '0') +
    '0000000049454e44ae426082';
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/** The real services over a fresh store, pointed at the real WordPress as the given user. */
export function publishingFixture(
  dir: string,
  user: 'editor' | 'author' = 'editor',
  options: { url?: string; timeoutMs?: number; outbox?: OutboxOptions; reuse?: Db } = {},
) {
  const wp = wordpressSite();
  const db = options.reuse ?? openDatabase(join(dir, 'store.sqlite3'));
  const bus = createEventBus();
  const terms = createTermService(db);
  const media = createMediaStore(dir);
  const articles = createArticleService(db, bus, terms, media);
  const sites = createSiteService(db, createFileCredentialStore(join(dir, 'creds.json')));
  const site =
    (options.reuse ? sites.list()[0] : undefined) ??
    sites.add({
      url: options.url ?? wp.url,
      username: user,
      password: wp.users[user].applicationPassword,
    });
  const publisher = createPublisher({
    db,
    articles,
    sites,
    media: storeMediaSource(media),
    terms,
    timeoutMs: options.timeoutMs,
  });
  const outbox = createOutbox(
    db,
    bus,
    { publisher, articles, sites },
    { baseDelayMs: 50, maxDelayMs: 400, ...options.outbox },
  );
  const sync = createSyncService({ articles, sites, publisher, outbox });
  const conflicts = createConflictService({ articles, publisher, outbox, terms });
  const puller = createPuller({
    db,
    articles,
    sites,
    publisher,
    terms,
    media: createMediaDownloader({ db, media, now: Date.now }),
  });

  function write(id: string, patch: Partial<ArticleFields>) {
    const current = articles.get(id);
    return articles.save({ id, baseRevision: current.revision, fields: { ...fieldsOf(current), ...patch } });
  }

  return {
    wp,
    db,
    bus,
    terms,
    media,
    articles,
    sites,
    site,
    publisher,
    outbox,
    sync,
    conflicts,
    puller,
    write,
  };
}

export const paragraph = (...texts: string[]) => ({
  type: 'doc' as const,
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** The site's posts (any status but trash) carrying this article's marker, as the admin reads them. */
export async function postsWithMarker(articleId: string): Promise<WpPost[]> {
  return wpAdmin<WpPost[]>(
    'GET',
    `wp/v2/posts?search=${markerOf(articleId)}&status=draft,pending,future,publish,private&context=edit`,
  );
}
