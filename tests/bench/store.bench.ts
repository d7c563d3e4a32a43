import Database from 'better-sqlite3';
import { join } from 'node:path';
import { emptyFields } from '../../src/main/articles/articleService';
import { startCore } from '../../src/main/core/startCore';
import type { Bench } from './support/bench';
import { writesAcknowledged } from '../../src/main/db/durability';
import { percentile, sampleMs, sampleMsAsync } from './support/figures';

/**
 * A save through the service (article row, terms, revision, one transaction), timed until its reply (the WAL
 * fsynced: db/durability.ts), against a bare SQLite insert synced in its commit.
 */
const bench: Bench = {
  name: 'store-save',
  async run({ size, workDir, report }) {
    const saves = size ?? 500;
    const core = startCore({ dataDir: join(workDir, 'app'), transport: 'host', version: 'bench' });
    const article = core.services.articles.create('fr');
    let revision = article.revision;
    const paragraph = 'Le conseil municipal a voté, à une large majorité, le budget de l’année prochaine. ';
    const service = await sampleMsAsync(saves, async (i) => {
      const fields = {
        ...emptyFields('fr'),
        headline: `Budget municipal ${i}`,
        body: {
          type: 'doc' as const,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: paragraph.repeat(20) }] }],
        },
      };
      revision = core.services.articles.save({ id: article.id, baseRevision: revision, fields }).revision;
      await writesAcknowledged(core.db);
    });
    core.close();

    const bare = new Database(join(workDir, 'bare.sqlite3'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, headline TEXT, body TEXT)');
    const insert = bare.prepare('INSERT INTO t (headline, body) VALUES (?, ?)');
    const baseline = sampleMs(saves, (i) => insert.run(`Budget municipal ${i}`, paragraph.repeat(20)));
    bare.close();

    for (const p of [50, 95]) {
      report({
        name: `save p${p} (${saves} saves)`,
        value: percentile(service, p),
        baseline: percentile(baseline, p),
        baselineName: 'bare INSERT, same pragmas',
        unit: 'ms',
      });
    }
  },
};

export default bench;
