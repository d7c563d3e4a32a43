import { describe, expect, it } from 'vitest';
import { createArticleService, emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const FULL = 2;
const NORMAL = 1;

describe('how saves reach the disk', () => {
  it('syncs every commit except typing from the editor, and the connection stays synced after', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { services } = core;
    const levels: number[] = [];
    // A write hook runs inside the save's transaction: it sees the level its commit will use.
    const articles = createArticleService(core.db, core.bus, services.terms, services.media, Date.now, [
      { afterWrite: () => void levels.push(core.db.pragma('synchronous', { simple: true }) as number) },
    ]);
    const article = articles.create('fr');
    let revision = article.revision;
    const save = (kind: 'autosave' | 'explicit' | 'sync' | undefined, guarded: boolean) => {
      revision = articles.save(
        {
          id: article.id,
          baseRevision: revision,
          kind,
          fields: { ...emptyFields('fr'), headline: `Titre ${revision}` },
        },
        guarded ? services.markGuard : undefined,
      ).revision;
    };
    save('autosave', true); // typing in the editor
    save(undefined, true); // typing, kind left to its default
    save('explicit', true); // Ctrl+S
    save('autosave', false); // a save main makes itself
    save('sync', false);
    expect(levels).toEqual([FULL, NORMAL, NORMAL, FULL, FULL, FULL]);
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
