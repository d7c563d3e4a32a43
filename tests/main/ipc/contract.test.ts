import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startCore } from '../../../src/main/core/startCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { channelNames, channels } from '../../../src/shared/ipc/contract';
import { schemaTools } from '../../support/schemaSamples';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

function storeSnapshot(core: ReturnType<typeof startCore>): unknown {
  return {
    articles: core.db.prepare('SELECT * FROM articles ORDER BY id').all(),
    revisions: core.db.prepare('SELECT * FROM revisions ORDER BY article_id, revision').all(),
  };
}

describe('the IPC contract refuses malformed input with a typed error', () => {
  for (const channel of channelNames) {
    it(`${channel}: every malformed input derived from its schema is invalid_input and changes nothing`, async () => {
      const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
      const existing = core.services.articles.create('fr');
      const before = storeSnapshot(core);
      const tools = schemaTools(
        z.toJSONSchema(channels[channel].input, { io: 'input', unrepresentable: 'any' }) as never,
      );

      // The generator's valid sample must pass validation, or the variants below would prove nothing.
      expect(channels[channel].input.safeParse(tools.valid()).success).toBe(true);

      const variants = tools.invalid();
      expect(variants.length).toBeGreaterThan(4);
      for (const variant of variants) {
        const result = await invokeChannel(core.handlers, channel, variant.value, quiet);
        expect(result.ok, variant.label).toBe(false);
        if (!result.ok) {
          expect(result.error.code, variant.label).toBe('invalid_input');
          expect(result.error.message, variant.label).toContain(channel);
        }
      }
      // A sample that touched the store (create) is undone by comparing only what existed before.
      const after = storeSnapshot(core) as { articles: { id: string }[] };
      if (channel !== 'articles:create') expect(after).toEqual(before);
      expect(core.services.articles.get(existing.id).revision).toBe(existing.revision);
      core.close();
    });
  }

  it('answers a channel that is not in the contract with unknown_channel', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const result = await invokeChannel(core.handlers, 'articles:dropAll', {}, quiet);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'There is no channel named "articles:dropAll".' },
    });
    core.close();
  });

  it('reports which field is wrong so a form can point at it', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const result = await invokeChannel(core.handlers, 'articles:get', { id: 'nope' }, quiet);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toEqual(['id']);
    core.close();
  });

  it('turns an unexpected failure into an internal error without a stack trace', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    // The store goes away under the services (the outbox, which would only log it, is stopped first).
    await core.services.outbox.stop();
    core.db.close();
    const result = await invokeChannel(core.handlers, 'articles:list', {}, quiet);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
