import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { WxrItem } from './wxrReader';

/** One attachment of a WordPress export: what a post's photos need of it, nothing else. */
export interface WxrAttachment {
  id: string;
  /** Path under the site's uploads folder ("2024/03/photo.jpg"), from `_wp_attached_file` or the address. */
  file: string;
  url: string;
  caption: string;
  alt: string;
  /** The photo's credit line: the Media Credit plugin's, else the IPTC credit WordPress read from the file. */
  credit: string;
  /** The post it was uploaded to ('0' or '' for none) and its place among that post's attachments. */
  parent?: string;
  order?: number;
}

const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "https://site/wp-content/uploads/2024/03/a.jpg" -> "2024/03/a.jpg"; undefined when not under uploads/. */
export function uploadsPathOf(url: string): string | undefined {
  const m = /\/uploads\/([^?#]+)/.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1];
  }
}

/**
 * WordPress reads a photo's IPTC credit (AFP, Reuters…) into the attachment's metadata, a PHP-serialized array:
 * `…s:10:"image_meta";a:12:{…s:6:"credit";s:3:"AFP";…}`.
 */
function iptcCredit(serialized: string): string {
  const m = /s:6:"credit";s:\d+:"([^"]*)";/.exec(serialized);
  return (m?.[1] ?? '').trim().slice(0, 300);
}

export function attachmentOf(wxr: WxrItem): WxrAttachment | undefined {
  const f = wxr.fields;
  if ((f['wp:post_type'] ?? '').trim() !== 'attachment') return undefined;
  const id = (f['wp:post_id'] ?? '').trim();
  const url = (f['wp:attachment_url'] ?? f['guid'] ?? '').trim();
  let file = (wxr.meta['_wp_attached_file'] ?? '').trim();
  // WordPress before 2.7 kept the server's absolute path ("/var/www/wp-content/uploads/2008/05/a.jpg").
  if (/^([/\\]|[A-Za-z]:)/.test(file)) file = uploadsPathOf(file.replace(/\\/g, '/')) ?? '';
  file ||= uploadsPathOf(url) ?? '';
  if (!id || !file) return undefined;
  return {
    id,
    file,
    url,
    caption: stripTags(f['excerpt:encoded'] ?? ''),
    alt: (wxr.meta['_wp_attachment_image_alt'] ?? '').trim(),
    credit: (wxr.meta['_media_credit'] ?? '').trim() || iptcCredit(wxr.meta['_wp_attachment_metadata'] ?? ''),
    parent: (f['wp:post_parent'] ?? '').trim(),
    order: Number((f['wp:menu_order'] ?? '').trim()) || 0,
  };
}

/** The export's attachments by post id and by file, which posts point at by id (featured) or address (inline). */
export interface AttachmentTable {
  byId: Map<string, WxrAttachment>;
  byFile: Map<string, WxrAttachment>;
}

/** An <item> of the export that is an attachment (WordPress writes `<wp:post_type><![CDATA[attachment]]>`). */
const ATTACHMENT_TYPE = /<wp:post_type>\s*(?:<!\[CDATA\[)?\s*attachment\s*(?:\]\]>)?\s*<\/wp:post_type>/;

const OPEN = Buffer.from('<item>');
const CLOSE = Buffer.from('</item>');
const TYPE = Buffer.from('<wp:post_type>');

/** One <item>'s XML read into the reader's shape (fields, postmeta); XML errors leave what was read. */
function itemOf(xml: string): WxrItem {
  const item: WxrItem = { index: 0, line: 0, fields: {}, categories: [], meta: {}, errors: [] };
  const parser = new SaxesParser();
  let text = '';
  let metaKey = '';
  let inComment = false;
  parser.on('error', (error) => item.errors.push(error.message));
  parser.on('opentag', (tag) => {
    if (tag.name === 'wp:comment') inComment = true;
    text = '';
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (name === 'wp:comment') inComment = false;
    else if (inComment) return;
    else if (name === 'wp:meta_key') metaKey = text.trim();
    else if (name === 'wp:meta_value' && metaKey) {
      item.meta[metaKey] = text;
      metaKey = '';
    } else if (name !== 'item') item.fields[name] ??= text;
    text = '';
  });
  parser.write(xml).close();
  return item;
}

/**
 * A first pass over the export that keeps only its attachments: WordPress writes them wherever their post id
 * puts them, often after the posts that show them, and the second pass needs them at each post. Only the
 * table stays in memory (a few hundred bytes per attachment), never the file. The pass does not parse the
 * whole file: it finds each <item>…</item> by text and parses only the attachments' (a post's content is
 * CDATA, so its text holds no "</item>" that WordPress wrote; an item it misreads only leaves a photo out,
 * which the import then reports).
 */
export async function readWxrAttachments(
  path: string,
  onProgress?: (bytesRead: number) => void,
): Promise<AttachmentTable> {
  const table: AttachmentTable = { byId: new Map(), byFile: new Map() };
  // Bytes, not text: searching them costs far less than decoding a gigabyte of posts to look past them.
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let carry = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onProgress?.(stream.bytesRead);
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    for (;;) {
      const start = bytes.indexOf(OPEN, from);
      if (start < 0) {
        // Keep what could be the start of a tag cut by the chunk's end.
        from = Math.max(from, bytes.length - OPEN.length);
        break;
      }
      const end = bytes.indexOf(CLOSE, start);
      if (end < 0) {
        from = start;
        break;
      }
      from = end + CLOSE.length;
      const type = bytes.indexOf(TYPE, start);
      if (type < 0 || type > end) continue;
      if (!ATTACHMENT_TYPE.test(bytes.toString('utf8', type, Math.min(end, type + 80)))) continue;
      const attachment = attachmentOf(itemOf(bytes.toString('utf8', start, from)));
      if (!attachment) continue;
      table.byId.set(attachment.id, attachment);
      table.byFile.set(attachment.file, attachment);
    }
    carry = Buffer.from(bytes.subarray(from));
  }
  return table;
}
