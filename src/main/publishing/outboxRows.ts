import type { Db } from '../db/open';

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed' | 'conflict' | 'cancelled';

export interface OutboxRow {
  id: number;
  site_id: string;
  article_id: string | null;
  operation: string;
  payload: string;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  next_try_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** Statuses that hold back the later rows of the same article: order per article is kept. */
const BLOCKING = "('pending', 'running', 'failed', 'conflict')";

export function outboxQueries(db: Db) {
  const insert = db.prepare<[Omit<OutboxRow, 'id' | 'status' | 'attempts' | 'last_error'>]>(
    `INSERT INTO outbox (site_id, article_id, operation, payload, idempotency_key, next_try_at, created_at, updated_at)
     VALUES (@site_id, @article_id, @operation, @payload, @idempotency_key, @next_try_at, @created_at, @updated_at)`,
  );
  const get = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  // The first unfinished row of each article (and rows without an article), due now.
  const due = db.prepare<[number, number], OutboxRow>(
    `SELECT o.* FROM outbox o
      WHERE o.status = 'pending' AND o.next_try_at <= ?
        AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.article_id = o.article_id AND e.id < o.id
                          AND e.status IN ${BLOCKING})
      ORDER BY o.id LIMIT ?`,
  );
  const nextDue = db.prepare<[], { at: number | null }>(
    "SELECT min(next_try_at) AS at FROM outbox WHERE status = 'pending'",
  );
  const unfinished = db.prepare<[], OutboxRow>(
    `SELECT * FROM outbox WHERE status IN ${BLOCKING} ORDER BY id`,
  );
  const ofArticle = db.prepare<[string], OutboxRow>(
    'SELECT * FROM outbox WHERE article_id = ? ORDER BY id DESC LIMIT 50',
  );
  const counts = db.prepare<[], { status: OutboxStatus; n: number }>(
    'SELECT status, count(*) AS n FROM outbox GROUP BY status',
  );
  const setStatus = db.prepare<
    [{ id: number; status: OutboxStatus; last_error: string | null; updated_at: number }]
  >('UPDATE outbox SET status = @status, last_error = @last_error, updated_at = @updated_at WHERE id = @id');
  const start = db.prepare<[number, number]>(
    "UPDATE outbox SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending'",
  );
  const later = db.prepare<[{ id: number; next_try_at: number; last_error: string; updated_at: number }]>(
    `UPDATE outbox SET status = 'pending', next_try_at = @next_try_at, last_error = @last_error,
                       updated_at = @updated_at WHERE id = @id`,
  );
  const retry = db.prepare<[number, number, number]>(
    `UPDATE outbox SET status = 'pending', next_try_at = ?, updated_at = ?
      WHERE id = ? AND status IN ('pending', 'failed', 'conflict')`,
  );
  const cancel = db.prepare<[number, number]>(
    "UPDATE outbox SET status = 'cancelled', updated_at = ? WHERE id = ? AND status IN ('pending', 'failed', 'conflict')",
  );
  const retryConflicts = db.prepare<[number, number, string, string]>(
    `UPDATE outbox SET status = 'pending', next_try_at = ?, updated_at = ?
      WHERE article_id = ? AND site_id = ? AND status = 'conflict'`,
  );
  const note = db.prepare<[{ id: number; text: string; updated_at: number }]>(
    `UPDATE outbox SET last_error = CASE WHEN last_error IS NULL THEN @text ELSE last_error || ' ' || @text END,
                       updated_at = @updated_at WHERE id = @id`,
  );
  const recover = db.prepare("UPDATE outbox SET status = 'pending' WHERE status = 'running'");
  return {
    insert: (row: Omit<OutboxRow, 'id' | 'status' | 'attempts' | 'last_error'>): number =>
      Number(insert.run(row).lastInsertRowid),
    get: (id: number): OutboxRow | undefined => get.get(id),
    due: (now: number, limit: number): OutboxRow[] => due.all(now, limit),
    nextDue: (): number | null => nextDue.get()?.at ?? null,
    unfinished: (): OutboxRow[] => unfinished.all(),
    ofArticle: (articleId: string): OutboxRow[] => ofArticle.all(articleId),
    counts: (): Record<string, number> => Object.fromEntries(counts.all().map((c) => [c.status, c.n])),
    /** Claims a pending row; false when someone else did (or it was cancelled meanwhile). */
    start: (id: number, now: number): boolean => start.run(now, id).changes === 1,
    finish: (id: number, status: OutboxStatus, lastError: string | null, now: number): void =>
      void setStatus.run({ id, status, last_error: lastError, updated_at: now }),
    later: (id: number, nextTryAt: number, lastError: string, now: number): void =>
      void later.run({ id, next_try_at: nextTryAt, last_error: lastError, updated_at: now }),
    retry: (id: number, now: number): boolean => retry.run(now, now, id).changes === 1,
    cancel: (id: number, now: number): boolean => cancel.run(now, id).changes === 1,
    retryConflicts: (articleId: string, siteId: string, now: number): number =>
      retryConflicts.run(now, now, articleId, siteId).changes,
    /** Adds to a row's log (a finished row keeps its status). */
    note: (id: number, text: string, now: number): void => void note.run({ id, text, updated_at: now }),
    /** A row left running by a crash goes back to pending: the create path finds a post it may have made. */
    recover: (): number => recover.run().changes,
  };
}

export type OutboxQueries = ReturnType<typeof outboxQueries>;
