/** English strings of the recovery screen and backups (features/recovery). */
export const enRecovery = {
  heading: 'The article store could not be opened',
  explain: 'The file {{file}} is damaged or is not a Redac database. Nothing has been deleted.',
  moveAside: 'Move the damaged file aside and start fresh',
  backups: 'Backups',
  noBackups: 'There is no backup yet.',
  restore: 'Restore the backup of {{when}}',
  restoreBeforeUpgrade: 'Restore the copy made before the upgrade, {{when}} (format {{schema}})',
  failed: 'That did not work: {{message}}',
  working: 'Working…',
  open: 'Backups',
  dialog: 'Backups',
  close: 'Close backups',
  create: 'Back up now',
  created: 'Backup made.',
  restored: 'The backup was restored; the previous store was kept aside.',
  size: '{{when}} · {{size}} MB',
  progress: {
    backup: 'Backing up the article store',
    restore: 'Restoring the backup',
    figures: '{{what}}: {{percent}}% · {{copied}} MB of {{total}} MB',
    estimating: 'estimating the time left…',
    left: 'about {{seconds}} s left',
    stop: 'Stop this backup',
    stopped: 'The backup was stopped; nothing was written. The daily backup is tried again within the hour.',
  },
  notice: {
    no_room:
      'Today’s backup was skipped: it needs {{needed}} MB of free disk space and only {{free}} MB are free. Nothing was removed; {{kept}} earlier backups are kept. Free some space: it is tried again every hour.',
    failed:
      'Today’s backup could not be written ({{reason}}). The article store is untouched and {{kept}} earlier backups are kept. It is tried again within the hour.',
    pruned:
      'The disk cannot hold seven daily backups of this archive: the oldest were removed to make room for today’s. {{kept}} backups are kept.',
    dismiss: 'Dismiss the backup notice',
  },
};
