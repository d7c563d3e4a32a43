import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupDir,
  backupNotice,
  backupPath,
  createBackup,
  isStoppedBackup,
  listBackups,
} from '../../../src/main/backup/backups';
import { headroomFor } from '../../../src/main/backup/spacePlan';
import { startCore, STORE_FILE } from '../../../src/main/core/startCore';
import type { BackupNotice } from '../../../src/shared/domain/recovery';
import { fieldsOf } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';
import { fillStore } from './support';

const tempDir = useTempDirs();
const tick = () => new Promise((resolve) => setImmediate(resolve));
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 3));
const partials = (dir: string) => readdirSync(backupDir(dir)).filter((n) => n.includes('.partial'));

function storeWith(articles: number) {
  const dir = tempDir();
  const core = startCore({ dataDir: dir, transport: 'host', version: 'test' });
  const ids = fillStore(core, articles);
  return { dir, core, ids };
}

describe('a backup in progress', () => {
  it('is written under a temporary name: nothing is listed, nor restorable, until the copy is complete', async () => {
    const { dir, core } = storeWith(150);
    let finished = false;
    // Paced (fifty steps), so that the copy of this small store is seen while it runs, whatever the disk.
    const made = createBackup(core.db, dir, { stepPauseMs: 5 }).finally(() => (finished = true));
    let seen = 0;
    while (!finished) {
      await tick();
      if (!existsSync(backupDir(dir)) || finished) continue;
      const [partial] = partials(dir);
      if (!partial) continue;
      seen++;
      expect(listBackups(dir)).toEqual([]);
      expect(backupPath(dir, partial)).toBeUndefined();
      expect(backupPath(dir, partial.replace(/\.partial$/, ''))).toBeUndefined();
    }
    const backup = await made;
    expect(seen).toBeGreaterThan(1);
    expect(partials(dir)).toEqual([]);
    expect(listBackups(dir).map((b) => b.name)).toEqual([backup.name]);
    expect(backup.bytes).toBe(statSync(join(backupDir(dir), backup.name)).size);
    await core.close();
  });

  it('is the store as it was when it started, whole and sound, while saves go on without restarting it', async () => {
    const { dir, core, ids } = storeWith(200);
    const { articles } = core.services;
    // Every save in the order acknowledged: a point-in-time copy holds exactly a first stretch of them.
    const sequence: { id: string; revision: number; headline: string }[] = [];
    const saveOne = (n: number): void => {
      const id = ids[n % ids.length]!;
      const article = articles.get(id);
      const headline = `Corrigé pendant la sauvegarde ${n}`;
      const saved = articles.save({
        id,
        baseRevision: article.revision,
        fields: { ...fieldsOf(article), headline },
      });
      sequence.push({ id, revision: saved.revision, headline });
    };
    for (let n = 0; n < 5; n++) saveOne(n);
    let beforeStart = -1;
    let finished = false;
    let restarts = -1;
    const made = createBackup(core.db, dir, {
      // Fifty steps (the host's test pacing), so that saves land between steps: a copy whose snapshot were not
      // held would start over after each of them.
      stepPauseMs: 5,
      onStarted: () => (beforeStart = sequence.length),
      onCopied: (stats) => (restarts = stats.restarts),
    }).finally(() => (finished = true));
    let saves = 5;
    for (; !finished; saves++) {
      await tick();
      if (!finished) saveOne(saves);
    }
    const backup = await made;
    expect(saves - beforeStart).toBeGreaterThan(3);
    expect(restarts).toBe(0);
    await core.close();

    const copy = new Database(join(backupDir(dir), backup.name));
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    // The search index too: a restored store must find what it holds.
    expect(() => copy.exec("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")).not.toThrow();
    const row = copy.prepare('SELECT revision, headline FROM articles WHERE id = ?');
    const held = sequence.map((save) => (row.get(save.id) as { revision: number }).revision >= save.revision);
    const stretch = held.indexOf(false) === -1 ? held.length : held.indexOf(false);
    // Every save acknowledged before the backup started is in it, and none after a save it lacks.
    expect(stretch).toBeGreaterThanOrEqual(beforeStart);
    expect(beforeStart).toBe(5);
    expect(held.slice(stretch).every((inCopy) => !inCopy)).toBe(true);
    // Each article as its last save in that stretch left it, with the revision row that save wrote.
    const last = new Map(sequence.slice(0, stretch).map((save) => [save.id, save]));
    for (const [id, save] of last)
      expect(row.get(id)).toEqual({ revision: save.revision, headline: save.headline });
    const revisionRows = copy.prepare('SELECT max(revision) FROM revisions WHERE article_id = ?').pluck();
    for (const [id, save] of last) expect(revisionRows.get(id)).toBe(save.revision);
    expect(copy.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(ids.length);
    copy.close();
  });

  it('is stopped when the store closes: quitting does not wait for it, and nothing half-written remains', async () => {
    const { dir, core } = storeWith(150);
    // Paced (fifty steps), so that the copy of this small store is still running when the store closes.
    const made = createBackup(core.db, dir, { stepPauseMs: 20 });
    while (!existsSync(backupDir(dir)) || partials(dir).length === 0) await tick();
    await core.close();
    const outcome = await made.then(
      () => 'made',
      (e: unknown) => (isStoppedBackup(e) ? 'stopped' : String(e)),
    );
    expect(outcome).toBe('stopped');
    expect(readdirSync(backupDir(dir))).toEqual([]);
    expect(backupNotice(dir)).toBeNull();
  });

  it('leftovers of a copy cut off by a crash are never listed, and the next backup removes them', async () => {
    const { dir, core } = storeWith(5);
    await createBackup(core.db, dir, { now: day(1) });
    const leftover = join(backupDir(dir), 'redac-20261102T030000000Z.sqlite3.partial');
    writeFileSync(leftover, 'SQLite format 3\0 cut off');
    writeFileSync(`${leftover}-journal`, 'cut off');
    expect(listBackups(dir)).toHaveLength(1);
    await createBackup(core.db, dir, { now: day(3) });
    expect(partials(dir)).toEqual([]);
    expect(listBackups(dir)).toHaveLength(2);
    await core.close();
  });
});

describe('disk space', () => {
  it('skips the backup with a notice when the disk cannot hold it, and removes nothing', async () => {
    const { dir, core } = storeWith(20);
    const first = await createBackup(core.db, dir, { now: day(1) });
    const notices: (BackupNotice | null)[] = [];
    const storeBytes = statSync(join(dir, STORE_FILE)).size;
    const outcome = await createBackup(core.db, dir, {
      now: day(2),
      freeBytes: () => storeBytes,
      onNotice: (n) => notices.push(n),
    }).catch((e: unknown) => e);
    expect(outcome).toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/not enough free disk space/),
    });
    expect(listBackups(dir).map((b) => b.name)).toEqual([first.name]);
    expect(notices).toEqual([expect.objectContaining({ kind: 'no_room', kept: 1, freeBytes: storeBytes })]);
    expect(backupNotice(dir)).toMatchObject({ kind: 'no_room' });
    // Room again: the next backup clears the notice.
    await createBackup(core.db, dir, { now: day(3), onNotice: (n) => notices.push(n) });
    expect(notices.at(-1)).toBeNull();
    expect(backupNotice(dir)).toBeNull();
    await core.close();
  });

  it('removes the oldest backups, never the newest, when that makes room, and says how many are kept', async () => {
    const { dir, core } = storeWith(20);
    const made = [];
    for (const n of [1, 2, 3, 4]) made.push(await createBackup(core.db, dir, { now: day(n) }));
    const bytes = made[0]!.bytes;
    const storeBytes = core.db.pragma('page_count', { simple: true }) as number;
    const needed = storeBytes * (core.db.pragma('page_size', { simple: true }) as number);
    // Two old backups' worth short of room.
    const free = needed + headroomFor(needed) - 2 * bytes;
    const notices: (BackupNotice | null)[] = [];
    const fifth = await createBackup(core.db, dir, {
      now: day(5),
      freeBytes: () => free,
      onNotice: (n) => notices.push(n),
    });
    expect(listBackups(dir).map((b) => b.name)).toEqual([fifth.name, made[3]!.name, made[2]!.name]);
    expect(notices).toEqual([expect.objectContaining({ kind: 'pruned', kept: 3 })]);
    await core.close();
  });

  it('never removes the last good backup to make room', async () => {
    const { dir, core } = storeWith(20);
    const only = await createBackup(core.db, dir, { now: day(1) });
    const outcome = await createBackup(core.db, dir, { now: day(2), freeBytes: () => only.bytes }).catch(
      (e: unknown) => e,
    );
    expect(outcome).toMatchObject({ code: 'storage' });
    expect(listBackups(dir).map((b) => b.name)).toEqual([only.name]);
    await core.close();
  });
});

describe('seven daily backups', () => {
  it('keeps the seven newest', async () => {
    const { dir, core } = storeWith(3);
    const made: string[] = [];
    for (let n = 1; n <= 9; n++) made.push((await createBackup(core.db, dir, { now: day(n) })).name);
    expect(listBackups(dir).map((b) => b.name)).toEqual(made.slice(2).reverse());
    await core.close();
  });
});
