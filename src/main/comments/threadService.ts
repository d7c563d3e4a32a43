import { randomUUID } from 'node:crypto';
import {
  COMMENTABLE_FIELDS,
  Thread,
  type CommentAnchor,
  type Thread as ThreadType,
} from '../../shared/domain/comments';
import type { PersonRef } from '../../shared/domain/people';
import type { ThreadView } from '../../shared/domain/threadView';
import { anchorOrder } from '../../shared/editor/reviewMarks';
import type { ArticleService } from '../articles/articleService';
import { AppError, notFound } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { Db } from '../db/open';
import { withDurability } from '../db/durability';
import { threadQueries } from './threadRows';

const anchorKey = (anchor: CommentAnchor, id: string): string =>
  anchor.kind === 'body' ? `thread:${id}` : anchor.kind === 'imageCaption' ? `image:${anchor.mediaId}` : '';

/**
 * Comment threads of articles: opened on a body range, a field or an inline image's caption; replies,
 * resolve, reopen. The author is always this desk's person (never what a renderer says). A body thread whose
 * marked text is gone is listed as detached, never dropped.
 */
export function createThreadService(deps: {
  db: Db;
  bus: EventBus;
  articles: ArticleService;
  person: () => PersonRef;
  now?: () => number;
}) {
  const q = threadQueries(deps.db);
  const now = deps.now ?? Date.now;
  const changed = (articleId: string): void => deps.bus.emit('comments:changed', { articleId });

  function existing(threadId: string): { articleId: string; thread: ThreadType } {
    const found = q.get(threadId);
    if (!found) throw notFound('The comment thread');
    return found;
  }

  return {
    /** Field threads first (kicker, headline, standfirst, caption), then body threads in document order. */
    list(articleId: string): ThreadView[] {
      const body = deps.articles.get(articleId).body;
      const order = anchorOrder(body);
      const place = new Map(order.map((key, i) => [key, i]));
      const views = q.ofArticle(articleId).map(({ thread }): ThreadView & { rank: number } => {
        if (thread.anchor.kind === 'field')
          return { ...thread, detached: false, rank: COMMENTABLE_FIELDS.indexOf(thread.anchor.field) - 100 };
        const at = place.get(anchorKey(thread.anchor, thread.id));
        return { ...thread, detached: at === undefined, rank: at ?? Number.MAX_SAFE_INTEGER };
      });
      // A stable sort keeps creation order between threads on the same spot.
      return views.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...view }) => view);
    },
    create(articleId: string, anchor: CommentAnchor, quote: string, text: string): ThreadType {
      deps.articles.get(articleId);
      const at = now();
      const thread: ThreadType = {
        id: randomUUID(),
        anchor,
        quote: quote.slice(0, 2000),
        resolved: false,
        resolvedBy: null,
        resolvedAt: null,
        comments: [{ id: randomUUID(), author: deps.person(), at, text }],
      };
      withDurability(deps.db, 'acknowledged', () =>
        deps.db.transaction(() => {
          q.putThread(articleId, thread, at);
          q.putComment(thread.id, thread.comments[0]!);
        })(),
      );
      changed(articleId);
      return thread;
    },
    reply(threadId: string, text: string): ThreadType {
      const { articleId } = existing(threadId);
      withDurability(deps.db, 'acknowledged', () =>
        q.putComment(threadId, { id: randomUUID(), author: deps.person(), at: now(), text }),
      );
      changed(articleId);
      return existing(threadId).thread;
    },
    resolve(threadId: string): ThreadType {
      const { articleId, thread } = existing(threadId);
      if (thread.resolved) throw new AppError('invalid_input', 'This thread is already resolved.');
      withDurability(deps.db, 'acknowledged', () => q.setResolved(threadId, deps.person(), now()));
      changed(articleId);
      return existing(threadId).thread;
    },
    reopen(threadId: string): ThreadType {
      const { articleId, thread } = existing(threadId);
      if (!thread.resolved) throw new AppError('invalid_input', 'This thread is open already.');
      withDurability(deps.db, 'acknowledged', () => q.setResolved(threadId, null, null));
      changed(articleId);
      return existing(threadId).thread;
    },
    /** For the travel code: an article's threads exactly as another desk should receive them. */
    threadsOf(articleId: string): ThreadType[] {
      return q.ofArticle(articleId).map(({ thread }) => thread);
    },
    /**
     * Applies threads received from another desk: each thread replaced by id (its state as sent), its
     * comments merged by id (a reply made here meanwhile is kept). Applying the same threads twice changes
     * nothing. Runs in its own transaction, or as a savepoint inside the caller's (better-sqlite3 nests them).
     */
    applyThreads(articleId: string, threads: readonly ThreadType[]): void {
      const valid = threads.map((t) => Thread.parse(t));
      deps.db.transaction(() => {
        for (const thread of valid) {
          const owner = q.get(thread.id)?.articleId;
          if (owner !== undefined && owner !== articleId)
            throw new AppError('invalid_input', 'A comment thread belongs to another article.');
          q.putThread(articleId, thread, thread.comments[0]?.at ?? now());
          for (const comment of thread.comments) q.putComment(thread.id, comment);
        }
      })();
      if (valid.length) changed(articleId);
    },
    unresolvedCount: (articleId: string): number => q.unresolvedCount(articleId),
  };
}

export type ThreadService = ReturnType<typeof createThreadService>;
