import { readFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import {
  PACKAGE_EXTENSION,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageManifest,
} from '../../shared/domain/reviewPackage';
import { bodyMediaIds } from '../../shared/editor/bodySchema';
import { slugify } from '../../shared/text/slug';
import type { ArticleService } from '../articles/articleService';
import { AppError } from '../core/errors';
import type { MediaStore } from '../media/mediaStore';
import { sha256 } from './hashing';
import { ARTICLE_PATH, jsonBytes, MANIFEST_PATH, mediaPath, REVIEW_PATH } from './packageFormat';
import { toPortable } from './portableArticle';
import type { ReviewBase } from './reviewBase';
import type { ProfileSource, ReviewStateProvider } from './reviewState';

/** Zip entries get a fixed date, so the same article exported twice gives the same file. */
const ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * Writes an article's review package: one zip holding the manifest (format, base revision and its hash, who
 * exported it, the SHA-256 of every other file), article.json, review.json and the images it uses.
 */
export function createPackageWriter(deps: {
  articles: ArticleService;
  media: MediaStore;
  review: ReviewStateProvider;
  base: ReviewBase;
  profile: ProfileSource;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  return {
    build(articleId: string): { filename: string; bytes: Uint8Array } {
      const article = deps.articles.get(articleId);
      const files: Record<string, Uint8Array> = {
        [ARTICLE_PATH]: jsonBytes(toPortable(article)),
        [REVIEW_PATH]: jsonBytes(deps.review.stateOf(articleId)),
      };
      const mediaIds = new Set([
        ...(article.featuredImage ? [article.featuredImage.mediaId] : []),
        ...bodyMediaIds(article.body),
      ]);
      for (const mediaId of [...mediaIds].sort()) {
        const stored = deps.media.resolve(mediaId);
        if (!stored)
          throw new AppError(
            'not_found',
            `The image ${mediaId.slice(0, 12)}… is missing from the media store.`,
          );
        files[mediaPath(mediaId)] = readFileSync(stored.file);
      }
      const base = deps.base.baseOf(articleId);
      const manifest: PackageManifest = {
        format: PACKAGE_FORMAT,
        formatVersion: PACKAGE_FORMAT_VERSION,
        articleId,
        baseRevision: base.revision,
        baseRevisionHash: base.hash,
        exportedAt: now(),
        exportedBy: deps.profile.me(),
        files: Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, sha256(bytes)])),
      };
      const zip: Zippable = { [MANIFEST_PATH]: [jsonBytes(manifest), { mtime: ENTRY_DATE }] };
      for (const [path, bytes] of Object.entries(files))
        // Images are compressed already: storing them costs nothing and saves the time.
        zip[path] = [bytes, { mtime: ENTRY_DATE, level: path.startsWith('media/') ? 0 : 6 }];
      const name = slugify(article.headline).slice(0, 60) || article.id;
      return { filename: `${name}${PACKAGE_EXTENSION}`, bytes: zipSync(zip) };
    },
  };
}

export type PackageWriter = ReturnType<typeof createPackageWriter>;
