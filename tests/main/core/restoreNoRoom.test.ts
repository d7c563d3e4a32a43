import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../../src/main/backup/backups';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { fieldsOf } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';
import { fillStore } from '../backup/support';

const tempDir = useTempDirs();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('Restore on a disk without room for the backup', () => {
  it('refuses with a storage error before touching anything: the work since the backup is all still there', async () => {
    const dir = tempDir();
    let free = Number.MAX_SAFE_INTEGER;
    const core = startResilientCore({
      dataDir: dir,
      transport: 'host',
      version: 'test',
      freeBytes: () => free,
    });
    const before = fillStore(core, 40);
    const made = await invokeChannel(core.handlers, 'backups:create', {}, quiet);
    expect(made, JSON.stringify(made)).toMatchObject({ ok: true });
    const { name, bytes } = (made as { value: { name: string; bytes: number } }).value;
    // Work done after the backup: exactly what a Restore would take away, and what a refused one must keep.
    const { articles } = core.services;
    const edited = articles.get(before[0]!);
    const saved = articles.save({
      id: edited.id,
      baseRevision: edited.revision,
      fields: { ...fieldsOf(edited), headline: 'Corrigé après la sauvegarde' },
    });
    const added = articles.create('ar');
    const filesBefore = readdirSync(dir).sort();
    const backupsBefore = readdirSync(backupDir(dir)).sort();
    expect(backupsBefore).toContain(name);

    free = bytes - 1;
    const refused = await invokeChannel(core.handlers, 'backups:restore', { name }, quiet);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/free disk space.*Nothing was changed/) },
    });

    // The store is the same file, open and answering, with every save made since the backup.
    expect(core.mode()).toBe('ok');
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(readdirSync(dir).some((f) => f.endsWith('.restoring') || f.includes('before-restore'))).toBe(false);
    expect(articles.get(edited.id)).toMatchObject({
      revision: saved.revision,
      headline: 'Corrigé après la sauvegarde',
    });
    expect(articles.get(added.id).id).toBe(added.id);
    expect(core.services.articles.list(100)).toHaveLength(41);
    expect(readdirSync(backupDir(dir)).sort()).toEqual(backupsBefore);
    expect(listBackups(dir).map((b) => b.name)).toContain(name);

    // With room the same Restore goes through: the refusal above was the disk's, not the backup's.
    free = bytes;
    expect(await invokeChannel(core.handlers, 'backups:restore', { name }, quiet)).toMatchObject({ ok: true });
    expect(core.services.articles.list(100)).toHaveLength(40);
    expect(core.services.articles.get(edited.id).headline).not.toBe('Corrigé après la sauvegarde');
    expect(readdirSync(dir).some((f) => f.startsWith(`${STORE_FILE}.before-restore-`))).toBe(true);
    await core.close();
  });
});
