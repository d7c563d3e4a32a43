import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const KILLS = Number(process.env.REDAC_KILLS ?? 50);
let childScript = '';

beforeAll(() => {
  // Bundled once, so each of the fifty children starts in a fraction of a second.
  childScript = join(tempDir(), 'saver.cjs');
  buildSync({
    entryPoints: [resolve(__dirname, 'saver.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: childScript,
    external: ['better-sqlite3', '@tiptap/*', 'happy-dom', 'zod', 'undici', 'esbuild'],
    logLevel: 'silent',
  });
}, 60_000);

interface Ack {
  revision: number;
  headline: string;
}

/** Runs the saver until it has acknowledged some saves, then SIGKILLs it at a random moment. */
function runAndKill(dataDir: string): Promise<Map<string, Ack>> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [childScript, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: resolve(__dirname, '../../..'),
      // The bundle lives in a temp folder; its external packages come from the project's node_modules.
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../../../node_modules') },
    });
    const acked = new Map<string, Ack>();
    let buffer = '';
    let errors = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const m = /^ACK (\S+) (\d+) (.*)$/.exec(line);
        if (m) acked.set(m[1]!, { revision: Number(m[2]), headline: m[3]! });
      }
      if (!armed && acked.size > 0) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 120));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(acked);
      else fail(new Error(`the saver exited by itself (${code}): ${errors}`));
    });
  });
}

describe('durability under SIGKILL', () => {
  it(`keeps the store intact and every acknowledged save, across ${KILLS} kills`, async () => {
    const dataDir = tempDir();
    let checked = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const acked = await runAndKill(dataDir);
      const db = openDatabase(join(dataDir, STORE_FILE));
      expect(db.pragma('integrity_check', { simple: true }), `after kill ${kill + 1}`).toBe('ok');
      const row = db.prepare<[string], { revision: number; headline: string }>(
        'SELECT revision, headline FROM articles WHERE id = ?',
      );
      for (const [id, ack] of acked) {
        const stored = row.get(id);
        expect(stored, `article ${id} after kill ${kill + 1}`).toBeDefined();
        expect(stored!.revision).toBeGreaterThanOrEqual(ack.revision);
        if (stored!.revision === ack.revision) expect(stored!.headline).toBe(ack.headline);
        checked++;
      }
      db.close();
    }
    expect(checked).toBeGreaterThan(0);
  }, 600_000);
});
