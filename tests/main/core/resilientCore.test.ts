import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('a damaged store at start-up', () => {
  it('opens in recovery mode instead of crashing, and moving the file aside starts fresh and keeps it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, STORE_FILE), 'not a database '.repeat(500));
    const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    expect(core.mode()).toBe('damaged');
    expect(await invokeChannel(core.handlers, 'recovery:status', {}, quiet)).toMatchObject({
      ok: true,
      value: { state: 'damaged', message: expect.stringMatching(/damaged/) },
    });
    expect(await invokeChannel(core.handlers, 'articles:list', {}, quiet)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(await invokeChannel(core.handlers, 'recovery:moveAside', {}, quiet)).toMatchObject({
      ok: true,
      value: { state: 'ok' },
    });
    expect(await invokeChannel(core.handlers, 'articles:list', {}, quiet)).toEqual({ ok: true, value: [] });
    expect(readdirSync(dir).some((f) => f.startsWith(`${STORE_FILE}.damaged-`))).toBe(true);
    await core.close();
  });

  it('a truncated store is damaged too', async () => {
    const dir = tempDir();
    const first = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    first.services.articles.create('fr');
    await first.close();
    const file = join(dir, STORE_FILE);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, 1500));
    const again = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    expect(again.mode()).toBe('damaged');
    await again.close();
  });
});

describe('backups', () => {
  it('are made at start (one a day), and restoring one replaces the store and keeps the old one aside', async () => {
    const dir = tempDir();
    const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    const kept = core.services.articles.create('fr');
    const made = await invokeChannel(core.handlers, 'backups:create', {}, quiet);
    expect(made, JSON.stringify(made)).toMatchObject({ ok: true });
    const name = (made as { value: { name: string } }).value.name;
    core.services.articles.create('ar');
    expect(core.services.articles.list(10)).toHaveLength(2);

    expect(await invokeChannel(core.handlers, 'backups:restore', { name }, quiet)).toMatchObject({
      ok: true,
    });
    expect(core.services.articles.list(10).map((a) => a.id)).toEqual([kept.id]);
    expect(readdirSync(dir).some((f) => f.startsWith(`${STORE_FILE}.before-restore-`))).toBe(true);
    expect(
      await invokeChannel(
        core.handlers,
        'backups:restore',
        { name: 'redac-20200101T000000000Z.sqlite3' },
        quiet,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await core.close();
  });
});
