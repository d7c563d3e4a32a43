import { openSync, writeSync, closeSync } from 'node:fs';
import { bodyToHtml } from '../../../src/main/content/bodyHtml';
import type { createArchive } from './archive';

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (text: string): string => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const gmt = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/**
 * Writes `count` articles of a generated archive as a WordPress export (WXR 1.2, the shape Tools > Export
 * writes: channel authors, then one item per post with its HTML body, excerpt, dates, status, slug, category
 * and tags), so the bench can time an import from the file, XML and HTML conversion included.
 */
export function writeWxr(file: string, archive: ReturnType<typeof createArchive>, count: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(
      fd,
      '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Archive</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n',
    );
    for (let i = 0; i < count; i++) {
      const a = archive.article(i);
      const login = a.authors[0]!.toLowerCase().replace(/\s+/g, '-');
      const terms = [
        `<category domain="category" nicename="${xml(a.section.toLowerCase())}">${cdata(a.section)}</category>`,
        ...a.tags.map((t) => `<category domain="post_tag" nicename="${xml(t)}">${cdata(t)}</category>`),
      ].join('');
      writeSync(
        fd,
        `<item><title>${xml(a.headline)}</title><guid isPermaLink="false">https://archive.example/?p=${i + 1}</guid><dc:creator>${cdata(login)}</dc:creator><content:encoded>${cdata(bodyToHtml(a.body))}</content:encoded><excerpt:encoded>${cdata(a.standfirst)}</excerpt:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>${gmt(a.createdAt)}</wp:post_date_gmt><wp:post_modified_gmt>${gmt(a.updatedAt)}</wp:post_modified_gmt><wp:post_name>${cdata(`article-${i + 1}`)}</wp:post_name><wp:status>${a.status === 'published' ? 'publish' : a.status === 'spiked' ? 'trash' : 'draft'}</wp:status><wp:post_type>post</wp:post_type>${terms}</item>\n`,
      );
    }
    writeSync(fd, '</channel>\n</rss>\n');
  } finally {
    closeSync(fd);
  }
}
