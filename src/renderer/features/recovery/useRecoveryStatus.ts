import { useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../../shared/domain/recovery';
import { call } from '../../bridge';

/** Asks main once whether the store opened; undefined until it answers. */
export function useRecoveryStatus(): RecoveryStatus | undefined {
  const [status, setStatus] = useState<RecoveryStatus>();
  useEffect(() => {
    call('recovery:status', {}).then(setStatus, () =>
      setStatus({ state: 'ok', message: '', storeFile: '', backups: [] }),
    );
  }, []);
  return status;
}
