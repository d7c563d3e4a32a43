import { readWxr, type WxrItem } from './wxrReader';

/** One attachment of a WordPress export: what a post's photos need of it, nothing else. */
export interface WxrAttachment {
  id: string;
  /** Path under the site's uploads folder ("2024/03/photo.jpg"), from `_wp_attached_file` or the address. */
  file: string;
  url: string;
  caption: string;
  alt: string;
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
  };
}

/** The export's attachments by post id and by file, which posts point at by id (featured) or address (inline). */
export interface AttachmentTable {
  byId: Map<string, WxrAttachment>;
  byFile: Map<string, WxrAttachment>;
}

/**
 * A first pass over the export that keeps only its attachments: WordPress writes them wherever their post id
 * puts them, often after the posts that show them, and the second pass needs them at each post. Only the
 * table stays in memory (a few hundred bytes per attachment), never the file.
 */
export async function readWxrAttachments(
  path: string,
  onProgress?: (bytesRead: number) => void,
): Promise<AttachmentTable> {
  const table: AttachmentTable = { byId: new Map(), byFile: new Map() };
  for await (const chunk of readWxr(path)) {
    onProgress?.(chunk.bytesRead);
    for (const wxr of chunk.items) {
      const attachment = attachmentOf(wxr);
      if (!attachment) continue;
      table.byId.set(attachment.id, attachment);
      table.byFile.set(attachment.file, attachment);
    }
  }
  return table;
}
