import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../shared/domain/recovery';
import { formatCount } from '../../i18n/i18n';

const MB = 1048576;

/** Seconds left at the rate so far; undefined until there is a rate worth trusting (a second and some bytes). */
export function secondsLeft(copy: BackupProgress, now: number): number | undefined {
  const elapsed = (now - copy.startedAt) / 1000;
  if (copy.copiedBytes <= 0 || copy.totalBytes <= 0 || elapsed < 1) return undefined;
  const rate = copy.copiedBytes / elapsed;
  return Math.max(0, Math.ceil((copy.totalBytes - copy.copiedBytes) / rate));
}

/**
 * One backup or Restore being copied: a bar, the percentage, megabytes copied of the total and the time left.
 * A 1M-article archive takes one to six minutes either way: the user must see it move.
 */
export function CopyProgressBar({ copy, onStop }: { copy: BackupProgress; onStop?: () => void }) {
  const { t } = useTranslation();
  // Ticks on its own too: a disk that stalls for a while must not freeze the time left.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const percent = copy.totalBytes > 0 ? Math.floor((100 * copy.copiedBytes) / copy.totalBytes) : 0;
  const left = secondsLeft(copy, now);
  const label = t(`storeRecovery.progress.${copy.kind}`);
  return (
    <div className="copy-progress" role="group" aria-label={label}>
      <progress
        aria-label={label}
        max={copy.totalBytes > 0 ? copy.totalBytes : undefined}
        value={copy.totalBytes > 0 ? copy.copiedBytes : undefined}
      />
      {/* Not a live region: figures that change twice a second would be read out without end, and the page's
          other status lines (the editor's "Saved") stay the only ones. The bar carries the progress. */}
      <p>
        {t('storeRecovery.progress.figures', {
          what: label,
          percent: formatCount(percent),
          copied: formatCount(Math.floor(copy.copiedBytes / MB)),
          total: formatCount(Math.ceil(copy.totalBytes / MB)),
        })}
        {' · '}
        {left === undefined
          ? t('storeRecovery.progress.estimating')
          : t('storeRecovery.progress.left', { seconds: formatCount(left) })}
      </p>
      {onStop && (
        <button type="button" onClick={onStop}>
          {t('storeRecovery.progress.stop')}
        </button>
      )}
    </div>
  );
}
