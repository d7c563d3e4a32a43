import { readFileSync } from 'node:fs';
import { DOMParser as PmDOMParser } from '@tiptap/pm/model';
import type { Window } from 'happy-dom';
import { bodyToHtml, inertWindow } from '../../../../src/main/content/bodyHtml';
import type { BodyDoc } from '../../../../src/shared/domain/article';
import { bodySchema } from '../../../../src/shared/editor/bodySchema';
import { compactBlockJson } from '../../../../src/shared/editor/extensions/blockSuggestion';
import { createArchive, prng } from '../../../bench/support/archive';

/**
 * The reading htmlToBody replaced: happy-dom's innerHTML into one reused <div>, then ProseMirror's parser.
 * Kept here only to prove the DOM-free reader gives the same documents.
 */
export function happyDomHtmlToBody(html: string): BodyDoc {
  holder ??= inertWindow().document.createElement('div');
  holder.innerHTML = html;
  try {
    const parser = PmDOMParser.fromSchema(bodySchema());
    return compactBlockJson(parser.parse(holder as unknown as globalThis.Node).toJSON() as BodyDoc);
  } finally {
    holder.innerHTML = '';
  }
}
let holder: ReturnType<Window['document']['createElement']> | undefined;

const fixture = (path: string): string => readFileSync(`tests/fixtures/${path}`, 'utf8');

/** Real-shaped bodies: generated archive articles as the app writes them, the WXR, JSON Lines and paste fixtures. */
export function realShapedHtml(generated = 500): string[] {
  const archive = createArchive(11);
  const inputs = Array.from({ length: generated }, (_, i) => bodyToHtml(archive.article(i).body));
  for (const m of fixture('wxr/archive.xml').matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]>/g))
    inputs.push(m[1]!);
  for (const line of fixture('import/articles.jsonl').split('\n')) {
    try {
      const row = JSON.parse(line) as { body_html?: unknown };
      if (typeof row.body_html === 'string') inputs.push(row.body_html);
    } catch {
      // Not every fixture line is valid JSON: that is what the import tests check.
    }
  }
  for (const name of ['google-docs', 'libreoffice', 'web-page', 'word', 'xss'])
    inputs.push(fixture(`paste/${name}.html`));
  return inputs;
}

/** Malformed and unusual HTML a WordPress export or a paste carries. */
export const MALFORMED_HTML = [
  '<p>Un<p>Deux<p>Trois',
  'texte nu sans balise',
  '<p>a<br>b<br/>c</p>',
  '<!-- wp:paragraph --><p>Bloc&nbsp;WP &amp; co &eacute;t&eacute; &#233;&#x00E9; &notanentity; &amp</p><!-- /wp:paragraph -->',
  '<ul><li>un<ul><li>deux</li></ul></li><li>trois</li></ul>',
  '<ol><li><p>a</p></li><ul><li>nested wrong</li></ul></ol>',
  '<ul><li>a<li>b<li>c</ul><ol start="3" type="a"><li>x</ol>',
  '<p style="font-weight:bold">gras</p><p><span style="font-style: italic; vertical-align: super">x</span></p>',
  '<p><span style="font: italic bold 12px/30px Georgia, serif">f</span><span style="font: bold">g</span><span style="FONT-WEIGHT: 700 !important; font-weight: 400">h</span></p>',
  '<p><b style="font-weight: normal">pas gras</b><strong style="font-weight:400">non</strong><em style="font-style:normal">droit</em><i>i</i></p>',
  '<p><span style="text-decoration: underline line-through">us</span><span style="text-decoration:none">n</span><span style="font-weight: 600">600</span><span style="font-weight: bolder">br</span></p>',
  '<p style="white-space: pre">  espaces\n  gardés  </p><div style="white-space:pre-wrap">a  b</div>',
  '<pre>  code\n  lines</pre>',
  '<table><tr><td>cell</td></tr></table>',
  '<table><div>moved</div><tr><td>a</td><p>in cell?</p></tr><caption>c</caption></table>',
  '<td>orphan cell</td><tr><td>orphan row</td></tr><tbody><tr><th>h</th></tr></tbody>',
  '<script>alert(1)</script><p>après</p>',
  '<style>p{}</style><p>s</p>',
  '<p>avant<script>var a = "<p>pas du texte</p>";</script>après</p>',
  '<p>non terminé <script>tout le reste',
  '<h2>Titre</h2><h5>petit</h5><h1>grand</h1><h2>a<h3>b</h3></h2><blockquote><p>cite</p></blockquote>',
  '<figure class="pull-quote"><blockquote>q</blockquote><figcaption>who</figcaption></figure>',
  '<figure class="pull-quote extra"><blockquote><p>deux</p><p>paragraphes</p></blockquote></figure>',
  '<p><a href="https://example.org">lien</a> <a href="javascript:alert(1)">mal</a> <a href="/relatif">rel</a> <a>sans</a></p>',
  '<p><a href="https://a.example">un <a href="https://b.example">deux</a> trois</a></p>',
  '<p>   espaces   multiples   </p>\n\n<p>\tTab</p>\r\n<p>\r\nCR</p>',
  '<div><p>dans div</p>texte</div>',
  '<p>ligne<img src="x.jpg" alt="y">fin</p>',
  '<hr><p>x</p><hr/>',
  '<p dir="rtl">مرحبا بالعالم</p><p dir="RTL">نص</p><h2 dir="ltr">Titre</h2><p dir="auto">auto</p>',
  '<p>«\u00a0Le ministre a déclaré : "مرحبا" »</p>',
  '<p><b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><s>s</s><del>d</del><strike>st</strike><sup>1</sup><sub>2</sub></p>',
  '</p>stray close<p>',
  '<p>unterminated <b>bold',
  '<p>unterminated <b>bold <i>both</b> italic</i> rest</p>',
  '<html><body><p>full doc inside</p></body></html>',
  '<!DOCTYPE html><html><head><title>t</title></head><body><p>after head</p></body></html>',
  '<head><title>t</title></head><p>after head</p>',
  '<body><p>b</p></body>',
  '<p class="a" class="b" CLASS="c" data-x=1 data-y=\'2\' data-z="3" disabled>attrs</p>',
  '<p title="a>b">quoted gt</p><p title=\'x>y\'>single</p><p title="unclosed>rest</p>',
  '<div\n</ul><p>broken start tag</p>',
  '<p>a --> b /> c > d</p>',
  '<!--> odd comment --><p>after</p><!---->',
  '<?xml version="1.0"?><p>pi</p><!ELEMENT x><p>decl</p>',
  '<figure data-media-id="not-a-media-id"><img src="a.jpg" alt="alt"><figcaption><span class="image-caption">Cap</span><span class="image-credit">Cred</span></figcaption></figure>',
  '<figure class="body-image" data-media-id="abababababababababababababababababababababababababababababababab.jpg"><img src="x" alt="Le port"><figcaption><span class="image-caption">Légende</span> <span class="image-credit">AFP</span></figcaption></figure>',
  '<figure data-embed="youtube" data-url="https://www.youtube.com/watch?v=abc"></figure><figure data-embed="x" data-url="https://evil.example/x"></figure>',
  '<p><span data-thread-id="t1">commented</span> <ins data-suggestion-id="s1" data-suggestion-author-id="u" data-suggestion-author-name="A" data-suggestion-at="5">ins</ins> <del data-suggestion-id="s2">del</del></p>',
  '<p><span data-suggestion-format="" data-suggestion-id="f" data-suggestion-added=\'["bold"]\' data-suggestion-removed="[oops" data-suggestion-link=\'{"before":null,"after":{"href":"https://a.example"}}\'>fmt</span></p>',
  '<p data-block-suggestion=\'{"authorId":"u","authorName":"A","at":1,"was":{"type":"heading"}}\'>block</p>',
  '<svg viewBox="0 0 10 10"><text>svg text</text><foreignObject><p>fo</p></foreignObject><a href="https://a.example">svg link</a><style>x</style></svg><p>after svg</p>',
  '<template><p>hidden</p></template><p>shown</p>',
  '<o:p></o:p><p class=MsoNormal>Word<o:p></o:p></p><w:sdt>sdt</w:sdt>',
  '<select><option>a<option>b</select><dl><dt>t<dd>d<dt>t2</dl>',
  '<ruby>漢<rp>(<rt>kan<rp>)</ruby><p>ruby</p>',
  '<colgroup><col></colgroup><table><colgroup><col><p>x</p></colgroup></table>',
  '<p>line one\nline two</p><br><br>',
  '<li>loose item</li><li>second</li>',
  '<ul><p>para in list</p><li>item</li></ul>',
  '<blockquote>bare text in quote<ul><li>list in quote</li></ul></blockquote>',
  '<p><br></p><p></p><p> </p>',
  '<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &apos;a&apos; &#0; &#x110000; &#128512;</p>',
  '<p>😀 emoji and ZWJ 👩‍👩‍👧 and RLM \u200f and BOM \ufeff</p>',
  '',
  '   ',
  '<',
  '<p',
  '<p>a</',
  '</>',
  '<<p>>double<</p>>',
  '<p>x</P><P>y</p><DIV>z</div>',
  '<p><span style="">empty style</span><span style=";;;">semis</span><span style="font-weight:">no value</span><span style="color: red; font-weight: var(--x)">var</span></p>',
];

const TAGS = [
  'p',
  'p',
  'p',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'ins',
  'sup',
  'sub',
  'a',
  'a',
  'span',
  'span',
  'div',
  'h2',
  'h3',
  'h4',
  'h1',
  'h6',
  'ul',
  'ol',
  'li',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'img',
  'br',
  'hr',
  'table',
  'tr',
  'td',
  'tbody',
  'pre',
  'code',
  'script',
  'style',
  'section',
  'font',
  'center',
  'template',
  'svg',
];
const ATTRS = [
  'href="https://example.org/a?b=1&amp;c=2"',
  'href="javascript:alert(1)"',
  'href="mailto:a@b.fr"',
  'href=/rel',
  'class="pull-quote"',
  'class="image-caption"',
  'class="image-credit"',
  'dir="rtl"',
  'dir=ltr',
  'dir="auto"',
  'style="font-weight: bold"',
  'style="font-weight:400"',
  'style="font-style: italic"',
  'style="font: italic 700 1em serif"',
  'style="text-decoration: underline"',
  'style="vertical-align: super"',
  'style="white-space: pre"',
  'style="color:red"',
  'data-media-id="0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"',
  'data-thread-id="t"',
  'data-embed="youtube" data-url="https://youtu.be/x"',
  'start="4"',
  'type="I"',
  'alt="alt &amp; text"',
  'title="a>b"',
];
const TEXTS = [
  'Le gouvernement',
  ' a annoncé ',
  'مرحبا بالعالم',
  ' ',
  '  ',
  '\n',
  '\t',
  '&amp;',
  '&nbsp;',
  '&eacute;t&eacute;',
  '«\u00a0cité\u00a0»',
  '<!-- c -->',
  '-->',
  '/>',
  '>',
  '<',
  '&lt;b&gt;',
  '1er',
  'XIXe',
  '"',
  "'",
  '2024',
];

/** Random tag soup from the parts bodies are made of: open and close tags out of order, attributes, text. */
export function randomHtml(count: number, seed = 42): string[] {
  const next = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const open: string[] = [];
    let html = '';
    const steps = 3 + Math.floor(next() * 25);
    for (let s = 0; s < steps; s++) {
      const r = next();
      if (r < 0.35) {
        const tag = pick(TAGS);
        const attrs = next() < 0.5 ? ` ${pick(ATTRS)}` + (next() < 0.3 ? ` ${pick(ATTRS)}` : '') : '';
        html += `<${next() < 0.1 ? tag.toUpperCase() : tag}${attrs}${next() < 0.05 ? '/' : ''}>`;
        open.push(tag);
      } else if (r < 0.55 && open.length) {
        html += `</${next() < 0.8 ? open.pop()! : pick(TAGS)}>`;
      } else html += pick(TEXTS);
    }
    while (open.length && next() < 0.7) html += `</${open.pop()!}>`;
    out.push(html);
  }
  return out;
}
