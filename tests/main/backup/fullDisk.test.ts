import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupDir, createBackup, listBackups } from '../../../src/main/backup/backups';
import { startCore, STORE_FILE } from '../../../src/main/core/startCore';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';
import { fillStore } from './support';

const tempDir = useTempDirs();
let childScript = '';

beforeAll(() => {
  childScript = join(tempDir(), 'backupChild.cjs');
  buildSync({
    entryPoints: [resolve(__dirname, 'backupChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: childScript,
    external: ['better-sqlite3', '@tiptap/*', 'happy-dom', 'zod', 'esbuild'],
    logLevel: 'silent',
    // The copy thread's script is found from its caller's address (core/threadScript.ts): the source's.
    define: {
      'import.meta.url': JSON.stringify(
        pathToFileURL(resolve(__dirname, '../../../src/main/backup/copyInThread.ts')).href,
      ),
    },
  });
});

/** Runs the child with its files capped at `kb` KB (RLIMIT_FSIZE): a write past that fails. */
function runCapped(kb: number, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    // bash's ulimit -f counts 1 KB blocks.
    const child = spawn(
      'bash',
      ['-c', `ulimit -f ${kb} && exec "$0" "$@"`, process.execPath, childScript, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_PATH: resolve(__dirname, '../../../node_modules') },
      },
    );
    let out = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`child exited ${code}: ${errors}`))));
  });
}

describe('a backup that cannot be written to the end (disk full, failing write)', () => {
  it('fails with a notice, leaves no half-written file to restore, keeps the older backup, and the store loses nothing', async () => {
    const dir = tempDir();
    const core = startCore({ dataDir: dir, transport: 'host', version: 'test' });
    const ids = fillStore(core, 250);
    const good = await createBackup(core.db, dir);
    await core.close();
    const storeKb = statSync(join(dir, STORE_FILE)).size / 1024;
    expect(storeKb).toBeGreaterThan(1500);

    const out = await runCapped(Math.floor(storeKb / 2), [dir, ids[7]!]);

    // The write itself failed (SQLite's disk I/O or full error), not anything before it.
    expect(out).toMatch(/^FAILED storage The backup could not be written \((disk I\/O error|database or disk is full)/m);
    expect(out).toMatch(/^NOTICE \{"kind":"failed"/m);
    expect(out).toMatch(/^ACK \d+$/m);
    expect(readdirSync(backupDir(dir))).toEqual([good.name]);
    expect(listBackups(dir).map((b) => b.name)).toEqual([good.name]);

    const db = openDatabase(join(dir, STORE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const acked = Number(/^ACK (\d+)$/m.exec(out)![1]);
    expect(db.prepare('SELECT revision, headline FROM articles WHERE id = ?').get(ids[7])).toEqual({
      revision: acked,
      headline: 'Sauvé après le disque plein',
    });
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(ids.length);
    db.close();
  }, 90_000);
});
