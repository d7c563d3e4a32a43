/** English strings of the start-up screen shown while an older store is upgraded (features/recovery). */
export const enUpgrade = {
  heading: 'Upgrading your archive…',
  explain:
    'This version of Redac keeps articles in a newer format, and your archive is being brought up to date. It happens once; Redac opens by itself when it is done. If it is interrupted, nothing is lost: the archive stays as it was and the upgrade starts again next time.',
  preparing: 'Getting ready…',
  step: 'Step {{step}} of {{steps}}: {{what}}',
  count: '{{done}} of {{total}} ({{percent}}%)',
  /** A step that counts what it did but cannot know the total. */
  counted: {
    'implied-import-revisions': '{{done}} revisions checked',
    other: '{{done}} done',
  },
  elapsed: 'Running for {{seconds}} s',
  progress: 'Upgrade progress',
  steps: {
    'implied-import-revisions': 'dropping the second copy kept of each imported article',
    'term-merge-history': 'keeping the history of merged sections, tags and authors',
    'test-slow-step': 'a slow test step',
    other: 'updating the format ({{name}})',
  },
  failedHeading: 'Your archive could not be upgraded',
  failedExplain:
    'Nothing was changed: the article store {{file}} is exactly as it was before this version started. Quit Redac and start it again to try again. If it fails again, keep the file as it is and pass on this message:',
};
