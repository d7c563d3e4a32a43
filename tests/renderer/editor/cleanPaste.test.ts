// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../../src/renderer/editor/paste/cleanPaste';
import { CLEANED, PASTE_FIXTURES, pasteFixture } from '../../support/pasteFixtures';

/** White space between tags is not content: compare without it. */
const tidy = (html: string): string => html.replace(/>\s+</g, '><').replace(/\s+/g, ' ');

describe('the paste cleaner', () => {
  for (const name of PASTE_FIXTURES) {
    it(`keeps headings, bold, italic, links and lists from ${name} and drops the rest`, () => {
      expect(tidy(cleanPastedHtml(pasteFixture(name)))).toBe(CLEANED[name]);
    });
  }

  it('never lets a script, an event handler, an iframe or a javascript: URL through', () => {
    for (const name of PASTE_FIXTURES) {
      const out = cleanPastedHtml(pasteFixture(name));
      expect(out).not.toMatch(/<script|<iframe|<object|<embed|<svg|<img|<style|<form|<math/i);
      expect(out).not.toMatch(/\son\w+=/i);
      expect(out).not.toMatch(/javascript:|data:|style=|class=/i);
      // Only the allowed tags, and href the only attribute.
      for (const tag of out.matchAll(/<(\w+)([^>]*)>/g)) {
        expect(['h2', 'h3', 'h4', 'p', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'br']).toContain(tag[1]);
        if (tag[2]) expect(tag[2]).toMatch(/^ href="(https?:|mailto:)[^"]*"$/);
      }
    }
  });

  it('keeps line breaks inside a paragraph but drops empty paragraphs', () => {
    expect(cleanPastedHtml('<p>un<br>deux</p><p>&nbsp;</p><p><br></p><div><span> </span></div>')).toBe(
      '<p>un<br>deux</p>',
    );
  });

  it('maps h1 to h2 and h5/h6 to h4, and drops marks inside headings', () => {
    expect(cleanPastedHtml('<h1><b>Un</b></h1><h5>Cinq</h5><h6>Six</h6>')).toBe(
      '<h2>Un</h2><h4>Cinq</h4><h4>Six</h4>',
    );
  });

  it('drops relative, protocol-relative and non-web links but keeps their text', () => {
    expect(
      cleanPastedHtml(
        '<p><a href="/a">relatif</a> <a href="//evil.example/x">sans protocole</a> <a href="ftp://x.fr/f">ftp</a> <a href="#ancre">ancre</a> <a name="_Toc1">signet</a></p>',
      ),
    ).toBe('<p>relatif sans protocole ftp ancre signet</p>');
  });

  it('escapes text so that pasted markup-looking text stays text', () => {
    expect(cleanPastedHtml('<p>a &lt;script&gt; b &amp; c</p>')).toBe('<p>a &lt;script&gt; b &amp; c</p>');
  });
});
