import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../src/shared/domain/article';
import { ROLES, type Role } from '../../../src/shared/domain/people';
import { useTempDirs } from '../../support/tempDir';
import { deskCore, forceStatus, quiet, setRole, snapshot } from './support';

const tempDir = useTempDirs();

/** The rules as the desk states them (src/main/workflow/transitionRules.ts), written out move by move. */
const ALLOWED: Record<Role, [ArticleStatus, ArticleStatus][]> = {
  reporter: [
    ['draft', 'submitted'],
    ['submitted', 'draft'],
    ['in_copy_edit', 'draft'],
    ['approved', 'draft'],
  ],
  copy_editor: [
    ['draft', 'submitted'],
    ['submitted', 'draft'],
    ['in_copy_edit', 'draft'],
    ['approved', 'draft'],
    ['submitted', 'in_copy_edit'],
    ['submitted', 'approved'],
    ['in_copy_edit', 'approved'],
  ],
  publisher: [
    ['draft', 'submitted'],
    ['submitted', 'draft'],
    ['in_copy_edit', 'draft'],
    ['approved', 'draft'],
    ['submitted', 'in_copy_edit'],
    ['submitted', 'approved'],
    ['in_copy_edit', 'approved'],
    ['approved', 'scheduled'],
    ['approved', 'published'],
    ['scheduled', 'published'],
    ['scheduled', 'approved'],
    ['published', 'approved'],
    ['draft', 'spiked'],
    ['submitted', 'spiked'],
    ['in_copy_edit', 'spiked'],
    ['approved', 'spiked'],
    ['scheduled', 'spiked'],
    ['published', 'spiked'],
    ['spiked', 'draft'],
  ],
};

/** Moves no role may make: refused as a conflict, whoever asks. */
const allowedByAnyone = new Set(ALLOWED.publisher.map(([f, t]) => `${f}>${t}`));

describe('workflow transitions, checked in main by the stored profile’s role', () => {
  for (const role of ROLES) {
    const allowed = new Set(ALLOWED[role].map(([f, t]) => `${f}>${t}`));
    it(`a ${role}: every allowed move is made and recorded; every other one is refused and changes nothing`, async () => {
      const core = deskCore(tempDir(), role);
      const { articles } = core.services;
      const a = articles.create('fr');
      for (const from of ARTICLE_STATUSES) {
        for (const to of ARTICLE_STATUSES) {
          if (from === to) continue;
          forceStatus(core, a.id, from);
          const base = articles.get(a.id).revision;
          const before = snapshot(core);
          const result = await invokeChannel(
            core.handlers,
            'workflow:transition',
            { articleId: a.id, to, baseRevision: base, note: `${from} to ${to}` },
            quiet,
          );
          const move = `${from}>${to}`;
          if (allowed.has(move)) {
            expect(result.ok, move).toBe(true);
            const after = articles.get(a.id);
            expect(after.status, move).toBe(to);
            expect(after.revision, move).toBe(base + 1);
            const last = core.services.workflow.history(a.id).at(-1);
            expect(last, move).toMatchObject({
              kind: 'transition',
              from,
              to,
              note: `${from} to ${to}`,
              revision: base + 1,
              by: { name: 'Nadia Ait', initials: 'NA' },
            });
          } else {
            expect(result.ok, move).toBe(false);
            if (!result.ok)
              expect(result.error.code, move).toBe(allowedByAnyone.has(move) ? 'forbidden' : 'conflict');
            expect(snapshot(core), move).toEqual(before);
          }
        }
      }
      core.close();
    });
  }

  it('shows each role only the moves it may make (what the editor offers as buttons)', () => {
    const core = deskCore(tempDir(), 'reporter');
    const a = core.services.articles.create('fr');
    forceStatus(core, a.id, 'submitted');
    expect(core.services.workflow.view(a.id).allowed).toEqual(['draft']);
    setRole(core, 'copy_editor');
    expect(core.services.workflow.view(a.id).allowed).toEqual(['in_copy_edit', 'approved', 'draft']);
    setRole(core, 'publisher');
    expect(core.services.workflow.view(a.id).allowed).toEqual([
      'in_copy_edit',
      'approved',
      'draft',
      'spiked',
    ]);
    core.close();
  });
});

describe('forged transitions over the contract', () => {
  it('a reporter sending approve is refused as forbidden; the store is untouched', async () => {
    const core = deskCore(tempDir(), 'reporter');
    const a = core.services.articles.create('fr');
    forceStatus(core, a.id, 'in_copy_edit');
    const before = snapshot(core);
    const result = await invokeChannel(
      core.handlers,
      'workflow:transition',
      { articleId: a.id, to: 'approved', baseRevision: a.revision, note: '' },
      quiet,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(snapshot(core)).toEqual(before);
    core.close();
  });

  it('a role smuggled into the input is refused as invalid input; the role is never the caller’s', async () => {
    const core = deskCore(tempDir(), 'reporter');
    const a = core.services.articles.create('fr');
    forceStatus(core, a.id, 'approved');
    const before = snapshot(core);
    const result = await invokeChannel(
      core.handlers,
      'workflow:transition',
      { articleId: a.id, to: 'published', baseRevision: a.revision, note: '', role: 'publisher' },
      quiet,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknownStatus = await invokeChannel(
      core.handlers,
      'workflow:transition',
      { articleId: a.id, to: 'live', baseRevision: a.revision, note: '' },
      quiet,
    );
    expect(unknownStatus).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot(core)).toEqual(before);
    core.close();
  });

  it('a move on a stale revision is a conflict, even one the role allows', async () => {
    const core = deskCore(tempDir(), 'reporter');
    const a = core.services.articles.create('fr');
    const saved = core.services.articles.save({
      id: a.id,
      baseRevision: a.revision,
      fields: { ...core.services.articles.get(a.id), headline: 'Grève' },
      kind: 'explicit',
    });
    const before = snapshot(core);
    const result = await invokeChannel(
      core.handlers,
      'workflow:transition',
      { articleId: a.id, to: 'submitted', baseRevision: saved.revision - 1, note: '' },
      quiet,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(snapshot(core)).toEqual(before);
    core.close();
  });

  it('without a profile nothing moves', async () => {
    const core = deskCore(tempDir());
    core.db.prepare('DELETE FROM profile').run();
    const a = core.services.articles.create('fr');
    const result = await invokeChannel(
      core.handlers,
      'workflow:transition',
      { articleId: a.id, to: 'submitted', baseRevision: a.revision },
      quiet,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.services.articles.get(a.id).status).toBe('draft');
    core.close();
  });

  it('only a publisher may queue a publish or a schedule; others are refused before the outbox', async () => {
    const core = deskCore(tempDir(), 'copy_editor');
    const a = core.services.articles.create('fr');
    const siteId = '6a0b7c3e-8f6e-4d1e-9a55-0d9f3c1b2a10';
    for (const action of ['publish', 'schedule'] as const) {
      const result = await invokeChannel(
        core.handlers,
        'sync:enqueue',
        { articleId: a.id, siteId, action, scheduledAt: Date.now() + 3600_000 },
        quiet,
      );
      expect(result, action).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    // A publisher gets past the role check (and on to the site checks: this site does not exist).
    setRole(core, 'publisher');
    const publisher = await invokeChannel(
      core.handlers,
      'sync:enqueue',
      { articleId: a.id, siteId, action: 'publish' },
      quiet,
    );
    expect(publisher.ok).toBe(false);
    if (!publisher.ok) expect(publisher.error.code).not.toBe('forbidden');
    core.close();
  });
});

describe('a status change is one transaction', () => {
  it('writes the status, a status revision and the history event together', () => {
    const core = deskCore(tempDir(), 'reporter');
    const a = core.services.articles.create('fr');
    const moved = core.services.workflow.transition({
      articleId: a.id,
      to: 'submitted',
      baseRevision: a.revision,
      note: 'Prêt à relire',
    });
    const revision = core.db
      .prepare('SELECT kind FROM revisions WHERE article_id = ? AND revision = ?')
      .get(a.id, moved.revision) as { kind: string };
    expect(revision.kind).toBe('status');
    expect(core.services.workflow.workflowState(a.id).history).toEqual([
      expect.objectContaining({
        from: 'draft',
        to: 'submitted',
        revision: moved.revision,
        note: 'Prêt à relire',
      }),
    ]);
    core.close();
  });

  it('rolls everything back when the history cannot be written', () => {
    const core = deskCore(tempDir(), 'reporter');
    const a = core.services.articles.create('fr');
    // The event insert fails inside the transaction: the status and its revision must go with it.
    core.db.exec(
      `CREATE TRIGGER no_events BEFORE INSERT ON workflow_events BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = snapshot(core);
    expect(() =>
      core.services.workflow.transition({
        articleId: a.id,
        to: 'submitted',
        baseRevision: a.revision,
        note: '',
      }),
    ).toThrow(/disk full/);
    expect(snapshot(core)).toEqual(before);
    expect(core.services.articles.get(a.id)).toMatchObject({ status: 'draft', revision: a.revision });
    core.close();
  });
});
