import { useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../../shared/domain/recovery';
import { call } from '../../bridge';

/** How often the start-up screen asks how far an upgrade is. */
const UPGRADE_POLL_MS = 250;

/**
 * Asks main whether the store opened; undefined until it answers. While the store is being upgraded it asks
 * again until the upgrade is over, so the screen follows its progress and the app opens by itself after.
 */
export function useRecoveryStatus(): RecoveryStatus | undefined {
  const [status, setStatus] = useState<RecoveryStatus>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      call('recovery:status', {}).then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          if (next.state === 'upgrading') timer = setTimeout(ask, UPGRADE_POLL_MS);
        },
        () => {
          if (!stopped) setStatus({ state: 'ok', message: '', storeFile: '', backups: [] });
        },
      );
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return status;
}
