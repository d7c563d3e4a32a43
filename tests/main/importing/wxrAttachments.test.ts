import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWxrAttachments } from '../../../src/main/importing/wxrAttachments';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const attachment = (id: number, attachedFile: string | null, url: string) =>
  `<item><title>a${id}</title><wp:post_id>${id}</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url><![CDATA[${url}]]></wp:attachment_url>${
    attachedFile === null
      ? ''
      : `<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[${attachedFile}]]></wp:meta_value></wp:postmeta>`
  }</item>`;

describe('the attachment table of a WordPress export', () => {
  it('keeps each attachment’s path under uploads/, whatever WordPress version wrote it', async () => {
    const file = join(tempDir(), 'export.xml');
    writeFileSync(
      file,
      `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
      <item><title>Un article</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>
      <item><title>Long</title><content:encoded><![CDATA[${'<p>Une attachment, pas une pièce jointe.</p>'.repeat(7000)}]]></content:encoded><wp:post_id>2</wp:post_id><wp:post_type><![CDATA[post]]></wp:post_type></item>
      ${attachment(10, '2024/03/a.jpg', 'https://site.example/wp-content/uploads/2024/03/a.jpg')}
      ${attachment(11, '/var/www/site/wp-content/uploads/2008/05/vieux.jpg', 'https://site.example/wp-content/uploads/2008/05/vieux.jpg')}
      ${attachment(12, null, 'https://site.example/wp-content/uploads/2015/07/sans%20meta.png')}
      ${attachment(13, null, 'https://cdn.example/elsewhere.png')}
      <item><wp:post_id>14</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2024/04/credit.jpg</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_media_credit</wp:meta_key><wp:meta_value>Leïla Benali / Le Quotidien</wp:meta_value></wp:postmeta></item>
      ${Array.from({ length: 3000 }, (_, i) => attachment(100 + i, `2020/01/p${i}.jpg`, '')).join('\n')}
      </channel></rss>`,
    );
    // The long post puts the attachments across the reader's 256 KB chunks.
    const table = await readWxrAttachments(file);
    expect([...table.byId.values()].slice(0, 3).map((a) => [a.id, a.file])).toEqual([
      ['10', '2024/03/a.jpg'],
      ['11', '2008/05/vieux.jpg'],
      ['12', '2015/07/sans meta.png'],
    ]);
    expect(table.byId.size).toBe(3004);
    // The Media Credit plugin's field, the credit line newsrooms on WordPress commonly use.
    expect(table.byId.get('14')).toMatchObject({
      file: '2024/04/credit.jpg',
      credit: 'Leïla Benali / Le Quotidien',
    });
    expect(table.byId.get('3099')?.file).toBe('2020/01/p2999.jpg');
    expect(table.byFile.get('2008/05/vieux.jpg')?.id).toBe('11');
  });
});
