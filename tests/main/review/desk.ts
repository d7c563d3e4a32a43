import { join } from 'node:path';
import { fieldsOf, type ArticleFields } from '../../../src/shared/domain/article';
import type { Profile } from '../../../src/shared/domain/people';
import { createEventBus } from '../../../src/main/core/eventBus';
import { createServices } from '../../../src/main/core/services';
import { openDatabase } from '../../../src/main/db/open';

/** The copy desk's profile; a desk always has one (the app's first-run screen asks for it). */
export const COPY_DESK = {
  name: 'Karim Haddad',
  initials: 'KH',
  colour: '#b35900',
  role: 'copy_editor',
} as const;

/** One desk: its own data folder, its own store, its profile, the real services as the app composes them. */
export function openDesk(dir: string, profile: Omit<Profile, 'id'> = COPY_DESK) {
  const db = openDatabase(join(dir, 'store.sqlite3'));
  const services = createServices({
    db,
    bus: createEventBus(),
    dataDir: dir,
    transport: 'host',
    version: 'test',
  });
  services.profiles.save(profile);
  function write(id: string, patch: Partial<ArticleFields>) {
    const current = services.articles.get(id);
    return services.articles.save({
      id,
      baseRevision: current.revision,
      fields: { ...fieldsOf(current), ...patch },
      kind: 'explicit',
    });
  }
  /** Everything a desk holds about an article, to compare before and after a refused import. */
  function snapshot(id?: string) {
    return {
      articles: db.prepare('SELECT * FROM articles ORDER BY id').all(),
      revisions: db
        .prepare('SELECT article_id, revision, kind FROM revisions ORDER BY article_id, revision')
        .all(),
      article: id ? services.articles.get(id) : undefined,
    };
  }
  return { dir, db, ...services, write, snapshot, close: () => db.close() };
}

export type Desk = ReturnType<typeof openDesk>;

export const paragraphs = (...texts: string[]) => ({
  type: 'doc' as const,
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
