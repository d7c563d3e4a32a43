import { readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { isMediaId } from '../../shared/domain/media';
import { ReviewState } from '../../shared/domain/review';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PackageManifest,
  PortableArticle,
} from '../../shared/domain/reviewPackage';
import { BODY_SCHEMA_VERSION } from '../../shared/editor/bodyExtensions';
import { migrateBody } from '../../shared/editor/bodyMigrations';
import { bodyMediaIds } from '../../shared/editor/bodySchema';
import { AppError } from '../core/errors';
import { sha256 } from './hashing';
import { ARTICLE_PATH, MANIFEST_PATH, mediaPath, PACKAGE_LIMITS, REVIEW_PATH, textOf } from './packageFormat';

/** A package whose every byte has been checked against its manifest. */
export interface VerifiedPackage {
  manifest: PackageManifest;
  article: PortableArticle;
  review: ReviewState;
  /** media id -> bytes (each one hashes to its own id). */
  media: Map<string, Uint8Array>;
}

const refuse = (why: string): AppError =>
  new AppError('invalid_input', `This review package was refused: ${why}`);

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) throw refuse(`it has no ${what}.`);
  if (bytes.length > PACKAGE_LIMITS.jsonBytes) throw refuse(`its ${what} is too large.`);
  try {
    return JSON.parse(textOf(bytes)) as unknown;
  } catch {
    throw refuse(`its ${what} is not valid JSON.`);
  }
}

/** Reads a package file; throws a clear invalid_input error for a file that is not one. */
export function readPackageFile(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError('invalid_input', `${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not_found', `There is no file at ${path}.`);
  }
  if (size > PACKAGE_LIMITS.fileBytes)
    throw refuse(`the file is larger than ${PACKAGE_LIMITS.fileBytes / 1024 / 1024} MB.`);
  return readFileSync(path);
}

/**
 * Unpacks and checks a package in memory: a zip within bounds (entry count and declared sizes checked before
 * anything is inflated; inflating never writes past a declared size), a manifest of a known format version,
 * exactly the files it lists, each with its SHA-256, JSON that parses against the schemas, and every image the
 * article uses present. Nothing is written anywhere; whatever is wrong, the error says what.
 */
export function verifyPackage(bytes: Uint8Array): VerifiedPackage {
  let entries: Record<string, Uint8Array>;
  let count = 0;
  let declared = 0;
  let bounded: string | undefined;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        count++;
        declared += file.originalSize;
        if (count > PACKAGE_LIMITS.entries) bounded ??= `it has more than ${PACKAGE_LIMITS.entries} files.`;
        if (declared > PACKAGE_LIMITS.totalUncompressedBytes)
          bounded ??= `it would unpack to more than ${PACKAGE_LIMITS.totalUncompressedBytes / 1024 / 1024} MB.`;
        return bounded === undefined;
      },
    });
  } catch {
    throw refuse('it is not a readable zip file.');
  }
  if (bounded) throw refuse(bounded);

  const raw = parseJson(entries[MANIFEST_PATH], 'manifest');
  const head = raw as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== PACKAGE_FORMAT) throw refuse('it is not a Redac review package.');
  if (head.formatVersion !== PACKAGE_FORMAT_VERSION)
    throw refuse(
      `it was written in format version ${String(head.formatVersion)}; this version of Redac reads version ${PACKAGE_FORMAT_VERSION}.`,
    );
  const parsed = PackageManifest.safeParse(raw);
  if (!parsed.success) throw refuse(`its manifest is malformed (${parsed.error.issues[0]?.message}).`);
  const manifest = parsed.data;

  const listed = new Set(Object.keys(manifest.files));
  for (const path of Object.keys(entries)) {
    if (path === MANIFEST_PATH) continue;
    if (!listed.has(path)) throw refuse(`it holds a file its manifest does not list (${path.slice(0, 80)}).`);
  }
  for (const [path, hash] of Object.entries(manifest.files)) {
    const content = entries[path];
    if (!content) throw refuse(`the file ${path} listed in its manifest is missing.`);
    if (sha256(content) !== hash)
      throw refuse(`the file ${path} does not match its hash in the manifest (changed after export?).`);
  }

  const article = PortableArticle.safeParse(parseJson(entries[ARTICLE_PATH], 'article.json'));
  if (!article.success) throw refuse(`its article.json is malformed (${article.error.issues[0]?.message}).`);
  if (article.data.id !== manifest.articleId) throw refuse('its article is not the one its manifest names.');
  const review = ReviewState.safeParse(parseJson(entries[REVIEW_PATH], 'review.json'));
  if (!review.success) throw refuse(`its review.json is malformed (${review.error.issues[0]?.message}).`);

  if (article.data.bodySchemaVersion > BODY_SCHEMA_VERSION)
    throw refuse(
      'it was written by a newer version of Redac (its body format is newer than this one reads).',
    );
  // From an older desk: the body is brought to this schema the way the store does on read.
  const body = migrateBody(article.data.body, article.data.bodySchemaVersion);

  const media = new Map<string, Uint8Array>();
  for (const path of listed) {
    if (!path.startsWith('media/')) continue;
    const mediaId = path.slice('media/'.length);
    const content = entries[path]!;
    // A media id is the SHA-256 of its bytes: an image cannot be swapped under its name.
    if (!isMediaId(mediaId) || sha256(content) !== mediaId.slice(0, 64))
      throw refuse(`the image ${path} is not the file its name says.`);
    media.set(mediaId, content);
  }
  const needed = [
    ...(article.data.featuredImage ? [article.data.featuredImage.mediaId] : []),
    ...bodyMediaIds(article.data.body),
  ];
  const missing = needed.find((id) => !media.has(id));
  if (missing) throw refuse(`the image ${mediaPath(missing)} the article uses is not in it.`);

  return {
    manifest,
    article: { ...article.data, body, bodySchemaVersion: BODY_SCHEMA_VERSION },
    review: review.data,
    media,
  };
}
