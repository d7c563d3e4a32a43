import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../shared/domain/recovery';
import { call } from '../../bridge';
import { CopyProgressBar } from './CopyProgressBar';
import { QuitButton } from './QuitButton';
import { RestoreChoices } from './RestoreChoices';
import { useBackupProgress } from './useBackupProgress';
import { useRecoveryAction } from './useRecoveryAction';
import './recovery.css';

/**
 * Shown when the upgrade failed. The store is as it was (the migrations rolled back), so quitting and starting
 * again retries it; when it keeps failing, what the damaged store's screen offers: restore a backup (the copy
 * taken before this upgrade comes first), or move the file aside and start fresh.
 */
export function UpgradeFailedScreen({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  const { working, error, act } = useRecoveryAction();
  const restoring = useBackupProgress(working).filter((copy) => copy.kind === 'restore');
  return (
    <main className="recovery">
      <h1>{t('upgrade.failedHeading')}</h1>
      <p>{t('upgrade.failedExplain', { file: status.storeFile })}</p>
      <p className="recovery-detail" role="alert">
        {status.message}
      </p>
      <p>{t('upgrade.failedChoices')}</p>
      {error && <p role="alert">{t('storeRecovery.failed', { message: error })}</p>}
      {working && restoring.length === 0 && <p role="status">{t('storeRecovery.working')}</p>}
      {restoring.map((copy) => (
        <CopyProgressBar key={copy.startedAt} copy={copy} />
      ))}
      <QuitButton disabled={working} />
      <RestoreChoices
        backups={status.backups}
        disabled={working}
        onRestore={(name) => void act(() => call('backups:restore', { name }))}
      />
      <h2>{t('upgrade.startFreshHeading')}</h2>
      <p>{t('upgrade.startFreshExplain')}</p>
      <button type="button" disabled={working} onClick={() => void act(() => call('recovery:moveAside', {}))}>
        {t('upgrade.startFresh')}
      </button>
    </main>
  );
}
