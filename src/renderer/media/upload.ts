import type { MediaInfo } from '../../shared/domain/media';
import { MEDIA_MAX_BYTES, MEDIA_TYPE_NAMES } from '../../shared/domain/media';
import { call } from '../bridge';

/** The file input's accept list: the types main takes. */
export const IMAGE_ACCEPT = MEDIA_TYPE_NAMES.join(',');

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * Copies a chosen image into the media store: the renderer reads the file's bytes and sends them through the
 * contract (the same for both transports); main checks type and size, and keeps it under its content hash.
 */
export async function uploadImage(file: File): Promise<MediaInfo> {
  if (file.size > MEDIA_MAX_BYTES)
    throw new Error(`The image is too large (at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB).`);
  const data = await readAsBase64(file);
  return call('media:upload', { name: file.name.slice(0, 300), type: file.type.slice(0, 100), data });
}
