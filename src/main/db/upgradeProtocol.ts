import type { MigrationStatus } from './migrate';

/**
 * Test hook of the upgrade thread, reachable only from the loopback host's command line (host/cli.ts,
 * `--test-upgrade`), which the desktop app never runs: a last step of about 5 s that counts 50 units, and
 * with 'fail', throws after 20 of them (after the real migrations have written in the same transaction).
 */
export type UpgradeTestHook = 'slow' | 'fail';

export interface UpgradeInput {
  file: string;
  nativeBinding?: string | undefined;
  testHook?: UpgradeTestHook | undefined;
}

export type UpgradeMessage =
  | { kind: 'status'; status: MigrationStatus }
  | { kind: 'done' }
  | { kind: 'failed'; corrupt: boolean; message: string };
