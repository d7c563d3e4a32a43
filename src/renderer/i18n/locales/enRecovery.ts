/** English strings of the recovery screen and backups (features/recovery). */
export const enRecovery = {
  heading: 'The article store could not be opened',
  explain: 'The file {{file}} is damaged or is not a Redac database. Nothing has been deleted.',
  moveAside: 'Move the damaged file aside and start fresh',
  backups: 'Backups',
  noBackups: 'There is no backup yet.',
  restore: 'Restore the backup of {{when}}',
  failed: 'That did not work: {{message}}',
  working: 'Working…',
  open: 'Backups',
  dialog: 'Backups',
  close: 'Close backups',
  create: 'Back up now',
  created: 'Backup made.',
  restored: 'The backup was restored; the previous store was kept aside.',
  size: '{{when}} · {{size}} MB',
};
