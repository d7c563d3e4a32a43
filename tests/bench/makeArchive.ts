// `npx tsx tests/bench/makeArchive.ts DIR SIZE [MILESTONE...]`: writes the archive bench's generated articles
// into DIR/redac.sqlite3 (rows, terms and search index exactly as the import writer makes them, but without
// first revisions: this file is for measuring search and list plans) and copies the file to
// DIR/archive-N.sqlite3 at each milestone, so plans can be measured against a kept archive instead of
// importing again for every run. REDAC_BENCH_ARCHIVE=FILE makes the archive bench read such a copy.
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { articleQueries } from '../../src/main/articles/articleRows';
import { startCore, STORE_FILE } from '../../src/main/core/startCore';
import type { DocFields } from '../../src/main/search/searchRows';
import { createSearchIndexer } from '../../src/main/search/searchIndexer';
import type { TermKind } from '../../src/shared/domain/term';
import { BODY_SCHEMA_VERSION } from '../../src/shared/editor/bodyExtensions';
import { createArchive } from './support/archive';

const [dir, sizeArg, ...milestoneArgs] = process.argv.slice(2);
if (!dir || !sizeArg) throw new Error('usage: makeArchive DIR SIZE [MILESTONE...]');
const total = Number(sizeArg);
const milestones = new Set(milestoneArgs.map(Number));
milestones.add(total);

const core = startCore({ dataDir: dir, transport: 'host', version: 'bench' });
const { db } = core;
const indexer = createSearchIndexer(db);
const q = articleQueries(db);
const termIds = new Map<string, { id: number; name: string }>();
const termOf = (kind: TermKind, name: string) => {
  const key = `${kind}\u0000${name}`;
  let term = termIds.get(key);
  if (!term) {
    const { id, name: stored } = core.services.terms.ensure(kind, name);
    term = { id, name: stored };
    termIds.set(key, term);
  }
  return term;
};
const unique = <T extends { id: number }>(list: T[]) => [...new Map(list.map((t) => [t.id, t])).values()];

const archive = createArchive(7);
const batch = 2000;
const started = performance.now();
const writeBatch = db.transaction((from: number, to: number) => {
  const pending: DocFields[] = [];
  for (let i = from; i < to; i++) {
    const a = archive.article(i);
    const id = randomUUID();
    const section = termOf('sections', a.section);
    const tags = unique(a.tags.map((t) => termOf('tags', t)));
    const authors = unique(a.authors.map((t) => termOf('authors', t)));
    q.insert({
      id,
      kicker: a.kicker,
      headline: a.headline,
      standfirst: a.standfirst,
      body: JSON.stringify(a.body),
      body_schema_version: BODY_SCHEMA_VERSION,
      status: a.status,
      language: a.language,
      slug: '',
      seo_title: '',
      seo_description: '',
      section_id: section.id,
      featured_image: null,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      revision: 1,
    });
    q.setTags(
      id,
      tags.map((t) => t.id),
    );
    q.setAuthors(
      id,
      authors.map((t) => t.id),
    );
    pending.push(
      indexer.prepareNew({
        id,
        kicker: a.kicker,
        headline: a.headline,
        standfirst: a.standfirst,
        body: a.body,
        featuredImage: null,
        status: a.status,
        language: a.language,
        sectionId: section.id,
        tags,
        authors,
        updatedAt: a.updatedAt,
      }),
    );
  }
  indexer.insertDocs(pending);
});
for (let start = 0; start < total; start += batch) {
  const done = Math.min(total, start + batch);
  writeBatch.immediate(start, done);
  if (done % 20_000 === 0)
    console.log(`${done} ${(done / ((performance.now() - started) / 1000)).toFixed(0)}/s`);
  if (milestones.has(done)) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(dir, STORE_FILE), join(dir, `archive-${done}.sqlite3`));
    console.log(`copied archive-${done}`);
  }
}
void core.close();
