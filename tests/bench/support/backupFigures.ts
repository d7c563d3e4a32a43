import Database from 'better-sqlite3';
import { copyFile } from 'node:fs/promises';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBackup, backupDir } from '../../../src/main/backup/backups';
import type { CopyStats } from '../../../src/main/backup/copyInThread';
import type { Core } from '../../../src/main/core/startCore';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { writesAcknowledged } from '../../../src/main/db/durability';
import { fieldsOf } from '../../../src/shared/domain/article';
import type { Figure } from './figures';
import { percentile } from './figures';

const MB = 1024 * 1024;
/** A desk saving while the backup runs: one explicit save every this many ms. */
const SAVE_EVERY_MS = 100;

const ioPressure = (): string => {
  try {
    return readFileSync('/proc/pressure/io', 'utf8').split('\n')[0]!.replace('some ', 'io pressure ');
  } catch {
    return 'io pressure unknown';
  }
};

/**
 * The daily backup on this store, through the app's own code (backup/backups.ts), while saves keep coming:
 * its rate beside a plain file copy of the same store, the longest the event loop waited meanwhile, and the
 * save p95 during the backup beside the same saves without one (same run). Then checks that the backup holds
 * every save acknowledged before it started (it is the store as it was then: copyThread.ts). The backup and the plain copy are deleted as soon as measured
 * (one store-sized file at a time besides the store).
 */
export async function reportBackup(
  core: Core,
  dataDir: string,
  workDir: string,
  report: (figure: Figure) => void,
  log: (message: string) => void,
): Promise<void> {
  const { db } = core;
  const { articles } = core.services;
  const ids = db.prepare('SELECT id FROM articles ORDER BY random() LIMIT 400').pluck().all() as string[];
  let round = 0;
  const saved = new Map<string, number>();
  // Timed until the save's reply: its commit, then the WAL's fsync off the main thread (db/durability.ts).
  const saveOne = async (): Promise<number> => {
    const id = ids[round % ids.length]!;
    const article = articles.get(id);
    const content = (article.body.content ?? []).map((node, k) =>
      k === 0 ? { ...node, content: [{ type: 'text', text: `Correction ${round}.` }] } : node,
    );
    round++;
    const t0 = performance.now();
    const after = articles.save({
      id,
      baseRevision: article.revision,
      fields: { ...fieldsOf(article), body: { type: 'doc' as const, content } },
      kind: 'explicit',
    });
    await writesAcknowledged(db);
    saved.set(id, after.revision);
    return performance.now() - t0;
  };
  /** Saves every SAVE_EVERY_MS until `until` says stop; the event loop's worst delay over the same time. */
  const savesWhile = async (until: () => boolean): Promise<{ saves: number[]; stallMs: number }> => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const saves: number[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, SAVE_EVERY_MS));
      if (until()) break;
      saves.push(await saveOne());
    }
    delay.disable();
    return { saves, stallMs: delay.max / 1e6 };
  };

  const quietEnd = performance.now() + 15_000;
  const quiet = await savesWhile(() => performance.now() > quietEnd);
  log(`backup: saves without a backup done (load ${loadavg()[0]!.toFixed(1)}, ${ioPressure()})`);

  let copied: (CopyStats & { ms: number }) | undefined;
  let finished = false;
  let acknowledged = new Map<string, number>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const during = savesWhile(() => finished);
  // Saved before the backup started: each of these must be in it.
  const made = await createBackup(db, dataDir, {
    yieldDisk: process.env.REDAC_BENCH_BACKUP_YIELD === '1',
    // REDAC_BENCH_BACKUP_FLUSH_MB=N flushes the copy every N MB instead of the app's 4.
    flushBytes: process.env.REDAC_BENCH_BACKUP_FLUSH_MB
      ? Number(process.env.REDAC_BENCH_BACKUP_FLUSH_MB) * MB
      : undefined,
    onStarted: () => (acknowledged = new Map(saved)),
    onCopied: (stats) => (copied = stats),
  }).finally(() => (finished = true));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const busy = await during;
  log(
    `backup: ${(made.bytes / MB).toFixed(0)} MB in ${(ms / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, load ${loadavg()[0]!.toFixed(1)}, ${ioPressure()}); ${copied?.steps} steps in the copy thread, longest ${copied?.longestStepMs.toFixed(1)} ms, ${copied?.slowSteps} over 32 ms, ${copied?.restarts} restarts, ${copied?.flushes} flushes waited ${((copied?.flushWaitMs ?? 0) / 1000).toFixed(1)} s; ${busy.saves.length} saves meanwhile, the slowest ${Math.max(0, ...busy.saves).toFixed(0)} ms (without a backup: ${Math.max(0, ...quiet.saves).toFixed(0)} ms)`,
  );

  // Every save acknowledged before the backup started is in it, and the copy is a sound database.
  const file = join(backupDir(dataDir), made.name);
  const copy = new Database(file, { readonly: true });
  const revisionOf = copy.prepare('SELECT revision FROM articles WHERE id = ?').pluck();
  const missing = [...acknowledged].filter(([id, revision]) => (revisionOf.get(id) as number) < revision);
  const check =
    statSync(file).size < 2048 * MB || process.env.REDAC_BENCH_BACKUP_CHECK === '1'
      ? String(copy.pragma('quick_check', { simple: true }))
      : 'skipped (over 2 GB; REDAC_BENCH_BACKUP_CHECK=1 runs it)';
  copy.close();
  log(
    `backup: ${missing.length} of ${acknowledged.size} saved articles missing their last save; quick_check ${check}`,
  );
  if (missing.length > 0 || !/ok|skipped/.test(check) || copied?.restarts !== 0)
    throw new Error('The backup lost saves or is damaged.');
  rmSync(file);

  // Baseline: the same bytes copied by the file system (copy_file_range on libuv's pool), nothing else running.
  const plain = join(workDir, 'plain-copy.sqlite3');
  const c0 = performance.now();
  await copyFile(join(dataDir, STORE_FILE), plain);
  const plainMs = performance.now() - c0;
  const plainBytes = statSync(plain).size;
  rmSync(plain);

  report({
    name: `backup of the store (${(made.bytes / MB).toFixed(0)} MB), saving every ${SAVE_EVERY_MS} ms meanwhile`,
    value: made.bytes / MB / (ms / 1000),
    baseline: plainBytes / MB / (plainMs / 1000),
    baselineName: 'plain file copy of the store, no saves',
    unit: 'MB/s',
  });
  report({
    name: 'backup wall time',
    value: ms / 1000,
    baseline: (cpu.user + cpu.system) / 1e6,
    baselineName: 'CPU time of the process meanwhile (saves included)',
    unit: 's',
  });
  report({
    name: 'worst event-loop stall during the backup',
    value: busy.stallMs,
    baseline: quiet.stallMs,
    baselineName: 'the same saves without a backup',
    unit: 'ms',
    target: { max: 50, against: 'value' },
  });
  report({
    name: 'explicit save p95 during the backup',
    value: percentile(busy.saves, 95),
    baseline: percentile(quiet.saves, 95),
    baselineName: 'the same saves without a backup',
    unit: 'ms',
    target: { max: 2, against: 'ratio' },
  });
}
