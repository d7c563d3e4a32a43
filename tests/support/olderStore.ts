import Database from 'better-sqlite3';
import { join } from 'node:path';
import { listBackups } from '../../src/main/backup/backups';
import { startResilientCore, type ResilientCoreOptions } from '../../src/main/core/resilientCore';
import { STORE_FILE } from '../../src/main/core/startCore';
import { openDatabase } from '../../src/main/db/open';
import { invokeChannel } from '../../src/main/ipc/dispatch';
import type { RecoveryStatus } from '../../src/shared/domain/recovery';

/** The schema the previous version wrote: opening its store upgrades it at start-up. */
export const OLD_VERSION = 14;
/** The article the user knows, in every older store. */
export const KNOWN_ID = '0b7e3c4a-1d2f-4e5a-8b6c-7d8e9f0a1b2c';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

const body = (text: string) =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * A store written by the previous version (schema 14) in `dir`: one article the user knows, and enough others
 * (large bodies) that copying it takes the backup several steps.
 */
export function olderStore(dir: string, extra = 300): string {
  const db = openDatabase(join(dir, STORE_FILE), { migrateTo: OLD_VERSION });
  const insert = db.prepare(
    `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
     VALUES (?, ?, ?, 1, 'published', 'fr', 1, 2, 1)`,
  );
  insert.run(KNOWN_ID, 'Grève à la SNCF', body('Le trafic reste perturbé.'));
  for (let n = 0; n < extra; n++)
    insert.run(
      `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      `Titre ${n}`,
      body('mot '.repeat(4000)),
    );
  db.close();
  return dir;
}

/** An article as the previous version would have written it, on a connection of that version's schema. */
export function writeAsOlderVersion(dir: string, id: string, headline: string): void {
  const db = openDatabase(join(dir, STORE_FILE), { migrateTo: OLD_VERSION });
  db.prepare(
    `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
     VALUES (?, ?, ?, 1, 'draft', 'fr', 3, 4, 1)`,
  ).run(id, headline, body('Écrit après la copie.'));
  db.close();
}

export const startCoreIn = (dir: string, more: Partial<ResilientCoreOptions> = {}) =>
  startResilientCore({
    dataDir: dir,
    transport: 'host',
    version: 'test',
    upgradeInBackground: true,
    ...more,
  });

export type TestCore = ReturnType<typeof startResilientCore>;

export async function statusOf(core: TestCore): Promise<RecoveryStatus> {
  const answer = await invokeChannel(core.handlers, 'recovery:status', {}, quiet);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as RecoveryStatus;
}

export async function callChannel(core: TestCore, channel: string, input: object) {
  return invokeChannel(core.handlers, channel as 'recovery:status', input as never, quiet);
}

/** The schema version and the known article's headline(s) of a SQLite file, read on a connection of its own. */
export function fileHolds(file: string, id = KNOWN_ID): { version: number; headlines: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      headlines: db.prepare('SELECT headline FROM articles WHERE id = ?').pluck().all(id) as string[],
    };
  } finally {
    db.close();
  }
}

/** Every status answered while the core upgrades, asked as often as the event loop lets the copy pause. */
export async function watch(core: TestCore, dir: string) {
  const seen: { status: RecoveryStatus; backups: number }[] = [];
  while (core.mode() === 'upgrading') {
    seen.push({ status: await statusOf(core), backups: listBackups(dir).length });
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await core.ready;
  return seen;
}
