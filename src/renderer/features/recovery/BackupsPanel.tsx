import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../shared/domain/recovery';
import { call } from '../../bridge';
import { formatDateTime } from '../../i18n/i18n';
import './recovery.css';

/** The Backups dialog: the seven daily backups, Back up now, and Restore (the current store is kept aside). */
export function BackupsPanel() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [backups, setBackups] = useState<BackupFile[]>([]);
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      setNotice(done);
      setBackups(await call('backups:list', {}));
    } catch (e) {
      setNotice(t('storeRecovery.failed', { message: (e as Error).message }));
    }
  }

  async function show(): Promise<void> {
    setNotice(undefined);
    setOpen(true);
    setBackups(await call('backups:list', {}));
  }

  return (
    <>
      <button type="button" className="backups-open" onClick={() => void show()}>
        {t('storeRecovery.open')}
      </button>
      <dialog
        ref={dialog}
        className="backups-dialog"
        aria-label={t('storeRecovery.dialog')}
        onClose={() => setOpen(false)}
      >
        <h2>{t('storeRecovery.dialog')}</h2>
        {notice && <p role="status">{notice}</p>}
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
                {t('storeRecovery.restore', { when: formatDateTime(b.createdAt) })}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setOpen(false)}>
          {t('storeRecovery.close')}
        </button>
      </dialog>
    </>
  );
}
