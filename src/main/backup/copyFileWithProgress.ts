import { open } from 'node:fs/promises';

const CHUNK = 8 * 1024 * 1024;

export interface FileCopyOptions {
  onProgress?: ((copiedBytes: number, totalBytes: number) => void) | undefined;
  /** Test hook only (host command line `--test-backup slow`): about fifty chunks, this long apart. */
  pauseMs?: number | undefined;
}

/**
 * Copies `from` to a new file `to` in chunks on libuv's thread pool (the main thread stays free), telling how
 * far it is, then syncs it: once this resolves the copy is on disk whole and can be renamed into place.
 * A failure leaves `to` for the caller to remove.
 */
export async function copyFileWithProgress(
  from: string,
  to: string,
  options: FileCopyOptions = {},
): Promise<void> {
  const source = await open(from, 'r');
  try {
    const target = await open(to, 'wx');
    try {
      const total = (await source.stat()).size;
      const chunk = options.pauseMs ? Math.max(4096, Math.ceil(total / 50)) : CHUNK;
      const buffer = Buffer.alloc(Math.min(chunk, Math.max(total, 1)));
      let copied = 0;
      options.onProgress?.(0, total);
      while (copied < total) {
        const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, total - copied), copied);
        if (bytesRead === 0) throw new Error('The backup got shorter while it was being read.');
        let written = 0;
        while (written < bytesRead) {
          const { bytesWritten } = await target.write(buffer, written, bytesRead - written, copied + written);
          written += bytesWritten;
        }
        copied += bytesRead;
        options.onProgress?.(copied, total);
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      }
      await target.datasync();
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
