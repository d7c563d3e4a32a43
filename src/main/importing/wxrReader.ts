import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/** One <item> of a WordPress export, fields as text, with where it started in the file. */
export interface WxrItem {
  index: number;
  line: number;
  fields: Record<string, string>;
  categories: { domain: string; nicename: string; name: string }[];
  /** The item's postmeta (`_thumbnail_id`, `_wp_attached_file`, ...): key -> value, the last one kept. */
  meta: Record<string, string>;
  /** XML errors met inside this item (an undefined entity, a stray close tag). */
  errors: string[];
}

export interface WxrChunk {
  items: WxrItem[];
  /** Authors declared in the channel: login -> display name. */
  authors: Map<string, string>;
  bytesRead: number;
}

/**
 * Streams a WXR file (what WordPress's Tools > Export writes): reads it in chunks and yields the items
 * parsed so far, so a gigabyte export never sits in memory. XML errors do not stop the stream; they are
 * attached to the item they occurred in, which the importer then reports and skips.
 */
export async function* readWxr(file: string, signal?: AbortSignal): AsyncGenerator<WxrChunk> {
  const parser = new SaxesParser();
  const authors = new Map<string, string>();
  let ready: WxrItem[] = [];
  let item: WxrItem | undefined;
  let author: Record<string, string> | undefined;
  let category: WxrItem['categories'][number] | undefined;
  let field: string | undefined;
  let metaKey = '';
  // Comments carry their own meta (wp:commentmeta): not the post's.
  let inComment = false;
  let text = '';
  let index = 0;
  let outsideErrors: string[] = [];

  parser.on('error', (error) => {
    if (item) item.errors.push(error.message);
    else outsideErrors.push(error.message);
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name === 'item') {
      item = {
        index: index++,
        line: parser.line,
        fields: {},
        categories: [],
        meta: {},
        errors: outsideErrors,
      };
      outsideErrors = [];
    } else if (name === 'wp:comment') inComment = true;
    else if (name === 'wp:author' && !item) author = {};
    else if (item && name === 'category') {
      const attr = (key: string): string => {
        const value = tag.attributes[key];
        return typeof value === 'string' ? value : '';
      };
      category = { domain: attr('domain'), nicename: attr('nicename'), name: '' };
    }
    field = name;
    text = '';
  });
  const append = (chunk: string): void => {
    text += chunk;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', (tag) => {
    const name = tag.name;
    if (name === 'item' && item) {
      ready.push(item);
      item = undefined;
    } else if (name === 'wp:author' && author) {
      if (author['wp:author_login'])
        authors.set(author['wp:author_login'], author['wp:author_display_name'] || author['wp:author_login']);
      author = undefined;
    } else if (item && name === 'category' && category) {
      category.name = text.trim();
      item.categories.push(category);
      category = undefined;
    } else if (name === 'wp:comment') inComment = false;
    else if (item && !inComment && name === 'wp:meta_key') metaKey = text.trim();
    else if (item && !inComment && name === 'wp:meta_value' && metaKey) {
      item.meta[metaKey] = text;
      metaKey = '';
    } else if (item && field === name) item.fields[name] = text;
    else if (author && field === name) author[name] = text.trim();
    field = undefined;
    text = '';
  });

  let bytesRead = 0;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  for await (const chunk of stream as AsyncIterable<string>) {
    if (signal?.aborted) {
      stream.destroy();
      return;
    }
    bytesRead = stream.bytesRead;
    parser.write(chunk);
    const items = ready;
    ready = [];
    yield { items, authors, bytesRead };
  }
  parser.close();
  yield { items: ready, authors, bytesRead };
}
