import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../shared/domain/recovery';
import { formatCount } from '../../i18n/i18n';
import './recovery.css';

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
  return (
    <main className="recovery" aria-busy="true">
      <h1>{t('upgrade.heading')}</h1>
      <p>{t('upgrade.explain')}</p>
      {/* Without a count the bar has no value: an indeterminate bar, which still moves. */}
      <progress
        aria-label={t('upgrade.progress')}
        max={counted ? counted.total! : undefined}
        value={counted ? counted.done! : undefined}
      />
      <p role="status">
        {upgrade && upgrade.step > 0
          ? t('upgrade.step', { step: upgrade.step, steps: upgrade.steps, what: wording.step(upgrade.name) })
          : t('upgrade.preparing')}
        {counted
          ? ` · ${t('upgrade.count', { done: formatCount(counted.done!), total: formatCount(counted.total!), percent })}`
          : ''}
        {upgrade && !counted && upgrade.done !== null
          ? ` · ${wording.counted(upgrade.name, upgrade.done)}`
          : ''}
      </p>
      <p className="recovery-detail">{t('upgrade.elapsed', { seconds: formatCount(seconds) })}</p>
    </main>
  );
}

/** Shown when the upgrade failed: the store is as it was, and what to do. */
export function UpgradeFailedScreen({ status }: { status: RecoveryStatus }) {
  const { t } = useTranslation();
  return (
    <main className="recovery">
      <h1>{t('upgrade.failedHeading')}</h1>
      <p>{t('upgrade.failedExplain', { file: status.storeFile })}</p>
      <p className="recovery-detail" role="alert">
        {status.message}
      </p>
    </main>
  );
}
