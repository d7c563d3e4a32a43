import type { ChannelOutput } from '../../../shared/ipc/contract';

/** Hands an exported file to the browser or Electron as a download (no navigation, no inline script). */
export function saveFile(file: ChannelOutput<'export:articles'>): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
