import type { BodyDoc } from '../domain/article';
import { BODY_SCHEMA_VERSION } from './bodyExtensions';

/**
 * Steps that bring a stored body from one schema version to the next. Each is pure JSON in, JSON out, and
 * runs in main when an older body is read, so the editor and the validator only ever see the current shape.
 */
const steps: Record<number, (doc: BodyDoc) => BodyDoc> = {
  // 1 -> 2: new nodes and marks (lists, quotes, pull quotes, images, embeds, rules, underline, strike,
  // superscript, links) and an optional per-block `dir`. Every version-1 body is a valid version-2 body with
  // every block's direction automatic, which is what a missing `dir` means: nothing to rewrite.
  1: (doc) => doc,
  // 2 -> 3: review marks (comment anchors, suggested insertions, deletions and formatting). A version-2 body
  // has none of them and is a valid version-3 body as it is.
  2: (doc) => doc,
  // 3 -> 4: structural suggestions (a block attribute) and link changes in formatting suggestions. A
  // version-3 body has none and is a valid version-4 body as it is.
  3: (doc) => doc,
  // 4 -> 5: the same block attribute on images, embeds and rules (suggested inserted or deleted). A version-4
  // body has none; a version-4 desk would drop it and publish a suggested image, so it must refuse the body.
  4: (doc) => doc,
};

export class BodyTooNewError extends Error {
  constructor(readonly version: number) {
    super(
      `This body was written with editor schema ${version}; this Redac reads up to ${BODY_SCHEMA_VERSION}.`,
    );
  }
}

export function migrateBody(doc: BodyDoc, fromVersion: number): BodyDoc {
  if (fromVersion > BODY_SCHEMA_VERSION) throw new BodyTooNewError(fromVersion);
  let current = doc;
  for (let version = fromVersion; version < BODY_SCHEMA_VERSION; version++) {
    const step = steps[version];
    if (!step) throw new Error(`No body migration from schema ${version}.`);
    current = step(current);
  }
  return current;
}
