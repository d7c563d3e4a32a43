import { z } from 'zod';
import { Thread } from './comments';
import { WorkflowState } from './workflow';

/**
 * Everything about an article's review that is not in its fields: carried to another desk through the site
 * (as post meta) or in a review package, and applied there so the other desk sees exactly what was sent.
 * Suggestions and body comment anchors travel inside the body document as marks (see REVIEW_MARKS).
 */
export const REVIEW_STATE_VERSION = 1;
export const ReviewState = z.object({
  version: z.literal(REVIEW_STATE_VERSION),
  workflow: WorkflowState,
  threads: z.array(Thread),
});
export type ReviewState = z.infer<typeof ReviewState>;
