import { describe, expect, it } from 'vitest';
import { startCore } from '../../../src/main/core/startCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('the desk profile', () => {
  it('a rename keeps the person; someone else taking the desk is a new person, and both stay known', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const save = async (input: Record<string, unknown>) => {
      const result = await invokeChannel(core.handlers, 'profile:save', input, quiet);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: string; name: string };
    };
    const nadia = await save({ name: 'Nadia Ouali', initials: 'NO', colour: '#8250df', role: 'copy_editor' });
    const renamed = await save({
      name: 'Nadia Ouali-Haddad',
      initials: 'NO',
      colour: '#8250df',
      role: 'copy_editor',
    });
    expect(renamed.id).toBe(nadia.id);
    const karim = await save({
      name: 'Karim Benali',
      initials: 'KB',
      colour: '#1a7f37',
      role: 'copy_editor',
      newPerson: true,
    });
    expect(karim.id).not.toBe(nadia.id);
    const people = core.services.profiles.people(100).map((p) => [p.id, p.name]);
    expect(people).toEqual(
      expect.arrayContaining([
        [nadia.id, 'Nadia Ouali-Haddad'],
        [karim.id, 'Karim Benali'],
      ]),
    );
    // Comments made now are signed by the desk's current person.
    const article = core.services.articles.create('fr');
    const thread = core.services.threads.create(
      article.id,
      { kind: 'field', field: 'headline' },
      '',
      'Titre ?',
    );
    expect(thread.comments[0]?.author).toMatchObject({ id: karim.id, name: 'Karim Benali' });
    core.close();
  });
});
