import { readFileSync } from 'node:fs';
import type { MediaStore } from '../media/mediaStore';

/**
 * Where publishing reads a file of the app's media store (files copied into the data folder, content-addressed).
 * Kept to bytes + filename + mime so that publishing does not depend on how the store keeps its files.
 */
export interface MediaFile {
  bytes: Uint8Array;
  filename: string;
  mime: string;
}

export interface MediaSource {
  /** undefined when the store has no such file. */
  read(mediaId: string): MediaFile | undefined;
}

/** The app's media store as publishing reads it; the content-addressed id is the uploaded file's name. */
export function storeMediaSource(store: MediaStore): MediaSource {
  return {
    read(mediaId) {
      const found = store.resolve(mediaId);
      if (!found) return undefined;
      return { bytes: readFileSync(found.file), filename: mediaId, mime: found.type };
    },
  };
}
