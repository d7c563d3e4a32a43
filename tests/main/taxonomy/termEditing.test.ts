import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

describe('renaming and merging tags, sections and authors', () => {
  it('merging two tags moves every article, keeps one link per article, and updates search', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, terms, termEditing, search } = core.services;
    const keep = terms.ensure('tags', 'Élysée');
    const dup = terms.ensure('tags', 'Palais présidentiel');
    const ids: string[] = [];
    for (const tagIds of [[dup.id], [keep.id, dup.id], [dup.id, keep.id], [keep.id]]) {
      const a = articles.create('fr');
      articles.save({
        id: a.id,
        baseRevision: 1,
        fields: { ...emptyFields('fr'), headline: 'Remaniement', tagIds },
      });
      ids.push(a.id);
    }
    expect(await termEditing.merge('tags', dup.id, keep.id)).toEqual({ moved: 3 });
    for (const id of ids) expect(articles.get(id).tags.map((t) => t.name)).toEqual(['Élysée']);
    expect(terms.get('tags', dup.id)).toBeUndefined();
    expect(search.search({ query: '', tagId: keep.id, sort: 'date', limit: 10 }).hits).toHaveLength(4);
    expect(search.search({ query: 'tag:palais', sort: 'date', limit: 10 }).hits).toHaveLength(0);
    expect(search.search({ query: 'tag:elysee', sort: 'date', limit: 10 }).hits).toHaveLength(4);
    core.close();
  });

  it('merges sections and authors too', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, terms, termEditing } = core.services;
    const eco = terms.ensure('sections', 'Économie');
    const biz = terms.ensure('sections', 'Business');
    const nadia = terms.ensure('authors', 'Nadia Aït');
    const nadia2 = terms.ensure('authors', 'N. Aït');
    const a = articles.create('fr');
    articles.save({
      id: a.id,
      baseRevision: 1,
      fields: { ...emptyFields('fr'), sectionId: biz.id, authorIds: [nadia2.id] },
    });
    await termEditing.merge('sections', biz.id, eco.id);
    await termEditing.merge('authors', nadia2.id, nadia.id);
    expect(articles.get(a.id)).toMatchObject({
      section: { name: 'Économie' },
      authors: [{ name: 'Nadia Aït' }],
    });
    core.close();
  });

  it('renames keeping id and slug, and refuses a name that folds onto another term', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { terms, termEditing } = core.services;
    const tag = terms.ensure('tags', 'Cybercriminalite');
    terms.ensure('tags', 'Climat');
    expect(await termEditing.rename('tags', tag.id, 'Cybercriminalité')).toEqual({
      id: tag.id,
      name: 'Cybercriminalité',
      slug: tag.slug,
    });
    await expect(termEditing.rename('tags', tag.id, 'CLIMAT')).rejects.toThrow(/merge/);
    expect(terms.ensure('tags', 'cybercriminalité').id).toBe(tag.id);
    core.close();
  });
});
