import { z } from 'zod';
import { Thread } from './comments';

/** A thread as the Comments panel shows it: in document order, and whether its text is still there. */
export const ThreadView = Thread.extend({
  /** The anchored text (body mark or inline image) is no longer in the article; the thread is kept. */
  detached: z.boolean(),
});
export type ThreadView = z.infer<typeof ThreadView>;
