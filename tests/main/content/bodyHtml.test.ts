import { expect, it } from 'vitest';
import { bodyToHtml, htmlToBody } from '../../../src/main/content/bodyHtml';
import { bodyProblem } from '../../../src/shared/editor/bodySchema';

it('renders a body to HTML and reads it back unchanged, French and Arabic included', () => {
  const html =
    '<h2>Réaction à Alger</h2><p>« Nous attendons », dit-il ; <strong>رد</strong> <em>فعل</em>.</p><p>Ligne<br>suivante</p>';
  const body = htmlToBody(html);
  expect(bodyProblem(body)).toBeUndefined();
  expect(bodyToHtml(body)).toBe(html);
});

it('drops what the schema does not hold: scripts, handlers, styles', () => {
  const body = htmlToBody(
    '<p style="color:red" onclick="alert(1)">Texte <span class="x">propre</span></p><script>alert(1)</script>',
  );
  const html = bodyToHtml(body);
  expect(html).toBe('<p>Texte propre</p>');
});
