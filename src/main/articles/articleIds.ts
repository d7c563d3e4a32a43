import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A new article id: a UUID version 7 (RFC 9562), whose first 48 bits are the creation time in ms and the next
 * 12 a counter within that millisecond. Ids made one after another sort one after another, so every index
 * keyed on the article id (the articles' primary key, revisions, tags, sources, search_docs) grows at its
 * end instead of at random pages: an import of a million articles stays in the page cache instead of reading
 * and rewriting random pages of five B-trees for every article. The remaining 62 bits are random.
 */
export function newArticleId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4,096 ids in one millisecond (or a clock that went back): borrow the next millisecond.
    lastMs++;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  const ms = lastMs;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | (sequence >>> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
