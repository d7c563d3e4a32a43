import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const HOST_SCRIPT = join(ROOT, 'out/main/host.js');

export interface HostProcess {
  /** The printed address, carrying this run's token. */
  openUrl: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The profile every spec's desk has unless it asks otherwise: a publisher may do everything. */
export const SEEDED_PROFILE = {
  name: 'Test Desk',
  initials: 'TD',
  colour: '#336699',
  role: 'publisher',
} as const;

export interface HostOptions {
  /** Saved through the contract before the page opens; null leaves the store without one (first-run screen). */
  profile?: { name: string; initials: string; colour: string; role: string } | null;
  /** Caps every file the host writes at this many KB (bash's `ulimit -f`): a write past it fails, as on a full disk. */
  fileSizeLimitKb?: number | undefined;
  /** More command-line arguments for the host (the start-up upgrade's test hook, `--test-upgrade`). */
  args?: readonly string[];
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'redac-e2e-'));
}

/** A new data folder holding a store of `count` saved articles, written by the app's own core. */
export function filledDataDir(count: number): string {
  const dataDir = newDataDir();
  execFileSync(process.execPath, [
    '--import',
    'tsx',
    join(__dirname, 'fillStoreCli.ts'),
    dataDir,
    String(count),
  ]);
  return dataDir;
}

/** Starts `npm run serve`'s built host (out/main/host.js) as its own process, exactly as a user would. */
export async function startHostProcess(
  dataDir: string,
  port = 0,
  options: HostOptions = {},
): Promise<HostProcess> {
  const host = await spawnHost(dataDir, port, options.args ?? [], options.fileSizeLimitKb);
  const profile = options.profile === undefined ? SEEDED_PROFILE : options.profile;
  if (profile) await seedProfile(host, profile);
  return host;
}

/**
 * The first-run screen asks who uses this desk; specs about other things start with a profile already saved,
 * through the contract as the first-run screen would save it. A store that did not open (recovery specs)
 * has nothing to seed.
 */
async function seedProfile(host: HostProcess, profile: NonNullable<HostOptions['profile']>): Promise<void> {
  await hostCall(host, 'profile:save', profile, ['unavailable']);
}

/** Calls a channel from the test process, with the host's token, as a page of the app would. */
export async function hostCall<T = unknown>(
  host: HostProcess,
  channel: string,
  input: unknown,
  tolerated: readonly string[] = [],
): Promise<T> {
  const token = new URL(host.openUrl).searchParams.get('token') ?? '';
  const response = await fetch(`${host.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-redac-token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as {
    ok: boolean;
    value?: T;
    error?: { code: string; message: string };
  };
  if (!result.ok && !tolerated.includes(result.error?.code ?? ''))
    throw new Error(`${channel} failed: ${result.error?.message ?? response.status}`);
  return result.value as T;
}

function spawnHost(
  dataDir: string,
  port: number,
  extra: readonly string[],
  fileSizeLimitKb?: number,
): Promise<HostProcess> {
  const args = [HOST_SCRIPT, '--data-dir', dataDir, '--port', String(port), ...extra];
  // exec: the capped shell becomes the host itself, so stop() signals the host.
  const [command, argv] =
    fileSizeLimitKb === undefined
      ? [process.execPath, args]
      : ['bash', ['-c', `ulimit -f ${fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, ...args]];
  const child = spawn(command, argv, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REDAC_DATA_DIR: '' },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    // A host that comes up after the spec gave up on it would be left running: stop it with the attempt.
    // The limit stops a hang, not a slow start: at load 10 a start printed nothing for 15 s (the old limit)
    // where it takes about 1 s; half the spec's 90 s leaves the rest of the spec its time.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start:\n${output}`));
    }, 45_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const openUrl = match[1];
      resolvePromise({
        openUrl,
        origin: new URL(openUrl).origin,
        dataDir,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}
