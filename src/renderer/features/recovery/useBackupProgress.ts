import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../shared/domain/recovery';
import { call, subscribe } from '../../bridge';

/**
 * The backups and Restores being copied now. Asks once (the daily backup may have started before this
 * window), then follows backups:progress, which carries every running copy each time one moves.
 */
export function useBackupProgress(): BackupProgress[] {
  const [running, setRunning] = useState<BackupProgress[]>([]);
  useEffect(() => {
    let heard = false;
    const stop = subscribe('backups:progress', (e) => {
      heard = true;
      setRunning(e.running);
    });
    call('backups:progress', {}).then(
      (now) => heard || setRunning(now),
      () => undefined,
    );
    return stop;
  }, []);
  return running;
}
