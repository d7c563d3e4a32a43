import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fieldsOf, type Article, type ArticleFields } from '../../../src/shared/domain/article';

/**
 * The app's own process on a store: `npm run serve`'s host (the built main code, nothing of the bench's
 * archive generator or tsx), driven over its HTTP transport through a desk's search, list and save session.
 * Its resident memory is read from /proc, at start and after the session.
 */
export interface HostSessionOptions {
  dataDir: string;
  /** Searches to run, each a relevance and a date-sorted page (and their second pages), then counted. */
  queries: string[];
  /** Filters to scroll ten pages deep, then count. */
  listFilters: Record<string, unknown>[];
  /** Explicit saves, each a paragraph edited. */
  saves: number;
  /** A WordPress export to import last, through the host's import channel (memory measured after it too). */
  wxrFile?: string | undefined;
}

export interface HostSessionMemory {
  startMb: number;
  afterMb: number;
  peakMb: number;
  calls: number;
  /** After the WXR import, when one was asked. */
  afterImportMb?: number;
  imported?: number;
}

const ROOT = resolve(__dirname, '../../..');

/** Builds the main code as `npm run serve` does (electron-vite, about 3 s). */
export function buildHost(): string {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  return join(ROOT, 'out/main/host.js');
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export async function runHostSession(
  hostJs: string,
  options: HostSessionOptions,
): Promise<HostSessionMemory> {
  // The daily backup of a multi-gigabyte store at start is not what this measures (and would be a second
  // copy of the archive on disk): a backup made "now" tells the host today's is done.
  const backups = join(options.dataDir, 'backups');
  mkdirSync(backups, { recursive: true });
  writeFileSync(join(backups, `redac-${new Date().toISOString().replace(/[-:.]/g, '')}.sqlite3`), '');
  const child = spawn(process.execPath, [hostJs, '--data-dir', options.dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const { url, token } = await new Promise<{ url: string; token: string }>((done, fail) => {
      let out = '';
      child.on('exit', (code) => fail(new Error(`The host exited (${String(code)}) before serving.`)));
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Open (http:\/\/[^/\s]+\/)\?token=([\w-]+)/.exec(out);
        if (m) done({ url: m[1]!, token: m[2]! });
      });
    });
    let calls = 0;
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      calls++;
      const res = await fetch(`${url}ipc/${channel}`, {
        method: 'POST',
        headers: { 'x-redac-token': token, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const answer = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!answer.ok) throw new Error(`${channel}: ${answer.error?.message ?? res.status}`);
      return answer.value;
    };
    // Start-up done: the first answer comes after the store is open and the services are built.
    await call('app:info', {});
    const start = memoryOf(child.pid!);
    const opened: string[] = [];
    for (const query of options.queries) {
      for (const sort of ['relevance', 'date']) {
        const page = await call<{ hits: { id: string }[]; nextCursor: string | null }>('search:query', {
          query,
          sort,
          limit: 20,
        });
        opened.push(...page.hits.slice(0, 2).map((h) => h.id));
        if (page.nextCursor) await call('search:query', { query, sort, limit: 20, cursor: page.nextCursor });
      }
      await call('search:count', { query });
    }
    for (const filters of options.listFilters) {
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: { nextCursor: string | null } = await call('articles:page', {
          ...filters,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      await call('articles:count', filters);
    }
    for (const id of opened.slice(0, options.saves)) {
      const article = await call<Article>('articles:get', { id });
      const content = [...(article.body.content ?? [])];
      content[0] = { type: 'paragraph', content: [{ type: 'text', text: `Mise à jour ${Date.now()}.` }] };
      const fields: ArticleFields = {
        ...fieldsOf(article),
        body: { type: 'doc', content },
        slug: article.slug || `bench-${id}`,
      };
      await call('articles:save', {
        id,
        baseRevision: article.revision,
        fields,
        kind: 'explicit',
      });
    }
    // The quiet second's upkeep (checkpoints, index merges) runs as it would after a session.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = memoryOf(child.pid!);
    if (!options.wxrFile) return { startMb: start.rssMb, afterMb: after.rssMb, peakMb: after.peakMb, calls };
    const imported = await importThroughHost(url, token, options.wxrFile, call);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const afterImport = memoryOf(child.pid!);
    return {
      startMb: start.rssMb,
      afterMb: after.rssMb,
      peakMb: afterImport.peakMb,
      calls,
      afterImportMb: afterImport.rssMb,
      imported,
    };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Starts an import on the host and follows its progress events to the end; answers how many it created. */
async function importThroughHost(
  url: string,
  token: string,
  file: string,
  call: <T>(channel: string, input: unknown) => Promise<T>,
): Promise<number> {
  // Subscribed before the import starts, so that no progress event is missed.
  const events = await fetch(`${url}events`, { headers: { 'x-redac-token': token } });
  const reader = events.body!.getReader();
  const { jobId } = await call<{ jobId: string }>('import:start', { path: file, format: 'wxr' });
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('The host closed its event stream during the import.');
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) !== -1) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!frame.startsWith('event: import:progress\n')) continue;
        const progress = JSON.parse(frame.slice(frame.indexOf('data: ') + 6)) as {
          jobId: string;
          state: string;
          created: number;
          message?: string;
        };
        if (progress.jobId !== jobId || progress.state === 'running') continue;
        if (progress.state !== 'done')
          throw new Error(`The host's import ended ${progress.state}: ${progress.message ?? ''}`);
        return progress.created;
      }
    }
  } finally {
    await reader.cancel();
  }
}
