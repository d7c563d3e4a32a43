import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  isMediaId,
  MEDIA_MAX_BYTES,
  MEDIA_TYPES,
  type MediaInfo,
  type MediaType,
} from '../../shared/domain/media';
import { AppError } from '../core/errors';

/** What the bytes say they are, whatever the file name or the declared type claim. */
export function sniffImageType(bytes: Uint8Array): MediaType | undefined {
  const at = (i: number): number => bytes[i] ?? -1;
  const ascii = (from: number, text: string): boolean =>
    [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (ascii(0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return undefined;
}

const EXTENSION_TYPES = Object.fromEntries(
  Object.entries(MEDIA_TYPES).map(([type, ext]) => [ext, type]),
) as Record<string, MediaType>;

export function mediaTypeOf(mediaId: string): MediaType | undefined {
  return EXTENSION_TYPES[mediaId.split('.').pop() ?? ''];
}

/** Writes `name` in `dir` unless it is there: aside and renamed, so a crash never leaves a half image under it. */
export function writeWhole(dir: string, name: string, bytes: Uint8Array): void {
  const file = join(dir, name);
  if (existsSync(file)) return;
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(8).toString('hex')}.part`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The media store: image files copied into the data folder under media/, named by the SHA-256 of their bytes
 * (the same image is kept once, and a name can never point outside the folder). Never a path to the
 * writer's own file: what the article uses is in the store.
 */
export function createMediaStore(dataDir: string) {
  const dir = join(dataDir, 'media');

  function identify(bytes: Uint8Array, declaredType: string): MediaInfo {
    if (bytes.length === 0) throw new AppError('invalid_input', 'The image file is empty.');
    if (bytes.length > MEDIA_MAX_BYTES)
      throw new AppError(
        'invalid_input',
        `The image is too large (${Math.ceil(bytes.length / 1024 / 1024)} MB; at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB).`,
      );
    const type = sniffImageType(bytes);
    if (!type) throw new AppError('invalid_input', 'This file is not a JPEG, PNG, GIF or WebP image.');
    if (declaredType && declaredType !== type && !(declaredType === 'image/jpg' && type === 'image/jpeg'))
      throw new AppError(
        'invalid_input',
        `The file says it is ${declaredType.slice(0, 40)} but it is ${type}.`,
      );
    const mediaId = `${createHash('sha256').update(bytes).digest('hex')}.${MEDIA_TYPES[type]}`;
    return { mediaId, type, size: bytes.length };
  }

  function fileOf(mediaId: string): string | undefined {
    return isMediaId(mediaId) ? join(dir, mediaId) : undefined;
  }

  return {
    dir,
    /** Checks an image's bytes and names them as the store would, without storing them. */
    identify,
    /** Checks and stores an image's bytes; returns its id (the existing one when the same bytes are stored). */
    put(bytes: Uint8Array, declaredType: string): MediaInfo {
      const info = identify(bytes, declaredType);
      const { mediaId } = info;
      writeWhole(dir, mediaId, bytes);
      return info;
    },
    has(mediaId: string): boolean {
      const file = fileOf(mediaId);
      return !!file && existsSync(file);
    },
    /** The file to serve for an id, or undefined when the id is malformed or not stored. */
    resolve(mediaId: string): { file: string; type: MediaType; size: number } | undefined {
      const file = fileOf(mediaId);
      const type = mediaTypeOf(mediaId);
      if (!file || !type) return undefined;
      try {
        const stat = statSync(file);
        return stat.isFile() ? { file, type, size: stat.size } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
