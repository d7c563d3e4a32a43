import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../shared/domain/recovery';
import { call } from '../../bridge';
import { restoreLabel } from './RestoreChoices';
import { formatDateTime } from '../../i18n/i18n';
import { ModalDialog } from '../../ui/ModalDialog';
import { CopyProgressBar } from './CopyProgressBar';
import { useBackupProgress } from './useBackupProgress';
import './recovery.css';

/** The Backups dialog: the seven daily backups, Back up now, and Restore (the current store is kept aside). */
export function BackupsPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [backups, setBackups] = useState<BackupFile[]>([]);
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState(false);
  const [stopping, setStopping] = useState(false);
  // Read when Back up now's call ends: stopped on purpose is not a failure.
  const stopRequested = useRef(false);
  // What the user started here: Back up now and Restore (the daily backup shows in the notice area).
  const running = useBackupProgress(pending).filter((copy) => !copy.automatic);

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    setPending(true);
    try {
      await action();
      setNotice(done);
      setBackups(await call('backups:list', {}));
    } catch (e) {
      setNotice(
        stopRequested.current
          ? t('storeRecovery.progress.stopped')
          : t('storeRecovery.failed', { message: (e as Error).message }),
      );
    } finally {
      setPending(false);
      setStopping(false);
      stopRequested.current = false;
    }
  }

  async function show(): Promise<void> {
    setNotice(undefined);
    setOpen(true);
    setBackups(await call('backups:list', {}));
  }

  return (
    <ModalDialog
      opener={t('storeRecovery.open')}
      label={t('storeRecovery.dialog')}
      open={open}
      onOpen={() => void show()}
      onClose={() => setOpen(false)}
    >
      {notice && <p role="status">{notice}</p>}
      {running.map((copy) => (
        <CopyProgressBar
          key={copy.startedAt}
          copy={copy}
          onStop={
            copy.kind === 'backup' && !stopping
              ? () => {
                  stopRequested.current = true;
                  setStopping(true);
                  void call('backups:stop', {}).catch(() => undefined);
                }
              : undefined
          }
        />
      ))}
      <button
        type="button"
        onClick={() => void run(() => call('backups:create', {}), t('storeRecovery.created'))}
      >
        {t('storeRecovery.create')}
      </button>
      {backups.length === 0 && <p>{t('storeRecovery.noBackups')}</p>}
      <ul>
        {backups.map((b) => (
          <li key={b.name}>
            {t('storeRecovery.size', {
              when: formatDateTime(b.createdAt),
              size: (b.bytes / 1048576).toFixed(1),
            })}{' '}
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  await call('backups:restore', { name: b.name });
                  window.location.reload();
                }, t('storeRecovery.restored'))
              }
            >
              {restoreLabel(t, b)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)}>
        {t('storeRecovery.close')}
      </button>
    </ModalDialog>
  );
}
