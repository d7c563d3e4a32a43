import type { Migration } from './index';

/**
 * Comment threads and their comments. Body threads are anchored by a `comment` mark in the body itself
 * (the anchor follows the text); the row keeps the anchor kind, the quoted text (so a detached thread still
 * says what it was about) and the resolved state. Authors are stored as the PersonRef JSON other desks see,
 * so a thread from another desk shows its author without a people table.
 */
export const m0010CommentThreads: Migration = {
  version: 10,
  name: 'comment-threads',
  up(db) {
    db.exec(`
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        anchor TEXT NOT NULL,
        quote TEXT NOT NULL DEFAULT '',
        resolved INTEGER NOT NULL DEFAULT 0,
        resolved_by TEXT,
        resolved_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX comment_threads_by_article ON comment_threads (article_id, created_at);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        at INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX comments_by_thread ON comments (thread_id, at);
    `);
  },
};
