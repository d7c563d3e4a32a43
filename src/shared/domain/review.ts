import { z } from 'zod';
import { Thread } from './comments';
import { WorkflowState } from './workflow';

/**
 * Everything about an article's review that is not in its fields: carried to another desk through the site
 * (as post meta) or in a review package, and applied there so the other desk sees exactly what was sent.
 * Suggestions and body comment anchors travel inside the body document as marks (see REVIEW_MARKS).
 *
 * Version 2 adds the assignment history (workflow.assignments). Version 1 (sent by desks before it) is still
 * read: it becomes version 2 with an empty assignment history, its current assignment kept.
 */
export const REVIEW_STATE_VERSION = 2;

/** A version-1 state as version 2 has it; anything else is left for the schema to judge (and word). */
function fromOlderVersion(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1) return raw;
  const old = raw as { workflow?: unknown };
  const workflow =
    old.workflow && typeof old.workflow === 'object' ? { ...old.workflow, assignments: [] } : old.workflow;
  return { ...old, version: REVIEW_STATE_VERSION, workflow };
}

/** Reads any version this desk knows; its output is always the current version. */
export const ReviewState = z.preprocess(
  fromOlderVersion,
  z.object({
    version: z.literal(REVIEW_STATE_VERSION),
    workflow: WorkflowState,
    threads: z.array(Thread),
  }),
);
export type ReviewState = z.output<typeof ReviewState>;
