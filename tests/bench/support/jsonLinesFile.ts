import { closeSync, openSync, writeSync } from 'node:fs';
import { slugify } from '../../../src/shared/text/slug';
import { importItemOf, type createArchive } from './archive';

/**
 * Writes `count` articles of a generated archive as a JSON Lines export (one article per line, the shape
 * importing/jsonLinesItem.ts reads: names for section, tags and authors, the body as the editor's JSON, a slug
 * made from the headline as a site's would be), so the bench times an import from a file as a desk runs it.
 */
export function writeJsonLines(file: string, archive: ReturnType<typeof createArchive>, count: number): void {
  const fd = openSync(file, 'w');
  try {
    let lines: string[] = [];
    for (let i = 0; i < count; i++) {
      // The item the importers would make of it, in the file's own field names.
      const {
        sourceKey,
        createdAt,
        updatedAt,
        featuredImage: _none,
        ...fields
      } = importItemOf(archive.article(i));
      lines.push(
        JSON.stringify({
          id: sourceKey,
          ...fields,
          slug: slugify(fields.headline),
          created_at: createdAt,
          updated_at: updatedAt,
        }),
      );
      if (lines.length === 1000 || i === count - 1) {
        writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
  } finally {
    closeSync(fd);
  }
}
