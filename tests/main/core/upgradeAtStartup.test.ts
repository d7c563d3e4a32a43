import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { openDatabase } from '../../../src/main/db/open';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations/index';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import type { RecoveryStatus } from '../../../src/shared/domain/recovery';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const OLD_VERSION = 14;
const ID = '0b7e3c4a-1d2f-4e5a-8b6c-7d8e9f0a1b2c';

/** A store written by the previous version (schema 14), holding one article. */
function olderStore(): string {
  const dir = tempDir();
  const db = openDatabase(join(dir, STORE_FILE), { migrateTo: OLD_VERSION });
  db.prepare(
    `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
     VALUES (?, 'Grève à la SNCF', '{"type":"doc","content":[{"type":"paragraph"}]}', 1, 'published', 'fr', 1, 2, 1)`,
  ).run(ID);
  db.close();
  return dir;
}

/** The app's start on that folder, upgrading in a thread as the desktop app and the host do. */
const startUpgrading = (dir: string, upgradeTestHook?: 'slow' | 'fail') =>
  startResilientCore({
    dataDir: dir,
    transport: 'host',
    version: 'test',
    upgradeInBackground: true,
    upgradeTestHook,
  });

/** What the file holds, read on a connection of its own. */
function onDisk(dir: string): { version: number; headlines: string[]; mergeTable: boolean } {
  const db = new Database(join(dir, STORE_FILE), { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      headlines: db.prepare('SELECT headline FROM articles').pluck().all() as string[],
      mergeTable: db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'merged_terms'").get() !== undefined,
    };
  } finally {
    db.close();
  }
}

async function statusOf(core: ReturnType<typeof startResilientCore>): Promise<RecoveryStatus> {
  const answer = await invokeChannel(core.handlers, 'recovery:status', {}, quiet);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as RecoveryStatus;
}

describe('an older store at start-up', () => {
  it('is upgraded in the background: the core answers with the step and its count meanwhile, then opens', async () => {
    const dir = olderStore();
    const core = startUpgrading(dir, 'slow');
    expect(core.mode()).toBe('upgrading');
    expect(await invokeChannel(core.handlers, 'articles:list', {}, quiet)).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/being upgraded/) },
    });
    const seen: RecoveryStatus[] = [];
    while (core.mode() === 'upgrading') {
      seen.push(await statusOf(core));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await core.ready;
    const counted = seen.filter((s) => s.upgrade?.name === 'test-slow-step' && s.upgrade.done !== null);
    expect(counted.length).toBeGreaterThan(3);
    // Step 1 is the copy taken before the upgrade (upgradeBackup.test.ts).
    expect(counted[0]!.upgrade).toMatchObject({ step: 3, steps: 3, total: 50 });
    expect(counted.some((s) => s.upgrade!.done! > 0 && s.upgrade!.done! < 50)).toBe(true);
    expect(seen.every((s) => s.state === 'upgrading')).toBe(true);

    expect(core.mode()).toBe('ok');
    expect(await statusOf(core)).toMatchObject({ state: 'ok', message: '' });
    expect(core.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    await core.close();
  });

  it('that fails leaves the file exactly as it was and says why; the next start upgrades it', async () => {
    const dir = olderStore();
    const core = startUpgrading(dir, 'fail');
    await core.ready;
    expect(core.mode()).toBe('upgradeFailed');
    expect(await statusOf(core)).toMatchObject({
      state: 'upgradeFailed',
      message: expect.stringMatching(/on purpose/),
    });
    await core.close();
    // Migration 0016 ran before the failing step, in the same transaction: rolled back with it.
    expect(onDisk(dir)).toEqual({ version: OLD_VERSION, headlines: ['Grève à la SNCF'], mergeTable: false });

    const again = startUpgrading(dir);
    await again.ready;
    expect(again.mode()).toBe('ok');
    expect(again.services.articles.get(ID).headline).toBe('Grève à la SNCF');
    await again.close();
  });

  it('interrupted by quitting is not committed: the file is as it was, and the next start upgrades it', async () => {
    const dir = olderStore();
    const core = startUpgrading(dir, 'slow');
    while ((await statusOf(core)).upgrade?.name !== 'test-slow-step')
      await new Promise((resolve) => setTimeout(resolve, 20));
    await core.close();
    expect(onDisk(dir)).toEqual({ version: OLD_VERSION, headlines: ['Grève à la SNCF'], mergeTable: false });

    const again = startUpgrading(dir);
    await again.ready;
    expect(onDisk(dir)).toMatchObject({ version: LATEST_SCHEMA_VERSION, mergeTable: true });
    await again.close();
  });

  it('a new store or a current one opens at once, without a thread', async () => {
    const dir = tempDir();
    const first = startUpgrading(dir);
    expect(first.mode()).toBe('ok');
    await first.close();
    const second = startUpgrading(dir);
    expect(second.mode()).toBe('ok');
    await second.close();
  });
});
