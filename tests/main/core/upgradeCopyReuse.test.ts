import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backupDir, listBackups, type BackupFile } from '../../../src/main/backup/backups';
import { MANIFEST } from '../../../src/main/backup/upgradeCopyManifest';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations/index';
import { openDatabase } from '../../../src/main/db/open';
import {
  fileHolds,
  KNOWN_ID,
  olderStore,
  OLD_VERSION,
  startCoreIn,
  statusOf,
  watch,
  writeAsOlderVersion,
} from '../../support/olderStore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const LATER_ID = '5f0c1e2d-3b4a-4c5d-9e8f-7a6b5c4d3e2f';

/**
 * A first start that made its copy, then was quit during the migrations (the test hook's slow last step):
 * the store is as the previous version left it, the copy is listed.
 */
async function quitDuringUpgrade(dir: string): Promise<BackupFile> {
  const first = startCoreIn(dir, { upgradeTestHook: 'slow' });
  await vi.waitFor(async () => expect((await statusOf(first)).upgrade?.step).toBeGreaterThan(1), {
    timeout: 30_000,
  });
  await first.close();
  expect(fileHolds(join(dir, STORE_FILE)).version).toBe(OLD_VERSION);
  const copies = listBackups(dir);
  expect(copies).toHaveLength(1);
  return copies[0]!;
}

/** Starts again and watches the upgrade to its end: what it said, and whether it copied. */
async function startAgain(dir: string) {
  const core = startCoreIn(dir);
  const seen = await watch(core, dir);
  expect(core.mode()).toBe('ok');
  expect(core.services.articles.get(KNOWN_ID).headline).toBe('Grève à la SNCF');
  expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  return {
    core,
    reused: seen.map((s) => s.status.upgrade?.reusedCopy).find((r) => r !== undefined),
    copied: seen.some((s) => (s.status.upgrade?.done ?? 0) > 0 && s.status.upgrade?.step === 1),
  };
}

const nanos = (file: string) => statSync(file, { bigint: true }).mtimeNs;

/**
 * Another process that opens the store, writes a large transaction (spilling uncommitted pages into the WAL)
 * or commits one article without a checkpoint, and is then killed: what a crash or a kill of the app leaves.
 */
async function killedWriter(dir: string, commit: boolean): Promise<void> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `
    const Database = require(${JSON.stringify(sqlite)});
    const db = new Database(${JSON.stringify(join(dir, STORE_FILE))});
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('cache_size = 16');
    const insert = db.prepare("INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision) VALUES (?, ?, ?, 1, 'draft', 'fr', 3, 4, 1)");
    if (${commit}) insert.run(${JSON.stringify(LATER_ID)}, 'Écrit puis tué', '{"type":"doc","content":[]}');
    else {
      db.exec('BEGIN IMMEDIATE');
      for (let n = 0; n < 400; n++) insert.run('killed-' + n, 'Jamais validé', 'x'.repeat(8000));
    }
    process.stdout.write('ready');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`the writer exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  // What it left: a WAL holding its frames (committed or not).
  expect(statSync(join(dir, `${STORE_FILE}-wal`)).size).toBeGreaterThan(0);
}

describe('a start after the upgrade was cut off once its copy was made', () => {
  it('reuses the copy when the store has not changed: no second copy, the screen says which, the upgrade completes', async () => {
    const dir = olderStore(tempDir());
    const copy = await quitDuringUpgrade(dir);
    const copyFile = join(backupDir(dir), copy.name);
    const written = nanos(copyFile);

    const { core, reused, copied } = await startAgain(dir);
    expect(reused).toEqual({ name: copy.name, madeAt: expect.any(Number) });
    expect(reused!.madeAt).toBeLessThanOrEqual(copy.createdAt);
    expect(copied).toBe(false);
    // The same file, not written again, and still the store as the previous version left it.
    expect(listBackups(dir).map((b) => b.name)).toEqual([copy.name]);
    expect(nanos(copyFile)).toBe(written);
    expect(fileHolds(copyFile)).toEqual({ version: OLD_VERSION, headlines: ['Grève à la SNCF'] });
    // Upgraded: no copy stands for the store any more.
    expect(existsSync(join(backupDir(dir), MANIFEST))).toBe(false);
    await core.close();
  });

  it('reuses it after a kill that left uncommitted frames in the WAL (they are no change)', async () => {
    const dir = olderStore(tempDir());
    const copy = await quitDuringUpgrade(dir);
    await killedWriter(dir, false);
    const { core, reused, copied } = await startAgain(dir);
    expect(reused?.name).toBe(copy.name);
    expect(copied).toBe(false);
    expect(core.db.prepare("SELECT count(*) FROM articles WHERE id LIKE 'killed-%'").pluck().get()).toBe(0);
    await core.close();
  });

  it('copies again when the store was written after the copy (by the previous version, say)', async () => {
    const dir = olderStore(tempDir());
    const copy = await quitDuringUpgrade(dir);
    writeAsOlderVersion(dir, LATER_ID, 'Écrit après la copie');

    const { core, reused, copied } = await startAgain(dir);
    expect(reused).toBeUndefined();
    expect(copied).toBe(true);
    const copies = listBackups(dir);
    expect(copies.map((b) => b.name)).toContain(copy.name);
    expect(copies).toHaveLength(2);
    // The new copy (newest first) holds what was written after the first one.
    expect(fileHolds(join(backupDir(dir), copies[0]!.name), LATER_ID)).toEqual({
      version: OLD_VERSION,
      headlines: ['Écrit après la copie'],
    });
    expect(core.services.articles.get(LATER_ID).headline).toBe('Écrit après la copie');
    await core.close();
  });

  it('copies again when the store was written in place and its modification time set back', async () => {
    const dir = olderStore(tempDir());
    await quitDuringUpgrade(dir);
    const store = join(dir, STORE_FILE);
    const { mtimeNs, size } = statSync(store, { bigint: true });
    const head = readFileSync(store).subarray(0, 100);
    // A headline corrected in place, same length: neither the file's size nor its header changes.
    const db = openDatabase(store, { migrateTo: OLD_VERSION });
    db.prepare('UPDATE articles SET headline = ? WHERE id = ?').run('Grève à la RATP', KNOWN_ID);
    db.close();
    // Set back to the nanosecond (GNU touch; Node's utimes rounds): only the status-change time tells.
    const seconds = mtimeNs / 1_000_000_000n;
    const nanos = String(mtimeNs % 1_000_000_000n).padStart(9, '0');
    execFileSync('touch', ['-m', '-d', `@${seconds}.${nanos}`, store]);
    expect(statSync(store, { bigint: true }).mtimeNs).toBe(mtimeNs);
    expect(statSync(store, { bigint: true }).size).toBe(size);
    expect(readFileSync(store).subarray(0, 100)).toEqual(head);

    const core = startCoreIn(dir);
    const seen = await watch(core, dir);
    expect(seen.some((s) => s.status.upgrade?.reusedCopy)).toBe(false);
    const copies = listBackups(dir);
    expect(copies).toHaveLength(2);
    expect(fileHolds(join(backupDir(dir), copies[0]!.name)).headlines).toEqual(['Grève à la RATP']);
    await core.close();
  });

  it('copies again when a write was committed to the WAL and never checkpointed (a killed app)', async () => {
    const dir = olderStore(tempDir());
    await quitDuringUpgrade(dir);
    await killedWriter(dir, true);
    const { core, reused } = await startAgain(dir);
    expect(reused).toBeUndefined();
    const copies = listBackups(dir);
    expect(copies).toHaveLength(2);
    expect(fileHolds(join(backupDir(dir), copies[0]!.name), LATER_ID).headlines).toEqual(['Écrit puis tué']);
    await core.close();
  });

  it('copies again when the copy is no longer whole (truncated after it was made)', async () => {
    const dir = olderStore(tempDir());
    const copy = await quitDuringUpgrade(dir);
    const copyFile = join(backupDir(dir), copy.name);
    truncateSync(copyFile, Math.floor(statSync(copyFile).size / 2));
    const { core, reused, copied } = await startAgain(dir);
    expect(reused).toBeUndefined();
    expect(copied).toBe(true);
    const whole = listBackups(dir).find((b) => b.name !== copy.name)!;
    expect(fileHolds(join(backupDir(dir), whole.name))).toEqual({
      version: OLD_VERSION,
      headlines: ['Grève à la SNCF'],
    });
    await core.close();
  });

  it('copies again when the manifest is missing or cannot be read', async () => {
    for (const damage of ['missing', 'half-written'] as const) {
      const dir = olderStore(tempDir(), 20);
      await quitDuringUpgrade(dir);
      const manifest = join(backupDir(dir), MANIFEST);
      if (damage === 'missing') writeFileSync(manifest, '');
      else writeFileSync(manifest, '{"format":1,"copy":"redac-');
      const { core, reused } = await startAgain(dir);
      expect(reused).toBeUndefined();
      expect(listBackups(dir)).toHaveLength(2);
      await core.close();
    }
  });
});

describe('a copy cut off before it was complete', () => {
  it('is never vouched for: quitting during the copy leaves no manifest and no listed copy, and the next start copies', async () => {
    const dir = olderStore(tempDir());
    // The copy in fifty steps 40 ms apart: quit halfway through it.
    const first = startCoreIn(dir, { backupPauseMs: 40 });
    await vi.waitFor(
      async () => {
        const upgrade = (await statusOf(first)).upgrade;
        expect(upgrade?.step).toBe(1);
        expect(upgrade?.done).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 5 },
    );
    await first.close();
    expect(listBackups(dir)).toEqual([]);
    expect(readdirSync(backupDir(dir))).toEqual([]);

    // What a kill during the copy leaves instead: the copy's unfinished file, never listed.
    writeFileSync(
      join(backupDir(dir), `redac-20261130T120000000Z-before-upgrade-schema${OLD_VERSION}.sqlite3.partial`),
      'SQLite format 3\0 cut off',
    );
    const { core, reused, copied } = await startAgain(dir);
    expect(reused).toBeUndefined();
    expect(copied).toBe(true);
    expect(readdirSync(backupDir(dir)).some((name) => name.endsWith('.partial'))).toBe(false);
    expect(listBackups(dir)).toHaveLength(1);
    await core.close();
  });
});
