/** English strings of review packages and the review copy through the site (features/review). */
export const enTravel = {
  exportPackage: 'Export for review',
  exported: 'Review package ready: {{filename}} ({{size}} kB).',
  exportFailed: 'The review package could not be made: {{message}}',
  importOpen: 'Import review package',
  importDialog: 'Import a review package',
  path: 'Package file on this computer',
  importStart: 'Import package',
  close: 'Close',
  importFailed: 'Not imported: {{message}}',
  outcome: {
    created: 'Added “{{headline}}” with {{threads}} comment threads.',
    updated: 'Updated “{{headline}}” from the package (revision {{revision}}), {{threads}} comment threads.',
    unchanged: '“{{headline}}” already had this text; its review state is up to date.',
    conflict: '“{{headline}}” changed here since the package was made: nothing was overwritten.',
  },
  openArticle: 'Open the article',
  conflict: {
    heading: 'Conflict with the review package',
    explain:
      'The package (exported {{when}} UTC) and this desk both changed the article. Nothing was overwritten: choose which copy to keep for each field.',
    remote: 'In the package',
    onlyRemote: 'Only in the package',
    bodyDiff: 'Body, word by word (struck: only here; underlined: only in the package)',
    apply: 'Apply',
  },
};
