import { expect, it } from 'vitest';
import { bodyToHtml, htmlToBody } from '../../../src/main/content/bodyHtml';
import { bodyProblem } from '../../../src/shared/editor/bodySchema';

const IMAGE_ID = `${'ab'.repeat(32)}.jpg`;

it('renders a body to HTML and reads it back unchanged, French and Arabic included', () => {
  const html =
    '<h2 dir="auto">Réaction à Alger</h2><p dir="auto">« Nous attendons », dit-il ; <strong>رد</strong> <em>فعل</em>.</p><p dir="auto">Ligne<br>suivante</p>';
  const body = htmlToBody(html);
  expect(bodyProblem(body)).toBeUndefined();
  expect(bodyToHtml(body)).toBe(html);
});

it('round-trips every node and mark of the schema', () => {
  const html = [
    '<h2 dir="auto">Titre</h2>',
    '<h3 dir="rtl">عنوان</h3>',
    '<h4 dir="ltr">Sous-titre</h4>',
    '<p dir="auto"><a rel="noopener noreferrer nofollow" href="https://example.org/a"><strong>lien</strong></a> <em>i</em> <u>u</u> <s>s</s> XIX<sup>e</sup></p>',
    '<ul dir="auto"><li><p dir="auto">un</p></li><li><p dir="auto">deux</p></li></ul>',
    '<ol dir="auto"><li><p dir="auto">premier</p></li></ol>',
    '<blockquote dir="auto"><p dir="auto">Citation</p></blockquote>',
    '<figure dir="auto" class="pull-quote"><blockquote class="pull-quote-text">Nous resterons.</blockquote><figcaption class="pull-quote-attribution">La maire</figcaption></figure>',
    `<figure class="body-image" data-media-id="${IMAGE_ID}"><img src="/media/${IMAGE_ID}" alt="Une rue"><figcaption><span class="image-caption">La rue</span><span class="image-credit">AFP</span></figcaption></figure>`,
    '<figure class="embed-card" data-embed="youtube" data-url="https://www.youtube.com/watch?v=x"><span class="embed-provider">YouTube</span><span class="embed-url" dir="ltr">https://www.youtube.com/watch?v=x</span></figure>',
    '<hr>',
  ].join('');
  const body = htmlToBody(html);
  expect(bodyProblem(body)).toBeUndefined();
  expect(bodyToHtml(body)).toBe(html);
  expect(body.content?.map((n) => n.type)).toEqual([
    'heading',
    'heading',
    'heading',
    'paragraph',
    'bulletList',
    'orderedList',
    'blockquote',
    'pullQuote',
    'image',
    'embed',
    'horizontalRule',
  ]);
});

it('drops what the schema does not hold: scripts, handlers, styles, iframes, bad links', () => {
  const body = htmlToBody(
    '<p style="color:red" onclick="alert(1)">Texte <span class="x">propre</span> <a href="javascript:alert(1)">piège</a></p><script>alert(1)</script><iframe src="https://evil.example"></iframe><img src="x" onerror="alert(1)"><figure data-embed="youtube" data-url="https://evil.example/v"></figure>',
  );
  expect(bodyProblem(body)).toBeUndefined();
  const html = bodyToHtml(body);
  expect(html).toBe('<p dir="auto">Texte propre piège</p>');
});
