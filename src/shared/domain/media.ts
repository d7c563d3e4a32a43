import { z } from 'zod';

/** Image types the media store accepts, with the extension their files get. SVG is refused: it can carry script. */
export const MEDIA_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;
export const MEDIA_TYPE_NAMES = Object.keys(MEDIA_TYPES) as MediaType[];

/** Largest image the store takes (a press photo at full resolution is well under it). */
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024;

/** A stored file's id: the SHA-256 of its bytes and its extension, so the same image is stored once. */
export const MEDIA_ID_PATTERN = /^[0-9a-f]{64}\.(jpg|png|gif|webp)$/;
export const MediaId = z.string().regex(MEDIA_ID_PATTERN);

export function isMediaId(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_ID_PATTERN.test(value);
}

/** Where the renderer (either transport) and the preview load a stored image from: same origin, under the CSP. */
export function mediaUrl(mediaId: string): string {
  return `/media/${mediaId}`;
}

export const MediaInfo = z.object({
  mediaId: MediaId,
  type: z.enum(MEDIA_TYPE_NAMES as [MediaType, ...MediaType[]]),
  size: z.number().int().nonnegative(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;
