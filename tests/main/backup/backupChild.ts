// The child of the full-disk test: run under `ulimit -f`, so that writing the backup fails part way as it
// would on a full disk (EFBIG instead of ENOSPC: the same failed write to SQLite). Reports on stdout what the
// app said, then saves once more to show the store still works.
import { createBackup } from '../../../src/main/backup/backups';
import { startCore } from '../../../src/main/core/startCore';
import { fieldsOf } from '../../../src/shared/domain/article';

const [dataDir, id] = process.argv.slice(2) as [string, string];
const core = startCore({ dataDir, transport: 'host', version: 'full-disk' });
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  try {
    const made = await createBackup(core.db, dataDir, {
      onNotice: (n) => say(`NOTICE ${JSON.stringify(n)}`),
    });
    say(`MADE ${made.name}`);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    say(`FAILED ${code ?? '-'} ${message}`);
  }
  const { articles } = core.services;
  const article = articles.get(id);
  const saved = articles.save({
    id,
    baseRevision: article.revision,
    fields: { ...fieldsOf(article), headline: 'Sauvé après le disque plein' },
  });
  say(`ACK ${saved.revision}`);
  await core.close();
}

void main();
