import { startCore, type Core } from '../../../src/main/core/startCore';
import type { ArticleStatus } from '../../../src/shared/domain/article';
import type { Role } from '../../../src/shared/domain/people';

export const quiet = { error: () => {}, warn: () => {}, info: () => {} };

/** A real store in a fresh folder, with a profile of this role. */
export function deskCore(dataDir: string, role: Role = 'reporter'): Core {
  const core = startCore({ dataDir, transport: 'host', version: 'test' });
  core.services.profiles.save({ name: 'Nadia Ait', initials: 'NA', colour: '#aa3300', role });
  return core;
}

export function setRole(core: Core, role: Role): void {
  const { id: _id, ...rest } = core.services.profiles.require();
  core.services.profiles.save({ ...rest, role });
}

/** Puts an article in a status directly (test set-up only: the services never do this). */
export function forceStatus(core: Core, id: string, status: ArticleStatus): void {
  core.db.prepare('UPDATE articles SET status = ? WHERE id = ?').run(status, id);
}

/** Everything the workflow writes, to prove a refused call changed nothing. */
export function snapshot(core: Core): unknown {
  return {
    articles: core.db.prepare('SELECT * FROM articles ORDER BY id').all(),
    revisions: core.db
      .prepare('SELECT article_id, revision, kind FROM revisions ORDER BY article_id, revision')
      .all(),
    events: core.db.prepare('SELECT * FROM workflow_events ORDER BY id').all(),
    assignments: core.db.prepare('SELECT * FROM assignment_events ORDER BY id').all(),
  };
}
