import { describe, expect, it } from 'vitest';
import { htmlToBody } from '../../../src/main/content/bodyHtml';
import { readHtmlFragment } from '../../../src/main/content/htmlFragment';
import { bodyProblem } from '../../../src/shared/editor/bodySchema';
import { happyDomHtmlToBody, MALFORMED_HTML, randomHtml, realShapedHtml } from './support/htmlCorpus';

/**
 * HTML is now read without a DOM. Stored bodies, their revision hashes and the pull/conflict comparisons
 * with a site all depend on the same HTML giving the same body, so the new reading is checked against the
 * old one (happy-dom's innerHTML, then the same ProseMirror parser) input by input.
 */
function differences(inputs: string[]): { html: string; before: string; after: string }[] {
  const out: { html: string; before: string; after: string }[] = [];
  for (const html of inputs) {
    const before = JSON.stringify(happyDomHtmlToBody(html));
    const after = JSON.stringify(htmlToBody(html));
    if (before !== after) out.push({ html, before, after });
  }
  return out;
}

describe('htmlToBody without a DOM', () => {
  it('reads real-shaped bodies (archive articles, WXR, JSON Lines, Word and Docs pastes) exactly as happy-dom did', () => {
    const inputs = realShapedHtml();
    expect(inputs.length).toBeGreaterThan(500);
    expect(differences(inputs)).toEqual([]);
  });

  it('reads malformed and unusual HTML (unclosed tags, tables, scripts, entities, styles, Arabic) exactly as before', () => {
    expect(differences(MALFORMED_HTML)).toEqual([]);
  });

  it('reads 4,000 random tag soups exactly as before', () => {
    expect(differences([...randomHtml(2000, 42), ...randomHtml(2000, 7)])).toEqual([]);
  });

  it('keeps the marks, attributes and nodes a WordPress body carries', () => {
    const body = htmlToBody(
      '<p dir="rtl">نص <strong>عريض</strong> و<a href="https://example.org/x?a=1&amp;b=2">رابط</a></p>' +
        '<p><span style="font-weight: 700">gras</span> <b style="font-weight: normal">pas gras</b> XIX<sup>e</sup></p>' +
        '<ul><li>un<li>deux</ul><h2>Titre &eacute;t&eacute;</h2><p>après<script>x()</script></p>',
    );
    expect(bodyProblem(body)).toBeUndefined();
    expect(body.content).toEqual([
      {
        type: 'paragraph',
        attrs: { dir: 'rtl' },
        content: [
          { type: 'text', text: 'نص ' },
          { type: 'text', marks: [{ type: 'bold' }], text: 'عريض' },
          { type: 'text', text: ' و' },
          {
            type: 'text',
            marks: [
              {
                type: 'link',
                attrs: {
                  href: 'https://example.org/x?a=1&b=2',
                  target: null,
                  rel: 'noopener noreferrer nofollow',
                  class: null,
                  title: null,
                },
              },
            ],
            text: 'رابط',
          },
        ],
      },
      {
        type: 'paragraph',
        attrs: { dir: null },
        content: [
          { type: 'text', marks: [{ type: 'bold' }], text: 'gras' },
          { type: 'text', text: ' pas gras XIX' },
          { type: 'text', marks: [{ type: 'superscript' }], text: 'e' },
        ],
      },
      {
        type: 'bulletList',
        attrs: { dir: null },
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'un' }] }],
          },
          {
            type: 'listItem',
            content: [{ type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'deux' }] }],
          },
        ],
      },
      { type: 'heading', attrs: { dir: null, level: 2 }, content: [{ type: 'text', text: 'Titre été' }] },
      { type: 'paragraph', attrs: { dir: null }, content: [{ type: 'text', text: 'après' }] },
    ]);
  });

  it('builds the tree happy-dom built from broken markup: blocks close a <p>, rows leave a table, a <script> swallows an unterminated rest', () => {
    const shape = (html: string): string => {
      const walk = (node: ReturnType<typeof readHtmlFragment>): string =>
        node.childNodes
          .map((c) =>
            c.nodeType === 1
              ? `${c.localName}(${walk(c)})`
              : c.nodeType === 3
                ? JSON.stringify(c.nodeValue)
                : '',
          )
          .join(' ');
      return walk(readHtmlFragment(html));
    };
    expect(shape('<p>a<div>b</div>c</p>')).toBe('p("a") div("b") "c"');
    expect(shape('<table><div>x</div><tr><td>1</td></tr></table>')).toBe(
      'div() table("x" tbody(tr(td("1"))))',
    );
    // happy-dom's reading: text before another element's end tag is lost, the text after it kept.
    expect(shape('<p>a<script>b</p>c')).toBe('p("a" script("c"))');
    expect(shape('<a href="#">1<a href="#">2</a></a>')).toBe('a("1") a("2")');
  });
});
