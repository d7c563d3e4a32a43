import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

/**
 * A post (id 400, "Le port en images") whose classic-editor [gallery] names no images: it shows the three
 * uploaded to the post, in menu order (phare, digue, quai). digue.jpg is not in the uploads folder beside it.
 */
export function galleryExport(tempDir: () => string): string {
  const dir = tempDir();
  const uploads = join(dir, 'wp-content', 'uploads', '2024', '02');
  mkdirSync(uploads, { recursive: true });
  copyFileSync(join(FIXTURES, 'images/blue.jpg'), join(uploads, 'quai.jpg'));
  copyFileSync(join(FIXTURES, 'images/red.png'), join(uploads, 'phare.png'));
  const attachment = (id: number, file: string, order: number, caption: string) => `
	<item>
		<title><![CDATA[${file}]]></title>
		<guid isPermaLink="false">https://port.example/wp-content/uploads/2024/02/${file}</guid>
		<excerpt:encoded><![CDATA[${caption}]]></excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-02-01 08:00:00]]></wp:post_date_gmt>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>400</wp:post_parent>
		<wp:menu_order>${order}</wp:menu_order>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://port.example/wp-content/uploads/2024/02/${file}]]></wp:attachment_url>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2024/02/${file}]]></wp:meta_value></wp:postmeta>
	</item>`;
  const file = join(dir, 'port.xml');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<item>
		<title><![CDATA[Le port en images]]></title>
		<guid isPermaLink="false">https://port.example/?p=400</guid>
		<content:encoded><![CDATA[Une journée sur les quais.

[gallery columns="3" link="file"]

Reportage de notre envoyé.]]></content:encoded>
		<wp:post_id>400</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-02-01 09:00:00]]></wp:post_date_gmt>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>${attachment(401, 'quai.jpg', 3, 'Le quai nord')}${attachment(402, 'phare.png', 1, 'Le phare')}${attachment(403, 'digue.jpg', 2, 'La digue')}
</channel>
</rss>
`,
  );
  return file;
}
