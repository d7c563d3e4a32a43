import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { MEDIA_MAX_BYTES } from '../../shared/domain/media';
import { uploadsPathOf, type AttachmentTable, type WxrAttachment } from './wxrAttachments';

/** A post's photo copied into the media store, with what the export says about it. */
export interface PhotoFound {
  mediaId: string;
  caption: string;
  alt: string;
  credit: string;
}
/** The photo, or why the article goes in without it (names the file, for the import's problem list). */
export type PhotoLookup = PhotoFound | { problem: string };

export interface WxrPhotos {
  /** The photo of `_thumbnail_id`. */
  featured(attachmentId: string): PhotoLookup;
  /** A photo named by its attachment id alone (a gallery's `ids`). */
  attachment(attachmentId: string): PhotoLookup;
  /**
   * The ids of the images uploaded to a post, in the order WordPress shows them in a `[gallery]` without ids
   * (menu order, then id).
   */
  attachedTo(postId: string): string[];
  /** An <img> of the content: by its wp-image-ID class when it has one, else by its address. */
  inline(ref: { attachmentId?: string; src: string }): PhotoLookup;
}

/** What the media store must do for an import: keep bytes, give back their id (mediaStore.ts `put`). */
export interface PhotoStore {
  put(bytes: Uint8Array, declaredType: string): { mediaId: string };
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The uploads folder that travels with an export: uploads/ or wp-content/uploads/ beside the file. */
export function findUploadsFolder(wxrPath: string): string | null {
  const here = dirname(wxrPath);
  for (const candidate of [join(here, 'uploads'), join(here, 'wp-content', 'uploads')])
    if (isFolder(candidate)) return candidate;
  return null;
}

/** "photo-1024x768.jpg" and "photo-scaled.jpg" are WordPress's copies of "photo.jpg". */
const originalOf = (file: string): string => file.replace(/-(\d+x\d+|scaled)(?=\.[A-Za-z0-9]+$)/, '');

/**
 * Photos of an export's posts, copied from its uploads folder into the media store as the posts are read. Each
 * file is read and stored once per import (the store is content-addressed, so a second import of the same
 * export adds no file either); a file that is missing, unreadable or not an image gives a problem naming it,
 * and the article is imported without that photo.
 */
export function createWxrPhotos(
  table: AttachmentTable | null,
  uploadsDir: string | null,
  store: PhotoStore,
): WxrPhotos {
  const root = uploadsDir ? resolve(uploadsDir) : null;
  const NO_FOLDER =
    'no uploads folder was found beside the export (uploads/ or wp-content/uploads/) and none was chosen';
  const copied = new Map<string, { mediaId: string } | { reason: string }>();

  function copy(candidates: string[]): { mediaId: string } | { reason: string } {
    const key = candidates.join('\n');
    const known = copied.get(key);
    if (known) return known;
    let outcome: { mediaId: string } | { reason: string } = {
      reason: root ? `it is not in the uploads folder (${root})` : NO_FOLDER,
    };
    if (root)
      for (const relative of candidates) {
        const file = resolve(root, relative);
        if (!file.startsWith(root + sep)) {
          outcome = { reason: 'its path leads outside the uploads folder' };
          break;
        }
        let size: number;
        try {
          const stat = statSync(file);
          if (!stat.isFile()) continue;
          size = stat.size;
        } catch {
          continue;
        }
        if (size > MEDIA_MAX_BYTES) {
          outcome = { reason: `it is too large (${Math.ceil(size / 1024 / 1024)} MB)` };
          break;
        }
        try {
          outcome = { mediaId: store.put(readFileSync(file), '').mediaId };
        } catch (error) {
          outcome = { reason: (error as Error).message.replace(/\.$/, '') };
        }
        break;
      }
    copied.set(key, outcome);
    return outcome;
  }

  function found(what: string, label: string, attachment: WxrAttachment | undefined, candidates: string[]) {
    const copiedFile = copy([...new Set(candidates)]);
    if ('reason' in copiedFile) return { problem: `${what} “${label}” was left out: ${copiedFile.reason}.` };
    return {
      mediaId: copiedFile.mediaId,
      caption: attachment?.caption ?? '',
      alt: attachment?.alt ?? '',
      credit: attachment?.credit ?? '',
    };
  }

  function byId(attachmentId: string, what: string): PhotoLookup {
    // No table when there is no uploads folder: the file could not be had anyway (see readerThread.ts).
    if (!table) return { problem: `${what} (attachment ${attachmentId}) was left out: ${NO_FOLDER}.` };
    const attachment = table.byId.get(attachmentId);
    if (!attachment)
      return {
        problem: `${what} (attachment ${attachmentId}) was left out: the export does not list that attachment.`,
      };
    return found(what, attachment.file, attachment, [attachment.file]);
  }

  let byParent: Map<string, WxrAttachment[]> | undefined;

  return {
    featured: (attachmentId) => byId(attachmentId, 'The featured photo'),
    attachment: (attachmentId) => byId(attachmentId, 'The gallery photo'),
    attachedTo(postId) {
      if (!byParent) {
        byParent = new Map();
        for (const a of table?.byId.values() ?? []) {
          if (!a.parent || a.parent === '0' || !/\.(jpe?g|png|gif|webp)$/i.test(a.file)) continue;
          const list = byParent.get(a.parent) ?? [];
          list.push(a);
          byParent.set(a.parent, list);
        }
        for (const list of byParent.values())
          list.sort((x, y) => (x.order ?? 0) - (y.order ?? 0) || Number(x.id) - Number(y.id));
      }
      return (byParent.get(postId) ?? []).map((a) => a.id);
    },
    inline({ attachmentId, src }) {
      const path = uploadsPathOf(src);
      const attachment =
        (attachmentId ? table?.byId.get(attachmentId) : undefined) ??
        (path ? (table?.byFile.get(path) ?? table?.byFile.get(originalOf(path))) : undefined);
      if (!attachment && !path)
        return {
          problem: `The image “${src.slice(0, 300)}” was left out: it is not from this site’s uploads folder.`,
        };
      // The original first (the best copy), then the resized copy the post showed, if only that one is there.
      const candidates = attachment ? [attachment.file, ...(path ? [path] : [])] : [originalOf(path!), path!];
      return found('The photo', candidates[0]!, attachment, candidates);
    },
  };
}
