import { expect, it } from 'vitest';
import { isAppUrl } from '../../../src/main/app/appOrigin';

it('recognises only our own renderer as a caller of main', () => {
  expect(isAppUrl('redac://app/index.html')).toBe(true);
  expect(isAppUrl('redac://app/')).toBe(true);
  for (const url of [
    'redac://evil/index.html',
    'https://app/index.html',
    'file:///index.html',
    'about:blank',
    '',
    'redac:app',
  ]) {
    expect(isAppUrl(url), url).toBe(false);
  }
});
