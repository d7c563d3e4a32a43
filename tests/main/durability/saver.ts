// The child of the kill harness: saves articles as fast as it can and acknowledges each save on stdout only
// once the app would have answered the save (committed; an explicit save also fsynced, db/durability.ts). The
// harness kills it with SIGKILL at random moments.
import { writeSync } from 'node:fs';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { writesAcknowledged } from '../../../src/main/db/durability';

const dataDir = process.argv[2]!;
const core = startCore({ dataDir, transport: 'host', version: 'kill-harness' });
const { articles } = core.services;
const mine = Array.from({ length: 3 }, () => articles.create(Math.random() < 0.5 ? 'fr' : 'ar'));
const revisions = new Map(mine.map((a) => [a.id, a.revision]));
async function saveForever(): Promise<never> {
  for (let n = 0; ; n++) {
    const a = mine[n % mine.length]!;
    const headline = `Sauvegarde ${n} — حفظ ${n}`;
    const paragraphs = Array.from({ length: 1 + (n % 7) }, (_, k) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `Paragraphe ${k} de la sauvegarde ${n}. `.repeat(20) }],
    }));
    const kind = n % 5 === 0 ? 'explicit' : 'autosave';
    // Autosaves come through the editor's guarded channel, as in the app: their commits are not synced
    // (synchronous=NORMAL), which must still survive a kill.
    const saved = articles.save(
      {
        id: a.id,
        baseRevision: revisions.get(a.id)!,
        kind,
        fields: { ...emptyFields(a.language), headline, body: { type: 'doc', content: paragraphs } },
      },
      kind === 'autosave' ? core.services.markGuard : undefined,
    );
    if (kind === 'explicit') await writesAcknowledged(core.db);
    revisions.set(a.id, saved.revision);
    writeSync(1, `ACK ${a.id} ${saved.revision} ${headline}\n`);
  }
}
void saveForever();
