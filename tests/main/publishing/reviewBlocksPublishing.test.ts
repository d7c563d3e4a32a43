import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import type { ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import { prePublishChecks } from '../../../src/shared/publishing/prePublishChecks';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const SITE = '5b0ed1d8-4a4e-4c1e-9a57-0d5f5a1c2b3e';

const withInsertion: BodyDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Le conseil ' },
        {
          type: 'text',
          text: 'municipal ',
          marks: [
            {
              type: 'suggestionInsert',
              attrs: {
                id: '4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
                authorId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
                authorName: 'Nadia Ouali',
                authorColour: '#8250df',
                at: 1,
              },
            },
          ],
        },
        { type: 'text', text: 'a voté.' },
      ],
    },
  ],
};

describe('review state blocks publishing', () => {
  it('reports remaining suggestions and unresolved comments as errors', () => {
    const fields: ArticleFields = {
      ...emptyFields('en'),
      headline: 'Vote',
      sectionId: 1,
      body: withInsertion,
    };
    expect(prePublishChecks(fields, { unresolvedComments: 2 })).toEqual(
      expect.arrayContaining([
        { code: 'suggestions_remain', level: 'error' },
        { code: 'unresolved_comments', level: 'error', detail: '2' },
      ]),
    );
  });

  it('refuses to queue a push while a suggestion or an open thread remains', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, sync, threads, terms } = core.services;
    core.services.profiles.save({
      name: 'Karim Haddad',
      initials: 'KH',
      colour: '#b35900',
      role: 'publisher',
    });
    const section = terms.ensure('sections', 'Politique');
    const article = articles.create('en');
    const saved = articles.save({
      id: article.id,
      baseRevision: article.revision,
      kind: 'explicit',
      fields: { ...emptyFields('en'), headline: 'Vote', sectionId: section.id, body: withInsertion },
    });
    expect(() => sync.enqueue(article.id, SITE, 'publish')).toThrow(/suggestions_remain/);
    const thread = threads.create(article.id, { kind: 'field', field: 'headline' }, 'Vote', 'Titre ?');
    expect(() => sync.enqueue(article.id, SITE, 'publish')).toThrow(/unresolved_comments/);
    threads.resolve(thread.id);
    articles.save({
      id: article.id,
      baseRevision: saved.revision,
      kind: 'explicit',
      fields: {
        ...emptyFields('en'),
        headline: 'Vote',
        sectionId: section.id,
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le conseil a voté.' }] }],
        },
      },
    });
    // The checklist passes now: what stops the push is only that there is no such site.
    expect(() => sync.enqueue(article.id, SITE, 'publish')).not.toThrow(/checklist/);
    core.close();
  });
});
