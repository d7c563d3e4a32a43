import { z } from 'zod';
import { Thread } from './comments';
import { WorkflowState, WorkflowStateV1 } from './workflow';

/**
 * Everything about an article's review that is not in its fields: carried to another desk through the site
 * (as post meta) or in a review package, and applied there so the other desk sees exactly what was sent.
 * Suggestions and body comment anchors travel inside the body document as marks (see REVIEW_MARKS).
 *
 * Version 2 adds the assignment history (workflow.assignments). Version 1 (sent by desks before it) is still
 * read: it becomes version 2 with an empty assignment history, its current assignment kept.
 */
export const REVIEW_STATE_VERSION = 2;

const ReviewStateV2 = z.object({
  version: z.literal(REVIEW_STATE_VERSION),
  workflow: WorkflowState,
  threads: z.array(Thread),
});

const ReviewStateV1 = z
  .object({ version: z.literal(1), workflow: WorkflowStateV1, threads: z.array(Thread) })
  .transform((old): z.output<typeof ReviewStateV2> => ({
    version: REVIEW_STATE_VERSION,
    workflow: { ...old.workflow, assignments: [] },
    threads: old.threads,
  }));

/** Reads any version this desk knows; its output is always the current version. */
export const ReviewState = z.union([ReviewStateV2, ReviewStateV1]);
export type ReviewState = z.output<typeof ReviewState>;
