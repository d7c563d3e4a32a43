import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backupDir, createBackup, listBackups } from '../../../src/main/backup/backups';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations/index';
import {
  callChannel as call,
  fileHolds,
  KNOWN_ID as ID,
  olderStore as olderStoreIn,
  OLD_VERSION,
  startCoreIn as start,
  statusOf,
  watch,
} from '../../support/olderStore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const olderStore = (extra?: number): string => olderStoreIn(tempDir(), extra);

describe('the copy taken before an upgrade at start-up', () => {
  it('is made before any migration runs, shown as step 1 with its bytes, and named for the schema it holds', async () => {
    const dir = olderStore();
    const core = start(dir, { upgradeTestHook: 'slow' });
    const seen = await watch(core, dir);

    const copying = seen.filter((s) => s.status.upgrade?.name === 'pre-upgrade-backup');
    expect(copying.length).toBeGreaterThan(1);
    // The copy, then migration 0016 and the test hook's step.
    expect(copying[0]!.status.upgrade).toMatchObject({ step: 1, steps: 3 });
    // Counted in bytes of the store, rising to the whole of it.
    const partway = copying.filter(
      (s) => s.status.upgrade!.total && s.status.upgrade!.done! < s.status.upgrade!.total!,
    );
    expect(partway.length).toBeGreaterThan(0);
    // Every migration step was seen after the copy was complete and listed.
    const migrating = seen.filter((s) => s.status.upgrade!.step > 1);
    expect(migrating.length).toBeGreaterThan(0);
    expect(migrating.every((s) => s.backups === 1)).toBe(true);
    expect(seen.indexOf(migrating[0]!)).toBeGreaterThan(seen.indexOf(copying.at(-1)!));

    expect(core.mode()).toBe('ok');
    expect(core.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    const [copy] = listBackups(dir);
    expect(copy).toMatchObject({ beforeUpgradeFrom: OLD_VERSION });
    expect(copy!.name).toMatch(/^redac-\d{8}T\d{9}Z-before-upgrade-schema14\.sqlite3$/);
    // The copy holds the store as the previous version left it; the store itself is upgraded.
    expect(fileHolds(join(backupDir(dir), copy!.name))).toEqual({
      version: OLD_VERSION,
      headlines: ['Grève à la SNCF'],
    });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // Today's backup is not made again over it (it is less than a day old).
    expect(listBackups(dir)).toHaveLength(1);
    await core.close();
  });

  it('is never removed by the pruning of later backups in the same start', async () => {
    const dir = olderStore(0);
    mkdirSync(backupDir(dir), { recursive: true });
    // Seven older daily backups: the most the folder keeps.
    for (let day = 1; day <= 7; day++)
      writeFileSync(join(backupDir(dir), `redac-2026110${day}T120000000Z.sqlite3`), 'x');
    const core = start(dir);
    await core.ready;
    expect(core.mode()).toBe('ok');
    const copy = listBackups(dir).find((b) => b.beforeUpgradeFrom === OLD_VERSION);
    expect(copy).toBeDefined();
    // Eight more backups in the same start, the disk too small for more than one beside the store.
    const storeBytes = listBackups(dir).find((b) => b.name === copy!.name)!.bytes;
    for (let n = 0; n < 8; n++)
      await createBackup(core.db, dir, { freeBytes: () => storeBytes + 600 * 1024 * 1024 });
    const names = listBackups(dir).map((b) => b.name);
    expect(names).toContain(copy!.name);
    expect(names.filter((name) => name !== copy!.name)).toHaveLength(7);
    await core.close();
  });

  it('without room for it, the upgrade waits for the user: nothing is migrated until they choose to go on', async () => {
    const dir = olderStore(0);
    const core = start(dir, { freeBytes: () => 0 });
    await vi.waitFor(async () => expect((await statusOf(core)).upgrade?.backupProblem).toBeDefined());
    const waiting = await statusOf(core);
    expect(waiting).toMatchObject({
      state: 'upgrading',
      upgrade: { step: 1, name: 'pre-upgrade-backup', backupProblem: { kind: 'no_room', freeBytes: 0 } },
    });
    expect(waiting.upgrade!.backupProblem!.neededBytes).toBeGreaterThan(0);
    expect(await call(core, 'articles:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(fileHolds(join(dir, STORE_FILE)).version).toBe(OLD_VERSION);
    expect(listBackups(dir)).toEqual([]);

    expect(await call(core, 'recovery:upgradeWithoutBackup', {})).toMatchObject({ ok: true });
    await core.ready;
    expect(core.mode()).toBe('ok');
    expect(core.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    expect(listBackups(dir)).toEqual([]);
    expect(await call(core, 'recovery:upgradeWithoutBackup', {})).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await core.close();
  });

  it('that cannot be written waits for the user too, with the reason', async () => {
    const dir = olderStore(0);
    // Where the backups folder should be, a file: the copy cannot even start.
    writeFileSync(backupDir(dir), 'not a folder');
    const core = start(dir);
    await vi.waitFor(async () => expect((await statusOf(core)).upgrade?.backupProblem).toBeDefined());
    const { backupProblem } = (await statusOf(core)).upgrade!;
    expect(backupProblem).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/EEXIST|ENOTDIR/) });
    expect(fileHolds(join(dir, STORE_FILE)).version).toBe(OLD_VERSION);
    expect(await call(core, 'recovery:upgradeWithoutBackup', {})).toMatchObject({ ok: true });
    await core.ready;
    expect(core.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    await core.close();
  });

  it('without room for it, quitting leaves the store as it was', async () => {
    const dir = olderStore(0);
    const onQuit = vi.fn();
    const core = start(dir, { freeBytes: () => 0, onQuit });
    await vi.waitFor(async () => expect((await statusOf(core)).upgrade?.backupProblem).toBeDefined());
    expect(await call(core, 'app:quit', {})).toEqual({ ok: true, value: { quitting: true } });
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledOnce());
    await core.close();
    expect(fileHolds(join(dir, STORE_FILE))).toEqual({
      version: OLD_VERSION,
      headlines: ['Grève à la SNCF'],
    });
  });
});

describe('restoring the copy taken before an upgrade, later, from the backups', () => {
  it('upgrades it in the background as at start-up, and the store it replaced is kept aside', async () => {
    const dir = olderStore(0);
    const core = start(dir);
    await core.ready;
    const since = core.services.articles.create('fr');
    const copy = listBackups(dir).find((b) => b.beforeUpgradeFrom === OLD_VERSION)!;

    expect(await call(core, 'backups:restore', { name: copy.name })).toMatchObject({
      ok: true,
      value: { state: 'upgrading' },
    });
    await core.ready;
    expect(core.mode()).toBe('ok');
    expect(core.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    expect(core.db.prepare('SELECT id FROM articles').pluck().all()).not.toContain(since.id);
    expect(readdirSync(dir).some((f) => f.startsWith(`${STORE_FILE}.before-restore-`))).toBe(true);
    await core.close();
  });
});

describe('an upgrade that failed', () => {
  it('offers the copy taken before it: restoring it upgrades it again and opens the articles; the failed file is kept', async () => {
    const dir = olderStore(0);
    const core = start(dir, { upgradeTestHook: 'fail' });
    await core.ready;
    const failed = await statusOf(core);
    expect(failed.state).toBe('upgradeFailed');
    const copy = failed.backups.find((b) => b.beforeUpgradeFrom === OLD_VERSION);
    expect(copy).toBeDefined();

    const restored = await call(core, 'backups:restore', { name: copy!.name });
    expect(restored).toMatchObject({ ok: true, value: { state: 'upgrading' } });
    await core.ready;
    expect(core.mode()).toBe('ok');
    expect(core.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    expect(readdirSync(dir).some((f) => f.startsWith(`${STORE_FILE}.upgrade-failed-`))).toBe(true);
    // No second copy of a store that came from a backup.
    expect(listBackups(dir)).toHaveLength(1);
    await core.close();
  });

  it('can be moved aside to start fresh, the file kept beside', async () => {
    const dir = olderStore(0);
    const core = start(dir, { upgradeTestHook: 'fail' });
    await core.ready;
    expect(core.mode()).toBe('upgradeFailed');
    expect(await call(core, 'recovery:moveAside', {})).toMatchObject({ ok: true, value: { state: 'ok' } });
    expect(await call(core, 'articles:list', {})).toEqual({ ok: true, value: [] });
    const aside = readdirSync(dir).find((f) => /^redac\.sqlite3\.upgrade-failed-[^-]+$/.test(f));
    expect(aside).toBeDefined();
    expect(fileHolds(join(dir, aside!))).toEqual({ version: OLD_VERSION, headlines: ['Grève à la SNCF'] });
    await core.close();
  });
});
