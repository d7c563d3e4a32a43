import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaInfo } from '../../shared/domain/media';
import { writeWhole } from '../media/mediaStore';
import type { PhotoStore } from './wxrPhotos';

/*
 * An import's photos wait in a folder of their own inside the media folder (media/.import-<job>: same disk,
 * so moving one into the store is a rename; a name starting with a dot is never a media id, so nothing serves
 * them) until their article is written. A photo whose article is refused (malformed, edited since its import,
 * cancelled before it was written) never enters the store, and what the job leaves there is removed when it
 * ends. A photo already in the store is not copied again: the store is content-addressed.
 */

const PREFIX = '.import-';

export const stagingDirOf = (mediaDir: string, jobId: string): string => join(mediaDir, `${PREFIX}${jobId}`);

/** What the reading thread needs of the media store: name the bytes as the store would, and say what it has. */
export interface MediaNaming {
  identify(bytes: Uint8Array, declaredType: string): MediaInfo;
  has(mediaId: string): boolean;
}

/** The reading thread's photo store: new photos go to the job's staging folder, not into the store. */
export function stagedPhotoStore(media: MediaNaming, stagingDir: string): PhotoStore {
  return {
    put(bytes, declaredType) {
      const info = media.identify(bytes, declaredType);
      if (!media.has(info.mediaId)) writeWhole(stagingDir, info.mediaId, bytes);
      return info;
    },
  };
}

/**
 * The writing side: moves a batch's staged photos into the store just before the batch is written, and back
 * out for the articles that were not written. Both run in the same synchronous turn as the batch's write on
 * the main thread, where every other use of the store (a paste, a download) runs too, so no other article
 * can have come to use a photo between its placing and its taking back.
 */
export function createPhotoPlacement(mediaDir: string, stagingDir: string) {
  return {
    /** Moves these photos into the store when they are staged and not already there; returns those moved. */
    place(mediaIds: Iterable<string>): string[] {
      const moved: string[] = [];
      for (const id of new Set(mediaIds)) {
        const staged = join(stagingDir, id);
        if (!existsSync(staged) || existsSync(join(mediaDir, id))) continue;
        renameSync(staged, join(mediaDir, id));
        moved.push(id);
      }
      return moved;
    },
    /** Takes photos moved by `place` back out (their articles were not written); a later article may use them. */
    takeBack(mediaIds: Iterable<string>): void {
      for (const id of mediaIds) renameSync(join(mediaDir, id), join(stagingDir, id));
    },
    /** The job is over: what is still staged was used by no written article. */
    discard(): void {
      rmSync(stagingDir, { recursive: true, force: true });
    },
  };
}

/** Staging folders of imports that are not running (a killed app's): their photos were never placed. */
export function removeStaleStaging(mediaDir: string, runningJobs: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(mediaDir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(PREFIX) && !runningJobs.has(name.slice(PREFIX.length)))
      rmSync(join(mediaDir, name), { recursive: true, force: true });
}
