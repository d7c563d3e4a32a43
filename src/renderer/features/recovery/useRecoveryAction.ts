import { useState } from 'react';
import type { RecoveryStatus } from '../../../shared/domain/recovery';

/**
 * Runs one of the start-up screens' actions (move the store aside, restore a backup, go on without a backup):
 * one at a time, with its error kept for the screen. Once the store is open, or being upgraded, the page
 * starts again from the status (the app, or the upgrade's progress).
 */
export function useRecoveryAction(): {
  working: boolean;
  error: string | undefined;
  act: (run: () => Promise<RecoveryStatus>) => Promise<void>;
} {
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  async function act(run: () => Promise<RecoveryStatus>): Promise<void> {
    setWorking(true);
    setError(undefined);
    try {
      const after = await run();
      if (after.state === 'ok' || after.state === 'upgrading') window.location.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(false);
    }
  }
  return { working, error, act };
}
