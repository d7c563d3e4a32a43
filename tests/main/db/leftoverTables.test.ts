import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { leftoverDropStep, leftoverTables } from '../../../src/main/db/leftoverTables';
import { LEAVE_FROM_REVISIONS } from '../../../src/main/db/migrations/0014-implied-import-revisions';
import { openDatabase, type Db } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const LEFTOVERS = ['leftover_0014_revisions', 'leftover_0014_revision_blocks'];

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...texts: string[]) => JSON.stringify({ type: 'doc', content: texts.map(paragraph) });

/**
 * A store at schema 13 as an archive import left it: `untouched` imported articles never saved since (an
 * import revision and a block each), and one imported then saved (two revisions, both kept by 0014).
 */
function importedArchive(dir: string, untouched: number): string {
  const file = join(dir, STORE_FILE);
  const db = openDatabase(file, { migrateTo: 13 });
  const article = db.prepare(
    `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
     VALUES (?, ?, ?, 5, 'published', 'fr', 10, 20, ?)`,
  );
  const revision = db.prepare(
    `INSERT INTO revisions (article_id, revision, headline, body, body_blocks, body_schema_version, kind, created_at, started_at)
     VALUES (?, ?, ?, '', ?, 5, ?, 20, 20)`,
  );
  const block = db.prepare('INSERT INTO revision_blocks (hash, json) VALUES (?, ?)');
  const addBlock = (text: string): number => {
    const json = JSON.stringify(paragraph(text));
    return Number(
      block.run(createHash('sha256').update(json).digest().subarray(0, 16), json).lastInsertRowid,
    );
  };
  db.transaction(() => {
    for (let n = 0; n < untouched; n++) {
      const id = `imported-${String(n).padStart(6, '0')}`;
      const text = `Dépêche ${n} : le trafic reste perturbé sur la ligne.`;
      article.run(id, `Titre ${n}`, doc(text), 1);
      revision.run(id, 1, `Titre ${n}`, JSON.stringify([addBlock(text)]), 'import');
    }
    const first = addBlock('Importé puis retouché.');
    const second = addBlock('Retouche.');
    article.run('saved', 'Grève 2', doc('Importé puis retouché.', 'Retouche.'), 2);
    revision.run('saved', 1, 'Grève', JSON.stringify([first]), 'import');
    revision.run('saved', 2, 'Grève 2', JSON.stringify([first, second]), 'explicit');
  })();
  db.close();
  return file;
}

const count = (db: Db, table: string): number =>
  db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

/** What the upgraded store's readers see: the kept revisions and their blocks, whole. */
function expectKeptIntact(db: Db): void {
  const kept = db
    .prepare<[], { revision: number; body_blocks: string }>(
      "SELECT revision, body_blocks FROM revisions WHERE article_id = 'saved' ORDER BY revision",
    )
    .all();
  expect(kept.map((r) => r.revision)).toEqual([1, 2]);
  const block = db.prepare<[number], string>('SELECT json FROM revision_blocks WHERE id = ?').pluck();
  expect((JSON.parse(kept[1]!.body_blocks) as number[]).map((id) => block.get(id))).toEqual([
    JSON.stringify(paragraph('Importé puis retouché.')),
    JSON.stringify(paragraph('Retouche.')),
  ]);
  expect(count(db, 'revisions')).toBeLessThan(5);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

describe('the old trees a large upgrade leaves (migration 0014)', () => {
  it('are left out of the upgrade, then emptied in bounded steps and dropped, the kept rows untouched', () => {
    const untouched = LEAVE_FROM_REVISIONS + 500;
    const db = openDatabase(importedArchive(tempDir(), untouched), { migrateTo: 14 });
    expect(leftoverTables(db)).toEqual(LEFTOVERS.slice().sort());
    expect(count(db, 'leftover_0014_revisions')).toBe(untouched + 2);
    expect(count(db, 'leftover_0014_revision_blocks')).toBe(untouched + 2);
    expectKeptIntact(db);

    // Steps of 2 ms: many of them, each leaving fewer rows, none touching what is kept (the sync of each
    // commit is the thread's business, not this test's).
    db.pragma('synchronous = NORMAL');
    const step = leftoverDropStep(db);
    const left: number[] = [];
    while (step(2)) {
      left.push(leftoverTables(db).reduce((sum, table) => sum + count(db, table), 0));
      expect(db.inTransaction).toBe(false);
    }
    expect(left.length).toBeGreaterThan(3);
    for (let i = 1; i < left.length; i++) expect(left[i]).toBeLessThanOrEqual(left[i - 1]!);
    expect(leftoverTables(db)).toEqual([]);
    expectKeptIntact(db);
    // Their pages are free for the next writes.
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(100);
    db.close();
  });

  it('are dropped in the upgrade itself on a small archive, as before', () => {
    const db = openDatabase(importedArchive(tempDir(), 50), { migrateTo: 14 });
    expect(leftoverTables(db)).toEqual([]);
    expectKeptIntact(db);
    db.close();
  });

  it('survive a kill midway through emptying them: the next start goes on from where it was', async () => {
    const file = importedArchive(tempDir(), LEAVE_FROM_REVISIONS + 500);
    openDatabase(file, { migrateTo: 14 }).close();
    const module = resolve(__dirname, '../../../src/main/db/leftoverTables.ts');
    const opener = resolve(__dirname, '../../../src/main/db/open.ts');
    // Another process empties them step after step, saying how many rows are left, until it is killed.
    const script = `
      const load = async (path) => { const m = await import(path); return m.default ?? m; };
      const { leftoverDropStep, leftoverTables } = await load(${JSON.stringify(module)});
      const { openDatabase } = await load(${JSON.stringify(opener)});
      const db = openDatabase(${JSON.stringify(file)}, { migrateTo: 14 });
      const step = leftoverDropStep(db);
      for (;;) {
        step(1);
        const left = leftoverTables(db).reduce((sum, t) => sum + db.prepare('SELECT count(*) FROM "' + t + '"').pluck().get(), 0);
        process.stdout.write(left + '\\n');
        await new Promise((r) => setTimeout(r, 5));
      }
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Killed once a few steps are committed, and well before the end.
        if (output.split('\n').length > 4) done();
      });
      child.on('exit', (code) => fail(new Error(`the emptying process exited with ${code}`)));
    });
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;

    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const left = leftoverTables(db).reduce((sum, table) => sum + count(db, table), 0);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(2 * (LEAVE_FROM_REVISIONS + 502));
    const step = leftoverDropStep(db);
    while (step(50));
    expect(leftoverTables(db)).toEqual([]);
    expectKeptIntact(db);
    db.close();
  });

  it('go in the quiet seconds of the running app, which saves meanwhile', async () => {
    const dir = tempDir();
    importedArchive(dir, LEAVE_FROM_REVISIONS + 500);
    openDatabase(join(dir, STORE_FILE), { migrateTo: 14 }).close();
    const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    await core.ready;
    expect(leftoverTables(core.db).length).toBeGreaterThan(0);
    const written = core.services.articles.create('fr');
    await vi.waitFor(() => expect(leftoverTables(core.db)).toEqual([]), { timeout: 60_000, interval: 200 });
    expect(core.services.articles.get(written.id).id).toBe(written.id);
    expectKeptIntact(core.db);
    await core.close();
  });

  it('stop with the store: once it is closed, the thread writes no more to the file', async () => {
    const dir = tempDir();
    const file = importedArchive(dir, LEAVE_FROM_REVISIONS + 500);
    openDatabase(file, { migrateTo: 14 }).close();
    const rows = (db: Db) => leftoverTables(db).reduce((sum, table) => sum + count(db, table), 0);
    const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    await core.ready;
    const before = rows(core.db);
    // Closed as soon as a first step has gone (a quiet second after the open).
    await vi.waitFor(() => expect(rows(core.db)).toBeLessThan(before), { timeout: 30_000, interval: 20 });
    await core.close();
    const db = openDatabase(file);
    const left = rows(db);
    await new Promise((done) => setTimeout(done, 2500));
    expect(rows(db)).toBe(left);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
