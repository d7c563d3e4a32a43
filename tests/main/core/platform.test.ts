import { describe, expect, it } from 'vitest';
import { startResilientCore } from '../../../src/main/core/resilientCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('what only the Electron shell can do', () => {
  it('the web host has no file picker: it says so, and the renderer falls back to a typed path', async () => {
    const core = startResilientCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    expect(await invokeChannel(core.handlers, 'app:chooseFile', { purpose: 'import-wxr' }, quiet)).toEqual({
      ok: true,
      value: { available: false, path: null },
    });
    core.close();
  });

  it('a shell with a picker answers with the chosen path, or null when the user cancels', async () => {
    const asked: string[] = [];
    let answer: string | null = '/home/desk/export.xml';
    const core = startResilientCore({
      dataDir: tempDir(),
      transport: 'electron',
      version: 'test',
      platform: {
        chooseFile: (purpose) => (asked.push(purpose), Promise.resolve(answer)),
      },
    });
    expect(await invokeChannel(core.handlers, 'app:chooseFile', { purpose: 'import-wxr' }, quiet)).toEqual({
      ok: true,
      value: { available: true, path: '/home/desk/export.xml' },
    });
    answer = null;
    expect(await invokeChannel(core.handlers, 'app:chooseFile', { purpose: 'import-jsonl' }, quiet)).toEqual({
      ok: true,
      value: { available: true, path: null },
    });
    expect(asked).toEqual(['import-wxr', 'import-jsonl']);
    core.close();
  });
});
