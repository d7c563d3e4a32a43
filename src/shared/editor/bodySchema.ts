import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { bodyExtensions } from './bodyExtensions';

let cached: Schema | undefined;

/** The ProseMirror schema of article bodies, built once from the shared extensions. */
export function bodySchema(): Schema {
  cached ??= getSchema(bodyExtensions);
  return cached;
}

/**
 * Checks that a JSON document is a body this schema can hold (known nodes and marks, valid nesting).
 * Returns the reason it is not, or undefined when it is.
 */
export function bodyProblem(json: unknown): string | undefined {
  try {
    bodySchema().nodeFromJSON(json).check();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
