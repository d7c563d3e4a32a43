import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCore } from '../../src/main/core/startCore';

const FIXTURES = resolve(__dirname, '../fixtures');

/**
 * The photos.xml export in a folder of its own (made by `tempDir`), with the site's uploads folder (real image
 * files) where `uploadsAt` says: beside it as wp-content/uploads (WordPress's own layout), elsewhere, or
 * nowhere. militants.jpg, the featured photo of the second post, is never there. `fillUploads` puts the files
 * in the chosen place later (a desk that receives the uploads folder after the export).
 */
export function photosExport(
  tempDir: () => string,
  uploadsAt: 'beside' | 'elsewhere' | 'none',
): { file: string; uploads: string; besideUploads: string; fillUploads: (at: string) => void } {
  const dir = tempDir();
  const file = join(dir, 'export', 'quotidien.WordPress.2024-03-13.xml');
  mkdirSync(join(dir, 'export'));
  copyFileSync(join(FIXTURES, 'wxr/photos.xml'), file);
  const besideUploads = join(dir, 'export', 'wp-content', 'uploads');
  const uploads = uploadsAt === 'beside' ? besideUploads : join(dir, 'uploads');
  const fillUploads = (at: string): void => {
    mkdirSync(join(at, '2024', '03'), { recursive: true });
    copyFileSync(join(FIXTURES, 'images/blue.jpg'), join(at, '2024/03/matignon.jpg'));
    copyFileSync(join(FIXTURES, 'images/red.png'), join(at, '2024/03/carte.png'));
    // WordPress keeps resized copies beside the original; the import takes the original.
    copyFileSync(join(FIXTURES, 'images/blue.jpg'), join(at, '2024/03/matignon-300x200.jpg'));
  };
  if (uploadsAt !== 'none') fillUploads(uploads);
  return { file, uploads, besideUploads, fillUploads };
}

/** A real core on a fresh data folder, with a lookup by headline words and the media store's files. */
export function startedCore(tempDir: () => string) {
  const dataDir = join(tempDir(), 'app');
  const core = startCore({ dataDir, transport: 'host', version: 'test' });
  const idOf = (words: string): string =>
    core.services.search.search({ query: words, sort: 'date', limit: 5 }).hits[0]!.id;
  const byHeadline = (words: string) => core.services.articles.get(idOf(words));
  const storedFiles = (): string[] => {
    try {
      return readdirSync(core.services.media.dir)
        .filter((f) => !f.startsWith('.'))
        .sort();
    } catch {
      return [];
    }
  };
  return { core, dataDir, idOf, byHeadline, storedFiles };
}
