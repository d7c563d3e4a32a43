import { useEffect, useState } from 'react';
import type { BackupProgress } from '../../../shared/domain/recovery';
import { call, subscribe } from '../../bridge';

/** How often the board is read again while a copy runs or one is awaited (events may be dropped on the way). */
const REREAD_MS = 1000;

/**
 * The backups and Restores being copied now. Asks once (the daily backup may have started before this
 * window), then follows backups:progress, which carries every running copy each time one moves. While a copy
 * runs, or `awaiting` says one is expected (the user just asked for it), the board is also read again every
 * second: a bar must neither miss its start nor stay frozen if an event is lost with a dropped connection.
 */
export function useBackupProgress(awaiting = false): BackupProgress[] {
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
  const watching = awaiting || running.length > 0;
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(() => {
      call('backups:progress', {}).then(setRunning, () => undefined);
    }, REREAD_MS);
    return () => clearInterval(timer);
  }, [watching]);
  return running;
}
