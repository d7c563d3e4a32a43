import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupNotice } from '../../../shared/domain/recovery';
import { call, subscribe } from '../../bridge';
import { CopyProgressBar } from './CopyProgressBar';
import { useBackupProgress } from './useBackupProgress';
import './recovery.css';

const megabytes = (bytes: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1048576);

/** The notice area: the daily backup's progress while it runs, and what it could not do. */
export function BackupNoticeBar() {
  const automatic = useBackupProgress().filter((copy) => copy.automatic);
  return (
    <>
      {automatic.map((copy) => (
        <div key={copy.startedAt} className="backup-notice backup-running">
          <CopyProgressBar copy={copy} onStop={() => void call('backups:stop', {}).catch(() => undefined)} />
        </div>
      ))}
      <BackupNoticeLine />
    </>
  );
}

/**
 * Says when the daily backup was skipped (no disk space), failed, or had to remove older backups to fit: a
 * desk must not learn on the day it needs one that there was none. Asks once at start (the start-up backup
 * may have run before this window), then follows backups:changed.
 */
function BackupNoticeLine() {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<BackupNotice | null>(null);
  const [dismissed, setDismissed] = useState<number>();
  useEffect(() => {
    call('backups:notice', {}).then(setNotice, () => setNotice(null));
    return subscribe('backups:changed', (e) => setNotice(e.notice));
  }, []);
  if (!notice || dismissed === notice.at) return null;
  const values = {
    needed: megabytes(notice.neededBytes, i18n.language),
    free: megabytes(notice.freeBytes, i18n.language),
    kept: notice.kept,
    reason: notice.reason,
  };
  return (
    <p role="alert" className="backup-notice">
      {t(`storeRecovery.notice.${notice.kind}`, values)}{' '}
      <button type="button" onClick={() => setDismissed(notice.at)}>
        {t('storeRecovery.notice.dismiss')}
      </button>
    </p>
  );
}
