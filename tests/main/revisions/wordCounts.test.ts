import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleService, emptyFields } from '../../../src/main/articles/articleService';
import { createEventBus } from '../../../src/main/core/eventBus';
import { openDatabase } from '../../../src/main/db/open';
import { createMediaStore } from '../../../src/main/media/mediaStore';
import { createRevisionService } from '../../../src/main/revisions/revisionService';
import { readableText } from '../../../src/main/revisions/revisionStore';
import { createTermService } from '../../../src/main/taxonomy/termService';
import type { ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import { wordChanges } from '../../../src/shared/text/wordDiff';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('words added and removed per revision', () => {
  it('match a diff of the whole article through moves, repeats, deletions and field edits', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'store.sqlite3'));
    let clock = 1_700_000_000_000;
    const terms = createTermService(db);
    const articles = createArticleService(db, createEventBus(), terms, createMediaStore(dir), () => clock);
    const revisions = createRevisionService(db, articles, terms);

    const words = ['grève', 'train', 'bus', 'الحكومة', 'demain', 'Élysée', '2024', 'vote', 'budget'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const sentence = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(words)).join(' ');

    const article = articles.create('fr');
    let revision = article.revision;
    let previous: ArticleFields = emptyFields('fr');
    let base = previous;
    let lastKind: string = 'created';
    let paragraphs: string[] = [];
    for (let step = 0; step < 60; step++) {
      const next = [...paragraphs];
      const edit = Math.floor(random() * 6);
      if (edit === 0 || next.length === 0)
        next.splice(Math.floor(random() * (next.length + 1)), 0, sentence());
      else if (edit === 1) next.splice(Math.floor(random() * next.length), 1);
      else if (edit === 2) next[Math.floor(random() * next.length)] = sentence();
      else if (edit === 3)
        next.push(pick(next)); // the same paragraph twice
      else if (edit === 4) next.reverse(); // moved, not changed
      paragraphs = next;
      const fields: ArticleFields = {
        ...emptyFields('fr'),
        headline: edit === 5 ? sentence() : previous.headline,
        kicker: step % 7 === 0 ? pick(words) : previous.kicker,
        body: body(paragraphs),
      };
      // Two typing saves in a row (the second folded into the first's burst), then two explicit ones.
      const kind = step % 4 < 2 ? 'autosave' : 'explicit';
      const folded = kind === 'autosave' && lastKind === 'autosave';
      if (!folded) base = previous; // a burst counts against the revision kept before it
      clock += 1000;
      revision = articles.save({ id: article.id, baseRevision: revision, kind, fields }).revision;
      const [latest] = revisions.list(article.id, 1);
      const expected = wordChanges(
        readableText(base.headline, base.body, base),
        readableText(fields.headline, fields.body, fields),
      );
      expect({ added: latest!.wordsAdded, removed: latest!.wordsRemoved }, `step ${step}`).toEqual(expected);
      previous = fields;
      lastKind = kind;
    }
    db.close();
  });
});
