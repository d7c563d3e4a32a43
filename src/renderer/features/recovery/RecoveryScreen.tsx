import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../shared/domain/recovery';
import { call } from '../../bridge';
import { formatDateTime } from '../../i18n/i18n';
import { CopyProgressBar } from './CopyProgressBar';
import { useBackupProgress } from './useBackupProgress';
import './recovery.css';

/** Shown instead of the app when the store is damaged: move it aside, or restore a backup. Never a crash loop. */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  const restoring = useBackupProgress(working).filter((copy) => copy.kind === 'restore');

  async function act(run: () => Promise<RecoveryStatus>): Promise<void> {
    setWorking(true);
    setError(undefined);
    try {
      const after = await run();
      if (after.state === 'ok') window.location.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(false);
    }
  }

  return (
    <main className="recovery">
      <h1>{t('storeRecovery.heading')}</h1>
      <p>{t('storeRecovery.explain', { file: status.storeFile })}</p>
      <p className="recovery-detail">{status.message}</p>
      {error && <p role="alert">{t('storeRecovery.failed', { message: error })}</p>}
      {working && restoring.length === 0 && <p role="status">{t('storeRecovery.working')}</p>}
      {restoring.map((copy) => (
        <CopyProgressBar key={copy.startedAt} copy={copy} />
      ))}
      <button
        type="button"
        className="primary"
        disabled={working}
        onClick={() => void act(() => call('recovery:moveAside', {}))}
      >
        {t('storeRecovery.moveAside')}
      </button>
      <h2>{t('storeRecovery.backups')}</h2>
      {status.backups.length === 0 && <p>{t('storeRecovery.noBackups')}</p>}
      <ul>
        {status.backups.map((b) => (
          <li key={b.name}>
            <button
              type="button"
              disabled={working}
              onClick={() => void act(() => call('backups:restore', { name: b.name }))}
            >
              {t('storeRecovery.restore', { when: formatDateTime(b.createdAt) })}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
