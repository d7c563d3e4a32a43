import type { BodyDoc, PmNode } from '../../../src/shared/domain/article';

const WORDS = [
  'le',
  'conseil',
  'municipal',
  'a',
  'voté',
  'à',
  'une',
  'large',
  'majorité',
  'budget',
  'de',
  'l’année',
  'prochaine',
  'selon',
  'maire',
  'qui',
  'défend',
  'projet',
  'écoles',
  'rénovées',
];

/** The text of the long article's last paragraph: seeing it means the whole body is in the DOM. */
export const LAST_PARAGRAPH = 'Dernier paragraphe du long article.';

/** A long article: paragraphs of 20 words, a subheading every 25 paragraphs, some bold and italic. */
export function longBody(words: number): BodyDoc {
  const content: PmNode[] = [];
  let count = 0;
  for (let p = 0; count < words; p++) {
    if (p % 25 === 0)
      content.push({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: `Partie ${p / 25 + 1}` }],
      });
    const text = Array.from({ length: 20 }, (_, i) => WORDS[(p * 7 + i) % WORDS.length]).join(' ');
    count += 20;
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: `${text} ` },
        { type: 'text', text: 'important', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' et ' },
        { type: 'text', text: 'nuancé.', marks: [{ type: 'italic' }] },
      ],
    });
  }
  content.push({ type: 'paragraph', content: [{ type: 'text', text: LAST_PARAGRAPH }] });
  return { type: 'doc', content };
}
