import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../shared/domain/recovery';
import { call } from '../../bridge';
import { CopyProgressBar } from './CopyProgressBar';
import { RestoreChoices } from './RestoreChoices';
import { useBackupProgress } from './useBackupProgress';
import { useRecoveryAction } from './useRecoveryAction';
import './recovery.css';

/** Shown instead of the app when the store is damaged: move it aside, or restore a backup. Never a crash loop. */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  const { working, error, act } = useRecoveryAction();
  const restoring = useBackupProgress(working).filter((copy) => copy.kind === 'restore');
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
      <RestoreChoices
        backups={status.backups}
        disabled={working}
        onRestore={(name) => void act(() => call('backups:restore', { name }))}
      />
    </main>
  );
}
