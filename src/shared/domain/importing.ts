import { z } from 'zod';

export const IMPORT_FORMATS = ['wxr', 'jsonl'] as const;

export const ImportProblem = z.object({
  /** Where in the file: "item 12 (line 340)" or "line 7". */
  position: z.string(),
  message: z.string(),
});

export const ImportProgress = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  /** Already imported from the same source before: re-importing makes no copies. */
  alreadyThere: z.number().int().nonnegative(),
  /** Not articles (pages, attachments, menu items). */
  ignored: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Photos of imported articles that could not be had (each one is in `problems`); the articles are in. */
  photosMissing: z.number().int().nonnegative(),
  /** Articles already there whose missing photos this import added (a new revision each; see photoFill.ts). */
  photosAdded: z.number().int().nonnegative(),
  /**
   * Articles already there that this import's photos were not added to: edited since their import, or whose
   * text differs from the export's (each one is in `problems`, with its title).
   */
  photosNotAdded: z.number().int().nonnegative(),
  /**
   * A WXR export with an uploads folder is read twice: first for its list of photos (attachments), then for
   * its articles. How far the first reading is, in bytes; absent when there is none.
   */
  photoListBytes: z.number().int().nonnegative().optional(),
  remainingMs: z.number().nonnegative().nullable(),
  /** The first problems met (at most 200: skipped items, missing photos), each with its position; the import goes on past them. */
  problems: z.array(ImportProblem),
  message: z.string().optional(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
