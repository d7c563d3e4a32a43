import type { ArticleStatus } from '../../shared/domain/article';
import type { DeskCounts, DeskItem, DeskPage, DeskView, LocalDay } from '../../shared/domain/desk';
import { DESK_VIEWS } from '../../shared/domain/desk';
import type { Priority } from '../../shared/domain/workflow';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';

/**
 * One index walk of a desk view: articles with these column values, newest first by `order`.
 * A view is the union of a few such streams (each walks one index with a keyset cursor, never OFFSET), merged
 * here; an article in two streams (created by me and assigned to me) is shown once.
 */
interface Stream {
  status: ArticleStatus;
  /** Also restricted to one person (the local profile), by this column. */
  person?: 'created_by' | 'assignee_id';
  /** Excludes articles of the same view's other stream, so counts add up (my drafts: assigned, not created). */
  notCreatedBy?: boolean;
}

type Order = 'updated_at' | 'status_changed_at';

/**
 * The views, written in one place. "To review" is everything submitted or in copy edit, plus what is assigned
 * to me and not yet a draft, published or spiked; "My drafts" is drafts I created or that are assigned to me.
 */
function streamsOf(view: DeskView, me: string | undefined): Stream[] {
  const mine = (streams: Stream[]): Stream[] => (me ? streams : []);
  switch (view) {
    case 'my_drafts':
      return mine([
        { status: 'draft', person: 'created_by' },
        { status: 'draft', person: 'assignee_id', notCreatedBy: true },
      ]);
    case 'to_review':
      return [
        { status: 'submitted' },
        { status: 'in_copy_edit' },
        ...mine([
          { status: 'approved', person: 'assignee_id' },
          { status: 'scheduled', person: 'assignee_id' },
        ]),
      ];
    case 'approved':
      return [{ status: 'approved' }];
    case 'scheduled':
      return [{ status: 'scheduled' }];
    case 'published_today':
      return [{ status: 'published' }];
    case 'spiked':
      return [{ status: 'spiked' }];
  }
}

const orderOf = (view: DeskView): Order => (view === 'published_today' ? 'status_changed_at' : 'updated_at');

interface DeskRow {
  id: string;
  kicker: string;
  headline: string;
  status: string;
  language: string;
  updated_at: number;
  revision: number;
  assignee_id: string | null;
  deadline: number | null;
  priority: string;
  status_changed_at: number | null;
  a_name: string | null;
  a_initials: string | null;
  a_colour: string | null;
}

const COLUMNS = `a.id, a.kicker, a.headline, a.status, a.language, a.updated_at, a.revision, a.assignee_id,
  a.deadline, a.priority, a.status_changed_at, p.name AS a_name, p.initials AS a_initials, p.colour AS a_colour`;

function toItem(row: DeskRow): DeskItem {
  return {
    id: row.id,
    kicker: row.kicker,
    headline: row.headline,
    status: row.status as ArticleStatus,
    language: row.language as DeskItem['language'],
    updatedAt: row.updated_at,
    revision: row.revision,
    assignee:
      row.assignee_id === null
        ? null
        : {
            id: row.assignee_id,
            name: row.a_name ?? row.assignee_id,
            initials: row.a_initials ?? '?',
            colour: row.a_colour ?? '#777777',
          },
    deadline: row.deadline,
    priority: row.priority as Priority,
    statusChangedAt: row.status_changed_at,
  };
}

interface Cursor {
  key: number;
  id: string;
}

function parseCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined;
  const m = /^(-?\d{1,16}):([0-9a-f-]{36})$/.exec(cursor);
  if (!m) throw new AppError('invalid_input', 'Bad cursor.');
  return { key: Number(m[1]), id: m[2]! };
}

/** A stream's row as its index holds it. */
interface Key {
  id: string;
  sort_key: number;
}

/** Newest first; ties by id, the order the (status, time DESC, id) indexes hold. */
const before = (a: Key, b: Key): number =>
  b.sort_key - a.sort_key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The desk views: keyset pages and counts over the workflow indexes of migration 0009. */
export function createDeskListing(db: Db) {
  type Statement = ReturnType<typeof db.prepare<unknown[]>>;
  // A handful of shapes per view: each prepared once, on first use.
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement;
  };

  /**
   * The WHERE of a stream. `forCount` adds the exclusion that keeps a view's streams disjoint (a page needs
   * none: it drops an article seen twice). The day and the cursor make one range on the order column: two
   * upper bounds on it lead SQLite's planner into a skip-scan and a sort.
   */
  function where(
    stream: Stream,
    order: Order,
    me: string | undefined,
    day: LocalDay | undefined,
    after: Cursor | undefined,
    forCount: boolean,
  ) {
    const terms = ['a.status = ?'];
    const params: (string | number)[] = [stream.status];
    if (stream.person) {
      terms.push(`a.${stream.person} = ?`);
      params.push(me!);
    }
    if (forCount && stream.notCreatedBy) {
      terms.push('(a.created_by IS NULL OR a.created_by <> ?)');
      params.push(me!);
    }
    if (day) {
      terms.push(`a.${order} >= ?`);
      params.push(day.dayStart);
    }
    const upper = Math.min(
      day ? day.dayEnd - 1 : Number.MAX_SAFE_INTEGER,
      after?.key ?? Number.MAX_SAFE_INTEGER,
    );
    if (day || after) {
      // The "<=" gives SQLite a range to seek to in the index; the cursor's OR alone would walk from the top.
      terms.push(`a.${order} <= ?`);
      params.push(upper);
    }
    if (after) {
      terms.push(`(a.${order} < ? OR a.id > ?)`);
      params.push(after.key, after.id);
    }
    return { terms, params };
  }

  /** Only the keys, from the index alone; the rows of the page's winners are read once, by id. */
  function pageQuery(
    stream: Stream,
    order: Order,
    me: string | undefined,
    day: LocalDay | undefined,
    after: Cursor | undefined,
  ) {
    const { terms, params } = where(stream, order, me, day, after, false);
    const sql = `SELECT a.id, a.${order} AS sort_key FROM articles a
      WHERE ${terms.join(' AND ')} ORDER BY a.${order} DESC, a.id LIMIT ?`;
    return { sql, params };
  }

  function countQuery(stream: Stream, order: Order, me: string | undefined, day: LocalDay | undefined) {
    const { terms, params } = where(stream, order, me, day, undefined, true);
    return { sql: `SELECT count(*) AS n FROM articles a WHERE ${terms.join(' AND ')}`, params };
  }

  // CROSS JOIN keeps the id list as the outer loop: each row is then one primary-key lookup, never a scan.
  const rowsById = db.prepare<[string], DeskRow>(
    `SELECT ${COLUMNS} FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value
       LEFT JOIN people p ON p.id = a.assignee_id`,
  );

  return {
    page(view: DeskView, me: string | undefined, day: LocalDay, limit: number, cursor?: string): DeskPage {
      const after = parseCursor(cursor);
      const order = orderOf(view);
      const range = view === 'published_today' ? day : undefined;
      const keys = streamsOf(view, me)
        .flatMap((stream) => {
          const { sql, params } = pageQuery(stream, order, me, range, after);
          return prepared(sql).all(...params, limit) as Key[];
        })
        .sort(before);
      const seen = new Set<string>();
      const winners: Key[] = [];
      for (const key of keys) {
        if (seen.has(key.id)) continue;
        seen.add(key.id);
        winners.push(key);
        if (winners.length === limit) break;
      }
      const rows = new Map(rowsById.all(JSON.stringify(winners.map((k) => k.id))).map((r) => [r.id, r]));
      const last = winners.at(-1);
      return {
        items: winners.flatMap((k) => {
          const row = rows.get(k.id);
          return row ? [toItem(row)] : [];
        }),
        nextCursor: last && winners.length === limit ? `${last.sort_key}:${last.id}` : null,
      };
    },
    counts(me: string | undefined, day: LocalDay): DeskCounts {
      const out = {} as DeskCounts;
      for (const view of DESK_VIEWS) {
        const order = orderOf(view);
        const range = view === 'published_today' ? day : undefined;
        out[view] = streamsOf(view, me).reduce((n, stream) => {
          const { sql, params } = countQuery(stream, order, me, range);
          return n + (prepared(sql).get(...params) as { n: number }).n;
        }, 0);
      }
      return out;
    },
    /** The statements a view runs, for EXPLAIN QUERY PLAN in tests. */
    explain(view: DeskView, me: string, day: LocalDay): string[] {
      const order = orderOf(view);
      const range = view === 'published_today' ? day : undefined;
      const plan = ({ sql, params }: { sql: string; params: (string | number)[] }, extra: number[]): string =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, ...extra) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
      const later = { key: 1, id: '00000000-0000-4000-8000-000000000000' };
      const byId = (db.prepare(`EXPLAIN QUERY PLAN ${rowsById.source}`).all('["x"]') as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      return [
        ...streamsOf(view, me).flatMap((stream) => [
          plan(pageQuery(stream, order, me, range, undefined), [10]),
          plan(pageQuery(stream, order, me, range, later), [10]),
          plan(countQuery(stream, order, me, range), []),
        ]),
        byId,
      ];
    },
  };
}

export type DeskListing = ReturnType<typeof createDeskListing>;
