import { randomUUID } from 'node:crypto';
import type { OutboxItem, SyncAction, SyncOverview } from '../../shared/domain/publication';
import { AppError } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { Db } from '../db/open';
import { withDurability } from '../db/durability';
import type { ArticleService } from '../articles/articleService';
import { outboxQueries, type OutboxRow } from './outboxRows';
import type { Publisher, PushPayload } from './publisher';
import type { SiteService } from './siteService';
import { WpError } from './wordpressClient';

export interface OutboxOptions {
  now?: () => number;
  /** First retry delay; doubles each attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A transient failure this many times in a row becomes a failure the user must retry. */
  maxAttempts?: number;
  /**
   * How long after a retried create a request of an earlier attempt may still land on the site (held by a
   * proxy, a slow link, a site that queues): the late sweep for a duplicate post runs then.
   */
  lateRequestMs?: number;
}

type Operation = 'push' | 'media' | 'sweep';

function toItem(row: OutboxRow): OutboxItem {
  const payload = JSON.parse(row.payload) as { action?: string };
  return {
    id: row.id,
    siteId: row.site_id,
    articleId: row.article_id,
    operation: row.operation,
    action: payload.action ?? row.operation,
    status: row.status,
    attempts: row.attempts,
    nextTryAt: row.next_try_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/**
 * The durable outbox: every operation is a row before anything goes out, so it survives restarts and a site
 * that is down. Rows drain one at a time, in id order per article (a failed or conflicting row holds back the
 * later rows of its article until retried or cancelled); transient failures come back with exponential backoff.
 */
export function createOutbox(
  db: Db,
  bus: EventBus,
  deps: { publisher: Publisher; articles: ArticleService; sites: SiteService },
  options: OutboxOptions = {},
) {
  const q = outboxQueries(db);
  const now = options.now ?? Date.now;
  const baseDelay = options.baseDelayMs ?? 2_000;
  const maxDelay = options.maxDelayMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 50;
  const lateRequestMs = options.lateRequestMs ?? 10 * 60_000;
  let draining: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  // Set by stop(): a drain in flight finishes its current row and takes no other (the store is about to close).
  let closing = false;
  let sending = false;

  // A row left 'running' by a crash goes back to pending; its create will look for the post it may have made.
  q.recover();

  const changed = (articleId: string | null): void => bus.emit('sync:changed', { articleId });

  const enqueue = db.transaction(
    (articleId: string, siteId: string, action: SyncAction, scheduledAt: number | undefined): number[] => {
      const article = deps.articles.get(articleId);
      deps.sites.get(siteId);
      const at = now();
      const ids: number[] = [];
      const add = (operation: Operation, payload: object): void => {
        ids.push(
          q.insert({
            site_id: siteId,
            article_id: articleId,
            operation,
            payload: JSON.stringify(payload),
            idempotency_key: randomUUID(),
            next_try_at: at,
            created_at: at,
            updated_at: at,
          }),
        );
      };
      if (action !== 'trash' && article.featuredImage)
        add('media', { action: 'media', mediaId: article.featuredImage.mediaId });
      add('push', { action, scheduledAt } satisfies PushPayload);
      return ids;
    },
  );

  /**
   * An operation that needed more than one attempt: a request of an earlier one may still be in transit, so
   * look again for a twin post or image once it could have landed.
   */
  function lateSweep(row: OutboxRow, articleId: string): void {
    const at = now();
    q.insert({
      site_id: row.site_id,
      article_id: null,
      operation: 'sweep',
      payload: JSON.stringify({ action: 'sweep', articleId, pushRowId: row.id }),
      idempotency_key: randomUUID(),
      next_try_at: at + lateRequestMs,
      created_at: at,
      updated_at: at,
    });
  }

  async function runRow(row: OutboxRow): Promise<void> {
    // Marked running without waiting for the disk (synced off the main thread). Lost to a power cut, the row is
    // simply pending again, and a create looks for the post it may have made before creating (marker search).
    if (!withDurability(db, 'relaxed', () => q.start(row.id, now()))) return;
    const articleId = row.article_id;
    try {
      if (row.operation === 'media') {
        const payload = JSON.parse(row.payload) as { mediaId: string };
        const article = articleId ? deps.articles.get(articleId) : undefined;
        const meta = article?.featuredImage ?? { alt: '', caption: '', credit: '' };
        let notice: string | null = null;
        try {
          await deps.publisher.ensureMedia(row.site_id, payload.mediaId, meta, article?.language ?? 'fr');
        } catch (error) {
          // The push row says the same and goes out without the photo; this row has nothing left to do.
          if (!(error instanceof WpError && error.code === 'media_missing')) throw error;
          notice = error.message;
        }
        // Synced off the main thread like a push row's end; lost to a power cut, the row runs again and finds
        // the upload by its marker.
        withDurability(db, 'relaxed', () => q.finish(row.id, 'done', notice, now()));
        if (articleId && row.attempts > 0) lateSweep(row, articleId);
      } else if (row.operation === 'sweep') {
        // Not tied to the article's order (article_id is null): it only looks for, and trashes, a late twin.
        const payload = JSON.parse(row.payload) as { articleId: string; pushRowId: number };
        const notice = await deps.publisher.sweep(payload.articleId, row.site_id);
        q.finish(row.id, 'done', notice ?? null, now());
        if (notice) {
          q.note(payload.pushRowId, notice, now());
          changed(payload.articleId);
        }
      } else if (articleId) {
        const outcome = await deps.publisher.push(
          articleId,
          row.site_id,
          JSON.parse(row.payload) as PushPayload,
          { retry: row.attempts > 0 },
        );
        // The row's end and what the push recorded are synced off the main thread (relaxed): the next row
        // need not wait for the disk. Lost to a power cut, the row runs again and finds its post by marker.
        withDurability(db, 'relaxed', () =>
          q.finish(
            row.id,
            outcome.kind,
            outcome.kind === 'conflict' ? outcome.message : (outcome.notice ?? null),
            now(),
          ),
        );
        if (outcome.kind === 'done' && row.attempts > 0) lateSweep(row, articleId);
      } else {
        q.finish(row.id, 'failed', `Unknown operation ${row.operation}.`, now());
      }
    } catch (error) {
      const wp = error instanceof WpError ? error : undefined;
      const message =
        wp?.message ??
        (error instanceof AppError ? error.message : `Internal error: ${(error as Error).message}`);
      const attempts = row.attempts + 1;
      if (wp?.transient && attempts < maxAttempts) {
        // The wait a site asked for (Retry-After of a 503 or 429) when longer, within the outbox's ceiling.
        const delay = Math.min(maxDelay, Math.max(baseDelay * 2 ** (attempts - 1), wp.retryAfterMs ?? 0));
        q.later(row.id, now() + delay, message, now());
      } else {
        q.finish(row.id, 'failed', message, now());
        if (articleId && row.operation === 'push')
          deps.publisher.recordFailure(articleId, row.site_id, message);
      }
    }
    changed(articleId);
  }

  /** Sends every row that is due now, one at a time; resolves with how many were tried. */
  function drain(): Promise<number> {
    draining ??= (async () => {
      // Yield first: were the body to finish synchronously (nothing due), its finally would clear `draining`
      // before this assignment set it, and every later drain would return that old, settled promise.
      await null;
      let tried = 0;
      try {
        for (;;) {
          if (closing) break;
          const [row] = q.due(now(), 1);
          if (!row) break;
          sending = true;
          try {
            await runRow(row);
          } finally {
            sending = false;
          }
          tried++;
        }
      } finally {
        draining = undefined;
        schedule();
      }
      return tried;
    })();
    return draining;
  }

  /** Background drains never throw into the void: a store closed mid-drain is logged, not a crash. */
  function kick(): void {
    drain().catch((error: unknown) => console.error('[outbox] drain stopped:', (error as Error).message));
  }

  /** While started, wakes up when the next row is due. */
  function schedule(): void {
    if (!running) return;
    clearTimeout(timer);
    const next = q.nextDue();
    if (next === null) return;
    timer = setTimeout(kick, Math.max(0, next - now()));
    timer.unref?.();
  }

  return {
    enqueue(articleId: string, siteId: string, action: SyncAction, scheduledAt?: number): OutboxItem[] {
      if (action === 'schedule' && scheduledAt === undefined)
        throw new AppError('invalid_input', 'Choose when the article goes live.');
      const ids = enqueue.immediate(articleId, siteId, action, scheduledAt);
      changed(articleId);
      if (running) kick();
      return ids.map((id) => toItem(q.get(id) as OutboxRow));
    },
    drain,
    /** Until everything due now and what comes due within maxWaitMs has been tried (tests, the bench). */
    async settle(maxWaitMs = 60_000): Promise<void> {
      const until = now() + maxWaitMs;
      for (;;) {
        await drain();
        const next = q.nextDue();
        if (next === null || next > until) return;
        await new Promise((r) => setTimeout(r, Math.max(0, next - now())));
      }
    },
    start(): void {
      running = true;
      closing = false;
      kick();
    },
    /** True while a row is being sent: closing the store now would cut it off. */
    isDraining: (): boolean => sending,
    /**
     * No more rows go out; resolves once the row being sent (if any) is finished and recorded, so the store can
     * be closed under it without a "connection is not open" in the middle of a drain.
     */
    stop(): Promise<void> {
      running = false;
      closing = true;
      clearTimeout(timer);
      return (draining ?? Promise.resolve(0)).then(
        () => undefined,
        () => undefined,
      );
    },
    retry(id: number): OutboxItem {
      const row = q.get(id);
      if (!row) throw new AppError('not_found', 'This operation was not found.');
      if (!q.retry(id, now())) throw new AppError('conflict', 'This operation is already done or cancelled.');
      changed(row.article_id);
      if (running) kick();
      return toItem(q.get(id) as OutboxRow);
    },
    cancel(id: number): OutboxItem {
      const row = q.get(id);
      if (!row) throw new AppError('not_found', 'This operation was not found.');
      if (!q.cancel(id, now()))
        throw new AppError('conflict', 'This operation is running or already finished.');
      changed(row.article_id);
      return toItem(q.get(id) as OutboxRow);
    },
    /** After a conflict was resolved: its held rows go out again. */
    retryConflicts(articleId: string, siteId: string): void {
      q.retryConflicts(articleId, siteId, now());
      changed(articleId);
      if (running) kick();
    },
    overview(): SyncOverview {
      // A late sweep waiting for its time is housekeeping, not an operation the user has to watch.
      const items = q.unfinished().filter((r) => !(r.operation === 'sweep' && r.status === 'pending'));
      return { items: items.map(toItem), counts: q.counts() };
    },
    ofArticle: (articleId: string): OutboxItem[] => q.ofArticle(articleId).map(toItem),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
