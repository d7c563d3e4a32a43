import type { Migration } from './index';

/**
 * The review loop's people and workflow: who uses this desk (profile, one row), every person this desk has
 * seen (people), each article's creator, assignment and when its status last changed, and the history of
 * status changes and assignments.
 *
 * The desk views (My drafts, To review, ...) walk these indexes in (status, time DESC, id) order with keyset
 * cursors, so they stay fast at a million articles. The creator and assignee indexes are partial: most
 * articles have neither, and an equality on the column lets SQLite use a partial index on it.
 */
export const m0009Workflow: Migration = {
  version: 9,
  name: 'workflow',
  up(db) {
    db.exec(`
      CREATE TABLE profile (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        person_id TEXT NOT NULL,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        colour TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('reporter', 'copy_editor', 'publisher')),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        colour TEXT NOT NULL,
        seen_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      ALTER TABLE articles ADD COLUMN created_by TEXT;
      ALTER TABLE articles ADD COLUMN assignee_id TEXT;
      ALTER TABLE articles ADD COLUMN deadline INTEGER;
      ALTER TABLE articles ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';
      ALTER TABLE articles ADD COLUMN status_changed_at INTEGER;

      CREATE INDEX articles_desk_by_status ON articles (status, updated_at DESC, id);
      CREATE INDEX articles_desk_by_status_change ON articles (status, status_changed_at DESC, id);
      CREATE INDEX articles_desk_by_assignee ON articles (assignee_id, status, updated_at DESC, id)
        WHERE assignee_id IS NOT NULL;
      CREATE INDEX articles_desk_by_creator ON articles (created_by, status, updated_at DESC, id)
        WHERE created_by IS NOT NULL;

      -- One status change. by_person is the PersonRef as it was then (JSON): a history shows the name used at
      -- the time, and travels to desks that never met this person. Rowid tables: two events in the same
      -- millisecond keep the order they were recorded in.
      CREATE TABLE workflow_events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        by_person TEXT NOT NULL,
        at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL
      );
      CREATE INDEX workflow_events_by_article ON workflow_events (article_id, at);

      -- One change of assignment (assignee as a PersonRef JSON, or NULL when cleared).
      CREATE TABLE assignment_events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        by_person TEXT NOT NULL,
        at INTEGER NOT NULL,
        assignee TEXT,
        deadline INTEGER,
        priority TEXT NOT NULL
      );
      CREATE INDEX assignment_events_by_article ON assignment_events (article_id, at);
    `);
  },
};
