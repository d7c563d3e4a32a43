import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRE_UPGRADE_BACKUP_STEP,
  type RecoveryStatus,
  type UpgradeBackupProblem,
} from '../../../shared/domain/recovery';
import { call } from '../../bridge';
import { formatCount, formatDateTime } from '../../i18n/i18n';
import { QuitButton } from './QuitButton';
import { useRecoveryAction } from './useRecoveryAction';
import './recovery.css';

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => formatCount(Math.round(bytes / MB));

/** The step's wording: each migration that can take long has its own; any other is named. */
function useStepWording(): {
  step: (name: string) => string;
  counted: (name: string, done: number) => string;
} {
  const { t, i18n } = useTranslation();
  return {
    step: (name) =>
      i18n.exists(`upgrade.steps.${name}`) ? t(`upgrade.steps.${name}`) : t('upgrade.steps.other', { name }),
    counted: (name, done) =>
      t(i18n.exists(`upgrade.counted.${name}`) ? `upgrade.counted.${name}` : 'upgrade.counted.other', {
        done: formatCount(done),
      }),
  };
}

/** Seconds since `startedAt`, ticking: a long step with nothing to count still shows the app is at work. */
function useSecondsSince(startedAt: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return startedAt === undefined ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}

/**
 * Shown instead of the app while an older store's schema is upgraded at start-up (core/resilientCore.ts):
 * which step runs and, when it can count, how far it is. The app opens by itself when it is done.
 */
export function UpgradeScreen({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  const wording = useStepWording();
  const upgrade = status.upgrade;
  const seconds = useSecondsSince(upgrade?.startedAt);
  const counted = upgrade && upgrade.done !== null && upgrade.total ? upgrade : undefined;
  const percent = counted ? Math.floor((100 * counted.done!) / counted.total!) : undefined;
  // The copy before the upgrade counts bytes: said in MB.
  const inBytes = upgrade?.name === PRE_UPGRADE_BACKUP_STEP;
  const format = inBytes ? megabytes : formatCount;
  const waiting = upgrade?.backupProblem;
  return (
    <main className="recovery" aria-busy={!waiting}>
      <h1>{t('upgrade.heading')}</h1>
      <p>{t('upgrade.explain')}</p>
      {/* Without a count the bar has no value: an indeterminate bar, which still moves (not while waiting). */}
      {!waiting && (
        <progress
          aria-label={t('upgrade.progress')}
          max={counted ? counted.total! : undefined}
          value={counted ? counted.done! : undefined}
        />
      )}
      <p role="status">
        {upgrade && upgrade.step > 0
          ? t('upgrade.step', { step: upgrade.step, steps: upgrade.steps, what: wording.step(upgrade.name) })
          : t('upgrade.preparing')}
        {counted
          ? ` · ${t(inBytes ? 'upgrade.countBytes' : 'upgrade.count', { done: format(counted.done!), total: format(counted.total!), percent })}`
          : ''}
        {upgrade && !counted && upgrade.done !== null
          ? ` · ${wording.counted(upgrade.name, upgrade.done)}`
          : ''}
      </p>
      {upgrade?.reusedCopy && (
        <p>{t('upgrade.reusedCopy', { when: formatDateTime(upgrade.reusedCopy.madeAt) })}</p>
      )}
      {!waiting && (
        <p className="recovery-detail">{t('upgrade.elapsed', { seconds: formatCount(seconds) })}</p>
      )}
      {waiting && <NoBackupChoice problem={waiting} />}
    </main>
  );
}

/**
 * The copy before the upgrade could not be made: the upgrade waits. Upgrading without it is the user's call
 * (the upgrade rolls back on failure, yet a copy is what is left if the disk itself fails mid-way).
 */
function NoBackupChoice({ problem }: { problem: UpgradeBackupProblem }) {
  const { t } = useTranslation();
  const { working, error, act } = useRecoveryAction();
  return (
    <section className="recovery-choice" aria-labelledby="no-backup-heading">
      <h2 id="no-backup-heading">{t('upgrade.noBackup.heading')}</h2>
      <p role="alert">
        {problem.kind === 'no_room'
          ? t('upgrade.noBackup.noRoom', {
              needed: megabytes(problem.neededBytes),
              free: megabytes(problem.freeBytes),
            })
          : t('upgrade.noBackup.failed', { reason: problem.reason })}
      </p>
      <p>{t('upgrade.noBackup.explain')}</p>
      {error && <p role="alert">{t('storeRecovery.failed', { message: error })}</p>}
      <button
        type="button"
        disabled={working}
        onClick={() => void act(() => call('recovery:upgradeWithoutBackup', {}))}
      >
        {t('upgrade.noBackup.goOn')}
      </button>
      <QuitButton disabled={working} />
    </section>
  );
}
