import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldsOf } from '../../../src/shared/domain/article';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { STORE_FILE } from '../../../src/main/core/startCore';
import { openDatabase } from '../../../src/main/db/open';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite } from '../../support/wordpress';

const tempDir = useTempDirs();
let proxy: FaultProxy | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await proxy?.close();
  proxy = undefined;
});

describe('closing the store while work is in flight', () => {
  it('waits for the row being sent, stops the start-up backup, then closes: nothing cut off, nothing logged', async () => {
    // The site answers the post's create only after a while: the drain is mid-row when the app quits. The
    // test quits once the create has reached the site (not after a fixed time: on a loaded machine the
    // requests before it take seconds).
    let createReached!: () => void;
    const createSent = new Promise<void>((resolve) => (createReached = resolve));
    proxy = await startFaultProxy(
      wordpressSite().url,
      ({ method, path }) => {
        if (method !== 'POST' || !path.includes('/wp/v2/posts')) return 'pass';
        createReached();
        return 'slow';
      },
      1500,
    );
    const logged: string[] = [];
    for (const level of ['error', 'warn'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));

    const dir = tempDir();
    const core = startResilientCore({ dataDir: dir, transport: 'host', version: 'test' });
    const wp = wordpressSite();
    const site = core.services.sites.add({
      url: proxy.url,
      username: 'editor',
      password: wp.users.editor.applicationPassword,
    });
    const { articles } = core.services;
    const created = articles.create('fr');
    articles.save({
      id: created.id,
      baseRevision: created.revision,
      fields: { ...fieldsOf(articles.get(created.id)), headline: `Fermeture ${Math.random()}` },
    });
    core.services.outbox.enqueue(created.id, site.id, 'draft');
    await createSent;
    expect(core.services.outbox.isDraining()).toBe(true);

    await core.close();
    expect(logged.filter((l) => /not open|drain stopped|\[backup\]/.test(l))).toEqual([]);
    // The row went out and was recorded before the store closed.
    const db = openDatabase(join(dir, STORE_FILE));
    expect(db.prepare('SELECT status FROM outbox').pluck().all()).toEqual(['done']);
    db.close();
    // The close waits for the site's answer to four requests: seconds each on a loaded machine. The limit
    // only stops a hang; nothing here is timed.
  }, 120_000);
});
