import { describe, expect, it } from 'vitest';
import { highlightAll, matcherFor, snippet } from '../../../src/main/search/highlight';
import { parseQuery } from '../../../src/main/search/parseQuery';
import type { TextRun } from '../../../src/shared/domain/search';

const matcher = (query: string) => matcherFor(parseQuery(query).terms);
const shown = (runs: TextRun[]) => runs.map((r) => (r.hit ? `[${r.text}]` : r.text)).join('');
const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

describe('snippets', () => {
  it('shows the words around the first match, even many paragraphs in', () => {
    const text = [
      words('a', 40),
      words('b', 40),
      `${words('c', 20)} Les élections municipales ${words('d', 30)}`,
    ].join('\n');
    expect(shown(snippet(text, matcher('elections')))).toBe(
      `… ${words('c', 20).split(' ').slice(11).join(' ')} Les [élections] municipales ${words('d', 18)} …`,
    );
  });

  it('takes the lead-in words from earlier short paragraphs', () => {
    const text = ['Un.', 'Deux trois.', 'Quatre cinq six.', 'Grève générale aujourd’hui.'].join('\n');
    expect(shown(snippet(text, matcher('greve')))).toBe(
      'Un. Deux trois. Quatre cinq six. [Grève] générale aujourd’hui.',
    );
  });

  it('skips paragraphs that only contain the word inside longer words', () => {
    const text = [`Dans ${words('x', 40)}`, `${words('y', 20)} ans plus tard`].join('\n');
    expect(shown(snippet(text, matcher('ans')))).toContain('[ans] plus tard');
  });

  it('shows the opening words when only the headline matched, or a word only looked like a match', () => {
    const text = [words('o', 40), `dans ${words('p', 40)}`].join('\n');
    const opening = `${words('o', 30)} …`;
    expect(shown(snippet(text, matcher('zebre')))).toBe(opening);
    expect(shown(snippet(text, matcher('ans')))).toBe(opening);
  });

  it('finds the word whole past many lines that hold it only inside longer words', () => {
    const text = [
      ...Array.from({ length: 30 }, (_, i) => `Sursaut ${i} et sursis, puis ${words(`m${i}-`, 12)}`),
      `Il est sur place depuis ${words('z', 20)}`,
    ].join('\n');
    const shownText = shown(snippet(text, matcher('sur')));
    expect(shownText).toContain('Il est [sur] place depuis z0');
    expect(shownText).not.toContain('[Sursaut]');
    expect(shown(highlightAll('Le sursaut des marchés', matcher('sur')))).toBe('Le sursaut des marchés');
    expect(shown(highlightAll('Sur la route', matcher('sur')))).toBe('[Sur] la route');
    expect(shown(highlightAll('Surtout pas', matcher('sur*')))).toBe('[Surtout] pas');
    expect(highlightAll('', matcher('sur'))).toEqual([]);
  });

  it('cuts a long paragraph only as far as the window, with the ellipsis after it', () => {
    const text = `${words('a', 5)} grève ${words('b', 400)} grève ${words('c', 5)}`;
    expect(shown(snippet(text, matcher('greve')))).toBe(`${words('a', 5)} [grève] ${words('b', 24)} …`);
  });

  it('matches Arabic with tashkeel and prefixes, and marks whole written words', () => {
    expect(shown(highlightAll('أَحْمَدُ في المدرسة', matcher('احمد')))).toBe('[أَحْمَدُ] في المدرسة');
    expect(shown(snippet('Le réchauffement climatique.', matcher('climat*')))).toBe(
      'Le réchauffement [climatique].',
    );
  });
});
