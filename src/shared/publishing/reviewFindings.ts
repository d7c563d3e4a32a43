import type { SyncAction } from '../domain/publication';

/**
 * Checklist findings about the review itself (open comments, pending suggestions): they hold back only a push
 * readers would see. A draft or a post pending review carries them to the other desk, with clean content.
 */
export const REVIEW_FINDINGS: ReadonlySet<string> = new Set(['suggestions_remain', 'unresolved_comments']);

/** Whether this operation leaves the post where readers can see it ('review' is judged once resolved). */
export function goesLive(action: SyncAction, remoteStatus: string | null | undefined): boolean {
  if (action === 'publish' || action === 'schedule') return true;
  return (
    action === 'update' &&
    (remoteStatus === 'publish' || remoteStatus === 'future' || remoteStatus === 'private')
  );
}
