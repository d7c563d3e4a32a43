import { expect, it } from 'vitest';
import { embedProviderOf } from '../../../src/shared/editor/embeds';
import { isAllowedLinkHref, normalizeLinkInput } from '../../../src/shared/editor/links';

it('allows http, https and mailto links only', () => {
  for (const href of ['https://www.lemonde.fr/', 'http://example.org/a?b#c', 'mailto:desk@example.org'])
    expect(isAllowedLinkHref(href), href).toBe(true);
  for (const href of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://x.fr/',
    '/relative',
    '//host/x',
    'mailto:',
    'https://',
    42,
    null,
  ])
    expect(isAllowedLinkHref(href), String(href)).toBe(false);
});

it('turns what a writer types in the link dialog into a link, or refuses it', () => {
  expect(normalizeLinkInput('www.lemonde.fr/politique')).toBe('https://www.lemonde.fr/politique');
  expect(normalizeLinkInput('desk@example.org')).toBe('mailto:desk@example.org');
  expect(normalizeLinkInput(' https://x.fr/a ')).toBe('https://x.fr/a');
  expect(normalizeLinkInput('javascript:alert(1)')).toBeUndefined();
  expect(normalizeLinkInput('')).toBeUndefined();
});

it('recognizes YouTube, X, Instagram and Facebook posts, over https only', () => {
  expect(embedProviderOf('https://www.youtube.com/watch?v=abc')).toBe('youtube');
  expect(embedProviderOf('https://youtu.be/abc')).toBe('youtube');
  expect(embedProviderOf('https://x.com/lemondefr/status/1')).toBe('x');
  expect(embedProviderOf('https://twitter.com/lemondefr/status/1')).toBe('x');
  expect(embedProviderOf('https://www.instagram.com/p/abc/')).toBe('instagram');
  expect(embedProviderOf('https://www.facebook.com/lemonde/posts/1')).toBe('facebook');
  for (const url of [
    'http://www.youtube.com/watch?v=abc',
    'https://www.youtube.com/',
    'https://youtube.com.evil.example/watch',
    'https://user:pw@x.com/a/status/1',
    'javascript:alert(1)',
    'not a url',
  ])
    expect(embedProviderOf(url), url).toBeUndefined();
});
