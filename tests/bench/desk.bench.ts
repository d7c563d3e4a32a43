import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startCore } from '../../src/main/core/startCore';
import { DESK_VIEWS } from '../../src/shared/domain/desk';
import { ARTICLE_STATUSES } from '../../src/shared/domain/article';
import type { Bench } from './support/bench';
import { prng } from './support/archive';
import { percentile, sampleMs } from './support/figures';

/**
 * The desk views at archive scale (`--size N` articles, default 100,000; the target is 1,000,000):
 * the first page and the next page of each view and all counts, beside the plain article list's first page
 * (the (updated_at, id) index walk) on the same store. Rows are written straight into the table: this measures
 * reading, not importing.
 */
const bench: Bench = {
  name: 'desk',
  run({ size, workDir, report, log }) {
    const total = size ?? 100_000;
    const core = startCore({ dataDir: join(workDir, 'app'), transport: 'host', version: 'bench' });
    const me = core.services.profiles.save({
      name: 'Nadia Ait',
      initials: 'NA',
      colour: '#aa3300',
      role: 'copy_editor',
    });
    const people = [me.id, ...Array.from({ length: 49 }, () => randomUUID())];
    const random = prng(11);
    // Most of an archive is published; the live queues are small.
    const weights: [string, number][] = [
      ['published', 0.8],
      ['draft', 0.06],
      ['submitted', 0.03],
      ['in_copy_edit', 0.02],
      ['approved', 0.03],
      ['scheduled', 0.01],
      ['spiked', 0.05],
    ];
    const pick = (): string => {
      let x = random();
      for (const [status, w] of weights) if ((x -= w) < 0) return status;
      return 'published';
    };
    const insert = core.db.prepare(
      `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at,
                             revision, created_by, assignee_id, deadline, priority, status_changed_at)
       VALUES (?, ?, '{"type":"doc"}', 1, ?, 'fr', ?, ?, 1, ?, ?, ?, 'normal', ?)`,
    );
    const now = Date.now();
    const write = core.db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const at = now - Math.floor(random() * 3 * 365 * 86_400_000);
        const person = people[Math.floor(random() * people.length)]!;
        const assignee = random() < 0.3 ? people[Math.floor(random() * people.length)]! : null;
        insert.run(randomUUID(), `Article ${i}`, pick(), at, at, person, assignee, assignee ? at : null, at);
      }
    });
    for (let start = 0; start < total; start += 10_000) write(start, Math.min(total, start + 10_000));
    core.db.exec('ANALYZE');
    log(`${total} articles written; statuses: ${ARTICLE_STATUSES.join(', ')}`);

    const day = { dayStart: now - 86_400_000 * 30, dayEnd: now + 1 };
    const runs = 30;
    const baseline = sampleMs(runs, () => core.services.listing.page({}, 100, undefined));
    for (const view of DESK_VIEWS) {
      const first = sampleMs(runs, () => core.services.desk.page(view, me.id, day, 100));
      const cursor = core.services.desk.page(view, me.id, day, 100).nextCursor ?? undefined;
      const next = sampleMs(runs, () => core.services.desk.page(view, me.id, day, 100, cursor));
      for (const [name, samples] of [
        [`${view}: first page of 100`, first],
        [`${view}: next page of 100`, next],
      ] as const)
        report({
          name,
          value: percentile(samples, 50),
          baseline: percentile(baseline, 50),
          baselineName: 'article list, first page of 100',
          unit: 'ms',
        });
    }
    const counts = sampleMs(10, () => core.services.desk.counts(me.id, day));
    report({
      name: 'all six desk counts',
      value: percentile(counts, 50),
      baseline: percentile(baseline, 50),
      baselineName: 'article list, first page of 100',
      unit: 'ms',
    });
    core.close();
  },
};

export default bench;
