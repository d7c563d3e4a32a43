import type { ArticleStatus } from '../../../shared/domain/article';

/** The i18n key of the button that moves an article from one status to another. */
export function actionKey(from: ArticleStatus, to: ArticleStatus): string {
  switch (to) {
    case 'submitted':
      return 'submit';
    case 'in_copy_edit':
      return 'startCopyEdit';
    case 'approved':
      return from === 'scheduled' ? 'unschedule' : from === 'published' ? 'unpublish' : 'approve';
    case 'scheduled':
      return 'schedule';
    case 'published':
      return 'publish';
    case 'draft':
      return from === 'spiked' ? 'restoreFromSpike' : 'returnToReporter';
    case 'spiked':
      return 'spike';
  }
}
