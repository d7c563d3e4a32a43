import { describe, expect, it } from 'vitest';
import { DESK_VIEWS, type DeskView } from '../../../src/shared/domain/desk';
import type { ArticleStatus } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';
import { deskCore, forceStatus } from './support';
import type { Core } from '../../../src/main/core/startCore';

const tempDir = useTempDirs();
const DAY = { dayStart: 1_800_000_000_000, dayEnd: 1_800_000_000_000 + 86_400_000 };
const OTHER = {
  id: '3f1e2d4c-5b6a-4789-8abc-def012345678',
  name: 'Karim B',
  initials: 'KB',
  colour: '#0033aa',
};

function all(core: Core, view: DeskView, pageSize: number): string[] {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = core.services.desk.page(view, core.services.profiles.get()?.id, DAY, pageSize, cursor);
    out.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('desk views', () => {
  it('sort articles into My drafts, To review, Approved, Scheduled, Published today and Spiked, with counts', () => {
    const core = deskCore(tempDir(), 'copy_editor');
    const { articles, workflow, profiles, desk } = core.services;
    const me = profiles.require();
    core.db
      .prepare('INSERT INTO people (id, name, initials, colour, seen_at) VALUES (?, ?, ?, ?, 1)')
      .run(OTHER.id, OTHER.name, OTHER.initials, OTHER.colour);
    const make = (status: ArticleStatus, opts: { mine?: boolean; assignee?: string } = {}): string => {
      const a = opts.mine === false ? articles.create('fr') : workflow.create('fr');
      forceStatus(core, a.id, status);
      if (opts.assignee)
        core.db.prepare('UPDATE articles SET assignee_id = ? WHERE id = ?').run(opts.assignee, a.id);
      return a.id;
    };
    const myDraft = make('draft');
    const myAssignedDraft = make('draft', { mine: false, assignee: me.id });
    const bothDraft = make('draft', { assignee: me.id });
    make('draft', { mine: false });
    make('draft', { mine: false, assignee: OTHER.id });
    const submitted = [make('submitted', { mine: false }), make('submitted', { mine: false })];
    const inCopy = make('in_copy_edit', { mine: false, assignee: OTHER.id });
    const approvedMine = make('approved', { mine: false, assignee: me.id });
    const approved = make('approved', { mine: false });
    const scheduled = make('scheduled', { mine: false });
    const publishedToday = make('published', { mine: false });
    core.db
      .prepare('UPDATE articles SET status_changed_at = ? WHERE id = ?')
      .run(DAY.dayStart + 1000, publishedToday);
    const publishedYesterday = make('published', { mine: false });
    core.db
      .prepare('UPDATE articles SET status_changed_at = ? WHERE id = ?')
      .run(DAY.dayStart - 1000, publishedYesterday);
    const spiked = make('spiked', { mine: false });

    const expected: Record<DeskView, string[]> = {
      my_drafts: [myDraft, myAssignedDraft, bothDraft],
      to_review: [...submitted, inCopy, approvedMine],
      approved: [approvedMine, approved],
      scheduled: [scheduled],
      published_today: [publishedToday],
      spiked: [spiked],
    };
    const counts = desk.counts(me.id, DAY);
    for (const view of DESK_VIEWS) {
      for (const size of [1, 2, 100]) {
        const ids = all(core, view, size);
        expect(new Set(ids), `${view} by ${size}`).toEqual(new Set(expected[view]));
        expect(ids, `${view} by ${size}: each once`).toHaveLength(expected[view].length);
      }
      expect(counts[view], view).toBe(expected[view].length);
    }
    const item = desk.page('to_review', me.id, DAY, 10).items.find((i) => i.id === inCopy);
    expect(item?.assignee).toEqual(OTHER);
    core.close();
  });

  it('pages newest first through ties with a keyset cursor', () => {
    const core = deskCore(tempDir(), 'copy_editor');
    const ids = Array.from({ length: 9 }, () => core.services.workflow.create('fr').id);
    ids.forEach((id) => forceStatus(core, id, 'submitted'));
    core.db.prepare('UPDATE articles SET updated_at = 5 WHERE rowid % 2 = 0').run();
    const expected = core.db
      .prepare("SELECT id FROM articles WHERE status = 'submitted' ORDER BY updated_at DESC, id")
      .pluck()
      .all();
    expect(all(core, 'to_review', 2)).toEqual(expected);
    core.close();
  });

  it('every desk query walks an index: no scan of articles, no temporary sort', () => {
    const core = deskCore(tempDir(), 'copy_editor');
    // Statistics like a large store's, so the planner chooses as it would at a million articles.
    for (let i = 0; i < 50; i++) core.services.workflow.create('fr');
    core.db.exec('ANALYZE');
    const me = core.services.profiles.require().id;
    for (const view of DESK_VIEWS) {
      for (const plan of core.services.desk.explain(view, me, DAY)) {
        // Each stream walks a desk index; the page's rows are then read by primary key.
        expect(plan, `${view}:\n${plan}`).toMatch(
          /USING (COVERING )?INDEX articles_desk_|SEARCH a USING INDEX sqlite_autoindex_articles_1 \(id=\?\)/,
        );
        expect(plan, `${view}:\n${plan}`).not.toMatch(/SCAN a\b|SCAN articles|USE TEMP B-TREE/);
      }
    }
    core.close();
  });

  it('refuses a malformed cursor', () => {
    const core = deskCore(tempDir());
    expect(() => core.services.desk.page('spiked', undefined, DAY, 10, '1 OR 1=1')).toThrow(/cursor/);
    core.close();
  });
});
