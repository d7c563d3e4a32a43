import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../../src/main/backup/backups';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import type { BackupProgress } from '../../../src/shared/domain/recovery';
import { useTempDirs } from '../../support/tempDir';
import { fillStore } from './support';

const tempDir = useTempDirs();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** The store with `articles` articles, its copies paced (the host's test hook) so that progress shows. */
function pacedCore(articles: number) {
  const dir = tempDir();
  const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test', backupPauseMs: 20 });
  const heard: BackupProgress[][] = [];
  core.bus.subscribe((event, payload) => {
    if (event === 'backups:progress') heard.push((payload as { running: BackupProgress[] }).running);
  });
  return { dir, core, heard, ids: fillStore(core, articles) };
}

/** What one copy's bar went through: it starts at 0, only moves forward, reaches its total, then goes. */
function expectBarMoved(heard: BackupProgress[][], kind: BackupProgress['kind'], totalBytes: number) {
  const mine = heard.map((running) => running.find((copy) => copy.kind === kind));
  const first = mine.findIndex(Boolean);
  const last = mine.findLastIndex(Boolean);
  expect(first).toBeGreaterThanOrEqual(0);
  const seen = mine.slice(first, last + 1) as BackupProgress[];
  expect(seen.every(Boolean)).toBe(true);
  expect(seen[0]!.copiedBytes).toBe(0);
  const between = seen.filter((copy) => copy.copiedBytes > 0 && copy.copiedBytes < copy.totalBytes);
  expect(between.length).toBeGreaterThanOrEqual(2);
  for (let k = 1; k < seen.length; k++)
    expect(seen[k]!.copiedBytes).toBeGreaterThanOrEqual(seen[k - 1]!.copiedBytes);
  expect(seen.at(-1)).toMatchObject({ copiedBytes: totalBytes, totalBytes });
  // Once done it leaves the board.
  expect(mine[last + 1]).toBeUndefined();
  expect(last + 1).toBeLessThan(mine.length);
}

describe('progress of a backup and of a Restore', () => {
  it('the daily backup at start is on the board as automatic, readable through backups:progress', async () => {
    const dir = tempDir();
    const first = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    fillStore(first, 60);
    await first.close();
    const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test', backupPauseMs: 20 });
    // The start-up backup is due (none yet): it shows before any window asked for it.
    let now: BackupProgress[] = [];
    for (let k = 0; k < 50 && now.length === 0; k++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const answer = await invokeChannel(core.handlers, 'backups:progress', {}, quiet);
      now = (answer as { ok: true; value: BackupProgress[] }).value;
    }
    expect(now).toEqual([expect.objectContaining({ kind: 'backup', automatic: true })]);
    await core.close();
    expect(await invokeChannel(core.handlers, 'backups:progress', {}, quiet)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('Back up now tells how far the copy is, in bytes of the store, until it is done', async () => {
    const { core, heard } = pacedCore(120);
    const made = await invokeChannel(core.handlers, 'backups:create', {}, quiet);
    expect(made).toMatchObject({ ok: true });
    // The start-up backup (automatic) may still be on the board: the user's own is followed here.
    const manual = heard.map((running) => running.filter((copy) => !copy.automatic));
    // In bytes of the store as the backup copied it: the size of the backup file it made.
    expectBarMoved(manual, 'backup', (made as { value: { bytes: number } }).value.bytes);
    expect(manual.flat().every((copy) => copy.kind === 'backup')).toBe(true);
    await core.close();
  });

  it('a Restore tells how far its copy is, and the channel answers while no store is open', async () => {
    const { core, heard } = pacedCore(120);
    const made = await invokeChannel(core.handlers, 'backups:create', {}, quiet);
    const { name, bytes } = (made as { value: { name: string; bytes: number } }).value;
    heard.length = 0;
    const restoring = invokeChannel(core.handlers, 'backups:restore', { name }, quiet);
    let during: BackupProgress[] = [];
    while (during.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const answer = await invokeChannel(core.handlers, 'backups:progress', {}, quiet);
      during = (answer as { ok: true; value: BackupProgress[] }).value;
    }
    expect(during).toEqual([
      expect.objectContaining({ kind: 'restore', automatic: false, name, totalBytes: bytes }),
    ]);
    expect(await restoring).toMatchObject({ ok: true });
    expectBarMoved(heard, 'restore', bytes);
    await core.close();
  });

  it('a running backup can be stopped: nothing is written, no notice, and the store goes on', async () => {
    const { dir, core, heard } = pacedCore(120);
    const made = invokeChannel(core.handlers, 'backups:create', {}, quiet);
    // Stopped once the user's own copy is the one running (the start-up backup may come first).
    let mine: BackupProgress | undefined;
    while (!(mine = heard.at(-1)?.find((copy) => !copy.automatic && copy.copiedBytes > 0)))
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await invokeChannel(core.handlers, 'backups:stop', {}, quiet)).toEqual({
      ok: true,
      value: { stopped: true },
    });
    expect(await made).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/stopped before it finished/) },
    });
    expect(heard.at(-1)).toEqual([]);
    expect(readdirSync(backupDir(dir)).filter((name) => name.includes('.partial'))).toEqual([]);
    expect(listBackups(dir).map((b) => b.name)).not.toContain(mine.name);
    expect(await invokeChannel(core.handlers, 'backups:notice', {}, quiet)).toEqual({
      ok: true,
      value: null,
    });
    expect(await invokeChannel(core.handlers, 'backups:stop', {}, quiet)).toEqual({
      ok: true,
      value: { stopped: false },
    });
    expect(core.services.articles.create('fr').id).toBeTruthy();
    await core.close();
  });
});
