import type { Comment, CommentAnchor, Thread } from '../../shared/domain/comments';
import type { PersonRef } from '../../shared/domain/people';
import type { Db } from '../db/open';

interface ThreadRow {
  id: string;
  article_id: string;
  anchor: string;
  quote: string;
  resolved: number;
  resolved_by: string | null;
  resolved_at: number | null;
  created_at: number;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author: string;
  at: number;
  text: string;
}

/** comment_threads and comments, as plain statements prepared once. */
export function threadQueries(db: Db) {
  const threadsOf = db.prepare<[string], ThreadRow>(
    'SELECT * FROM comment_threads WHERE article_id = ? ORDER BY created_at, rowid',
  );
  const threadById = db.prepare<[string], ThreadRow>('SELECT * FROM comment_threads WHERE id = ?');
  const commentsOfArticle = db.prepare<[string], CommentRow>(
    `SELECT c.* FROM comments c JOIN comment_threads t ON t.id = c.thread_id
     WHERE t.article_id = ? ORDER BY c.at, c.rowid`,
  );
  const commentsOfThread = db.prepare<[string], CommentRow>(
    'SELECT * FROM comments WHERE thread_id = ? ORDER BY at, rowid',
  );
  const upsertThread = db.prepare(
    `INSERT INTO comment_threads (id, article_id, anchor, quote, resolved, resolved_by, resolved_at, created_at)
     VALUES (@id, @article_id, @anchor, @quote, @resolved, @resolved_by, @resolved_at, @created_at)
     ON CONFLICT (id) DO UPDATE SET anchor = excluded.anchor, quote = excluded.quote,
       resolved = excluded.resolved, resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at`,
  );
  const upsertComment = db.prepare(
    `INSERT INTO comments (id, thread_id, author, at, text) VALUES (@id, @thread_id, @author, @at, @text)
     ON CONFLICT (id) DO UPDATE SET author = excluded.author, at = excluded.at, text = excluded.text`,
  );
  const setResolved = db.prepare(
    'UPDATE comment_threads SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
  );
  const unresolved = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM comment_threads WHERE article_id = ? AND resolved = 0',
  );

  const toThread = (row: ThreadRow, comments: CommentRow[]): Thread => ({
    id: row.id,
    anchor: JSON.parse(row.anchor) as CommentAnchor,
    quote: row.quote,
    resolved: row.resolved === 1,
    resolvedBy: row.resolved_by === null ? null : (JSON.parse(row.resolved_by) as PersonRef),
    resolvedAt: row.resolved_at,
    comments: comments.map((c): Comment => ({
      id: c.id,
      author: JSON.parse(c.author) as PersonRef,
      at: c.at,
      text: c.text,
    })),
  });

  return {
    /** Every thread of an article with its comments, oldest first. */
    ofArticle(articleId: string): { articleId: string; thread: Thread }[] {
      const byThread = new Map<string, CommentRow[]>();
      for (const c of commentsOfArticle.all(articleId)) {
        const list = byThread.get(c.thread_id) ?? [];
        list.push(c);
        byThread.set(c.thread_id, list);
      }
      return threadsOf
        .all(articleId)
        .map((row) => ({ articleId, thread: toThread(row, byThread.get(row.id) ?? []) }));
    },
    get(threadId: string): { articleId: string; thread: Thread } | undefined {
      const row = threadById.get(threadId);
      return row && { articleId: row.article_id, thread: toThread(row, commentsOfThread.all(threadId)) };
    },
    putThread(articleId: string, thread: Thread, createdAt: number): void {
      upsertThread.run({
        id: thread.id,
        article_id: articleId,
        anchor: JSON.stringify(thread.anchor),
        quote: thread.quote,
        resolved: thread.resolved ? 1 : 0,
        resolved_by: thread.resolvedBy ? JSON.stringify(thread.resolvedBy) : null,
        resolved_at: thread.resolvedAt,
        created_at: createdAt,
      });
    },
    putComment(threadId: string, comment: Comment): void {
      upsertComment.run({
        id: comment.id,
        thread_id: threadId,
        author: JSON.stringify(comment.author),
        at: comment.at,
        text: comment.text,
      });
    },
    setResolved(threadId: string, by: PersonRef | null, at: number | null): void {
      setResolved.run(by ? 1 : 0, by ? JSON.stringify(by) : null, at, threadId);
    },
    unresolvedCount: (articleId: string): number => unresolved.get(articleId)?.n ?? 0,
  };
}
