import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/text/canonicalJson';

export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The hash a value is known by on every desk: SHA-256 of its canonical JSON. */
export const canonicalHash = (value: unknown): string => sha256(canonicalJson(value));
