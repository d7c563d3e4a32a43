import { strFromU8, strToU8 } from 'fflate';
import { canonicalJson } from '../../shared/text/canonicalJson';

/** Bounds on what an import reads, so a hostile or broken package cannot exhaust memory or disk. */
export const PACKAGE_LIMITS = {
  /** The package file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Everything it would unpack to, as its entries declare (inflating never goes past the declared size). */
  totalUncompressedBytes: 200 * 1024 * 1024,
  /** An article has two JSON files and its images. */
  entries: 500,
  /** article.json, review.json and manifest.json each. */
  jsonBytes: 20 * 1024 * 1024,
} as const;

export const MANIFEST_PATH = 'manifest.json';
export const ARTICLE_PATH = 'article.json';
export const REVIEW_PATH = 'review.json';
export const mediaPath = (mediaId: string): string => `media/${mediaId}`;

/** The exact bytes a JSON file has inside a package: canonical JSON, so re-exporting gives the same bytes. */
export const jsonBytes = (value: unknown): Uint8Array => strToU8(canonicalJson(value));
export const textOf = (bytes: Uint8Array): string => strFromU8(bytes);
