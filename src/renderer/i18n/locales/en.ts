import { enArticleList } from './enArticleList';
import { enHistory } from './enHistory';
import { enImporting } from './enImporting';
import { enRecovery } from './enRecovery';
import { enSearch } from './enSearch';

/** English, the reference language: every user-visible string of the interface is here. */
export const en = {
  app: {
    title: 'Redac',
    loading: 'Loading…',
  },
  articles: {
    heading: 'Articles',
    new: 'New article',
    untitled: 'Untitled article',
    empty: 'No articles yet. Start one with “New article”.',
    loadFailed: 'The article list could not be loaded: {{message}}',
    createFailed: 'The article could not be created: {{message}}',
    updated: 'Updated {{when}}',
    revision: 'Revision {{revision}}',
  },
  editor: {
    headline: 'Headline',
    headlinePlaceholder: 'Write the headline',
    body: 'Body',
    nothingOpen: 'Choose an article or start a new one.',
    openFailed: 'The article could not be opened: {{message}}',
  },
  save: {
    saved: 'Saved',
    savedAt: 'Saved at {{time}}',
    pending: 'Unsaved changes',
    saving: 'Saving…',
    failed: 'Not saved: {{message}} Retrying in {{seconds}} s. Your text is kept.',
    retryNow: 'Retry now',
    conflict: 'This article was changed elsewhere: {{message}}',
    keepMine: 'Keep my version',
    loadTheirs: 'Load the other version',
  },
  search: enSearch,
  articleList: enArticleList,
  history: enHistory,
  recovery: enRecovery,
  importing: enImporting,
  language: {
    fr: 'French',
    ar: 'Arabic',
    en: 'English',
  },
};

export type Messages = typeof en;
