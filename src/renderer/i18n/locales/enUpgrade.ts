/** English strings of the start-up screen shown while an older store is upgraded (features/recovery). */
export const enUpgrade = {
  heading: 'Upgrading your archive…',
  explain:
    'This version of Redac keeps articles in a newer format, and your archive is being brought up to date. It happens once; Redac opens by itself when it is done. If it is interrupted, nothing is lost: the archive stays as it was and the upgrade starts again next time.',
  preparing: 'Getting ready…',
  step: 'Step {{step}} of {{steps}}: {{what}}',
  count: '{{done}} of {{total}} ({{percent}}%)',
  countBytes: '{{done}} of {{total}} MB ({{percent}}%)',
  /** A step that counts what it did but cannot know the total. */
  counted: {
    'implied-import-revisions': '{{done}} revisions checked',
    other: '{{done}} done',
  },
  elapsed: 'Running for {{seconds}} s',
  /** The copy taken before an earlier, unfinished attempt still stands for the archive: none is made again. */
  reusedCopy:
    'Reusing the copy of your archive made on {{when}}, before this upgrade was interrupted: the archive has not changed since, so no new copy is needed. It stays in the backups folder.',
  progress: 'Upgrade progress',
  steps: {
    'pre-upgrade-backup': 'copying your archive to the backups folder first',
    'implied-import-revisions': 'dropping the second copy kept of each imported article',
    'term-merge-history': 'keeping the history of merged sections, tags and authors',
    'test-slow-step': 'a slow test step',
    other: 'updating the format ({{name}})',
  },
  failedHeading: 'Your archive could not be upgraded',
  failedExplain:
    'Nothing was changed: the article store {{file}} is exactly as it was before this version started. Quit Redac and start it again to try again. If it fails again, keep the file as it is and pass on this message:',
  failedChoices:
    'If it keeps failing, restore a backup (the copy made just before this upgrade is listed first; a restored archive is upgraded again), or start with an empty archive. The file is kept aside either way, never deleted.',
  startFreshHeading: 'Start fresh',
  startFreshExplain:
    'The archive that could not be upgraded is renamed and kept in the same folder, and Redac opens with an empty one.',
  startFresh: 'Move the archive aside and start fresh',
  noBackup: {
    heading: 'No backup could be made before the upgrade',
    noRoom:
      'A copy of your archive needs {{needed}} MB of free disk space and only {{free}} MB are free. Nothing was removed.',
    failed: 'The copy of your archive could not be written ({{reason}}).',
    explain:
      'The upgrade is waiting. It leaves the archive as it was if it fails, but a copy is what is left if the disk itself fails during it. Quit, free some space and start Redac again, or upgrade without a backup.',
    goOn: 'Upgrade without a backup',
  },
  quit: {
    button: 'Quit Redac',
    done: 'Redac has stopped. You can close this window.',
  },
};
