import { describe, expect, it } from 'vitest';
import { createArticleService, emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { acknowledgedMark } from '../../../src/main/db/durability';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const FULL = 2;
const NORMAL = 1;

describe('how saves reach the disk', () => {
  it('never fsyncs in a save on the main thread; every save but typing owes its reply an fsync', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { services } = core;
    const levels: number[] = [];
    // A write hook runs inside the save's transaction: it sees the level its commit will use.
    const articles = createArticleService(core.db, core.bus, services.terms, services.media, Date.now, [
      { afterWrite: () => void levels.push(core.db.pragma('synchronous', { simple: true }) as number) },
    ]);
    const owes: boolean[] = [];
    const owing = (write: () => void) => {
      const mark = acknowledgedMark(core.db);
      write();
      owes.push(acknowledgedMark(core.db) !== mark);
    };
    let article = articles.create('fr');
    owing(() => void (article = articles.create('fr')));
    let revision = article.revision;
    const save = (kind: 'autosave' | 'explicit' | 'sync' | undefined, guarded: boolean) =>
      owing(() => {
        revision = articles.save(
          {
            id: article.id,
            baseRevision: revision,
            kind,
            fields: { ...emptyFields('fr'), headline: `Titre ${revision}` },
          },
          guarded ? services.markGuard : undefined,
        ).revision;
      });
    save('autosave', true); // typing in the editor
    save(undefined, true); // typing, kind left to its default
    save('explicit', true); // Ctrl+S
    save('autosave', false); // a save main makes itself
    save('sync', false);
    expect(levels).toEqual([NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL]);
    expect(owes).toEqual([true, false, false, true, true, true]);
    // Every other writer still syncs in its commit.
    expect(core.db.pragma('synchronous', { simple: true })).toBe(FULL);
    void core.close();
  });

  it('puts the connection back to synced commits when a relaxed save fails', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, markGuard } = core.services;
    const article = articles.create('fr');
    expect(() =>
      articles.save(
        { id: article.id, baseRevision: article.revision + 5, kind: 'autosave', fields: emptyFields('fr') },
        markGuard,
      ),
    ).toThrow(/saved elsewhere/);
    expect(core.db.pragma('synchronous', { simple: true })).toBe(FULL);
    void core.close();
  });
});
