import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ImportProgress } from '../../shared/domain/importing';
import { AppError } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { Db } from '../db/open';
import { articleWritten, type BatchOutcome, type ImportWriter } from './importWriter';
import type { WritableItem } from './preparedItem';
import { createPhotoPlacement, removeStaleStaging, stagingDirOf } from './photoStaging';
import { readInThread } from './readInThread';
import { findUploadsFolder } from './wxrPhotos';

const MAX_PROBLEMS = 200;
/** Photo problems take at most this many of the list, so that skipped articles are still listed. */
const MAX_PHOTO_PROBLEMS = 100;
/**
 * Articles written per transaction. Each commit is a sync and a search index segment, so a 1 GB export in
 * its reader's 256 KB chunks (a few dozen articles each) paid thousands of them; a killed import loses at
 * most this many, which the next run (skipping what is there) writes again.
 */
const BATCH = 2000;
const REPORT_EVERY_MS = 250;

/**
 * Imports WordPress exports and JSON Lines, streaming: articles are written a batch per transaction (one bad
 * article never takes the others with it), progress reported with counts and time left, and cancellation
 * checked between chunks. The file is read and its HTML converted in a worker thread, at most one batch
 * ahead, while this thread writes; items keep their file order, and a malformed one is reported with its
 * position and skipped. A WordPress export's photos are copied into the media store of `dataDir` (given by the
 * app; without it they are not read) from its uploads folder: the one chosen, else one found beside the file.
 */
/** Why a re-import left an article it already had without the photos it now brings. */
function keptMessage(kind: 'edited' | 'differs', headline: string, photos: number): string {
  const what = photos === 1 ? '1 photo' : `${photos} photos`;
  const title = `“${headline.slice(0, 200) || 'Untitled'}”`;
  return kind === 'edited'
    ? `${title} was edited since the first import: photos not added (${what}; add them by hand).`
    : `${title} differs from this export’s version (its text or its photos): photos not added (${what}; add them by hand).`;
}

export function createImportService(
  db: Db,
  bus: EventBus,
  writer: ImportWriter,
  batchSize: number = BATCH,
  dataDir?: string,
) {
  const jobs = new Map<string, AbortController>();

  function start(
    path: string,
    format: 'wxr' | 'jsonl',
    chosenUploads?: string,
  ): { jobId: string; done: Promise<ImportProgress> } {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new AppError('not_found', `There is no file at ${path}.`);
    }
    let uploadsDir: string | null = null;
    if (format === 'wxr' && chosenUploads?.trim()) {
      uploadsDir = resolve(chosenUploads.trim());
      let isFolder = false;
      try {
        isFolder = statSync(uploadsDir).isDirectory();
      } catch {
        // Reported below.
      }
      if (!isFolder) throw new AppError('not_found', `There is no uploads folder at ${uploadsDir}.`);
    } else if (format === 'wxr') uploadsDir = findUploadsFolder(path);
    const jobId = randomUUID();
    const abort = new AbortController();
    const mediaDir = dataDir ? join(dataDir, 'media') : undefined;
    if (mediaDir) removeStaleStaging(mediaDir, new Set(jobs.keys()));
    jobs.set(jobId, abort);
    const stagingDir = mediaDir ? stagingDirOf(mediaDir, jobId) : undefined;
    const placement = mediaDir && stagingDir ? createPhotoPlacement(mediaDir, stagingDir) : undefined;
    const progress: ImportProgress = {
      jobId,
      state: 'running',
      bytesDone: 0,
      bytesTotal: size,
      created: 0,
      alreadyThere: 0,
      ignored: 0,
      failed: 0,
      photosMissing: 0,
      photosAdded: 0,
      photosNotAdded: 0,
      remainingMs: null,
      problems: [],
    };
    const started = Date.now();
    let lastReport = 0;
    const report = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      const elapsed = now - started;
      progress.remainingMs =
        progress.state === 'running' && progress.bytesDone > 0
          ? (elapsed / progress.bytesDone) * (progress.bytesTotal - progress.bytesDone)
          : null;
      bus.emit('import:progress', { ...progress, problems: [...progress.problems] });
    };
    const problem = (position: string, message: string): void => {
      progress.failed++;
      if (progress.problems.length < MAX_PROBLEMS) progress.problems.push({ position, message });
    };
    type Read = { position: string; item: WritableItem; photoProblems?: string[] };
    let photoProblemsListed = 0;
    const photoProblem = (position: string, message: string): void => {
      if (progress.problems.length < MAX_PROBLEMS && photoProblemsListed < MAX_PHOTO_PROBLEMS) {
        photoProblemsListed++;
        progress.problems.push({ position, message });
      }
    };
    /**
     * The batch's photos enter the media store just before it is written, and those of the articles not written
     * leave it again right after (photoStaging.ts), all in this one synchronous turn.
     */
    const writeWithPhotos = (batch: Read[]): BatchOutcome[] => {
      const placed = placement?.place(batch.flatMap((b) => b.item.photos ?? [])) ?? [];
      let outcomes: BatchOutcome[] | undefined;
      try {
        outcomes = writer.writeBatch(batch.map((b) => b.item));
        return outcomes;
      } finally {
        if (placed.length > 0) {
          const used = new Set<string>();
          outcomes?.forEach((outcome, k) => {
            if (articleWritten(outcome)) for (const id of batch[k]!.item.photos ?? []) used.add(id);
          });
          placement!.takeBack(placed.filter((id) => !used.has(id)));
        }
      }
    };
    const writeBatch = (batch: Read[]): void => {
      if (batch.length === 0) return;
      writeWithPhotos(batch).forEach((outcome, k) => {
        const read = batch[k]!;
        if (outcome === 'skipped') progress.alreadyThere++;
        else if (outcome instanceof Error) problem(read.position, outcome.message);
        else if (outcome !== 'created' && outcome.kind !== 'filled') {
          progress.alreadyThere++;
          progress.photosNotAdded++;
          photoProblem(read.position, keptMessage(outcome.kind, outcome.headline, outcome.photos));
        } else {
          if (outcome === 'created') progress.created++;
          else {
            progress.alreadyThere++;
            progress.photosAdded++;
            // Said as soon as it is committed: an editor that has it open must not save over the new revision.
            bus.emit('articles:changed', { id: outcome.articleId, revision: outcome.revision });
          }
          // The article is in, without these photos: said when it is written (a re-import that leaves it
          // as it is says nothing of them).
          for (const message of read.photoProblems ?? []) {
            progress.photosMissing++;
            photoProblem(read.position, message);
          }
        }
      });
    };

    /** Reading and HTML conversion run in a worker thread (readInThread.ts) while this thread writes. */
    async function run(): Promise<void> {
      let batch: Read[] = [];
      let bytesRead = 0;
      const photos = format === 'wxr' && dataDir ? { uploadsDir, dataDir, stagingDir } : undefined;
      for await (const chunk of readInThread(path, format, batchSize, abort.signal, photos)) {
        if (chunk.photoListBytes !== undefined) {
          progress.photoListBytes = chunk.photoListBytes;
          report();
          continue;
        }
        for (const { position, outcome } of chunk.entries) {
          if (outcome.kind === 'item')
            batch.push({ position, item: outcome.item, photoProblems: outcome.photoProblems });
          else if (outcome.kind === 'ignored') progress.ignored++;
          else problem(position, outcome.reason);
        }
        bytesRead = chunk.bytesRead;
        if (batch.length >= batchSize) {
          writeBatch(batch);
          batch = [];
          progress.bytesDone = bytesRead;
          report();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      // Cancelled: what was read but not yet written is dropped, like the rest of the file.
      if (!abort.signal.aborted) writeBatch(batch);
      progress.bytesDone = bytesRead;
    }

    const done = run()
      .then(() => {
        progress.state = abort.signal.aborted ? 'cancelled' : 'done';
        if (progress.state === 'done') progress.bytesDone = progress.bytesTotal;
      })
      .catch((error: unknown) => {
        progress.state = 'failed';
        progress.message = (error as Error).message;
      })
      .then(() => {
        // The reading thread has ended: what it staged and no written article took goes.
        placement?.discard();
        jobs.delete(jobId);
        report(true);
        if (progress.created > 0 || progress.photosAdded > 0)
          bus.emit('articles:imported', { count: progress.created });
        return { ...progress };
      });
    return { jobId, done };
  }

  return {
    start,
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      job?.abort();
      return job !== undefined;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
