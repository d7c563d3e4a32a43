import { expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/shared/security/externalUrl';

it('lets only https and mailto links leave the app', () => {
  expect(isAllowedExternalUrl('https://www.lemonde.fr/article')).toBe(true);
  expect(isAllowedExternalUrl('mailto:desk@example.org')).toBe(true);
  for (const url of [
    'http://example.org',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'redac://app/x',
    'smb://host/share',
    'data:text/html,hi',
    'https://',
    'not a url',
  ]) {
    expect(isAllowedExternalUrl(url), url).toBe(false);
  }
});
