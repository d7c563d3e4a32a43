import { expect, it } from 'vitest';
import { foldText } from '../../../src/shared/text/fold';
import { slugify } from '../../../src/shared/text/slug';

it('folds French case and accents, and ligatures', () => {
  expect(foldText('Cybercriminalité')).toBe(foldText('cybercriminalite'));
  expect(foldText('  Œuvre   ÉLYSÉE ')).toBe('oeuvre elysee');
});

it('normalizes Arabic spellings: alef forms, ta marbuta, alef maqsura, tashkeel, tatweel', () => {
  expect(foldText('أحمد')).toBe(foldText('احمد'));
  expect(foldText('إسلام')).toBe('اسلام');
  expect(foldText('مدرسة')).toBe('مدرسه');
  expect(foldText('مستشفى')).toBe('مستشفي');
  expect(foldText('مُحَمَّد')).toBe('محمد');
  expect(foldText('العـــربية')).toBe(foldText('العربيه'));
});

it('makes slugs with accents transliterated and Arabic kept', () => {
  expect(slugify('Élection présidentielle : « le second tour » aura lieu')).toBe(
    'election-presidentielle-le-second-tour-aura-lieu',
  );
  expect(slugify('L’Œuvre d’art')).toBe('loeuvre-dart');
  expect(slugify('الانتخابات الرئاسيّة')).toBe('الانتخابات-الرئاسية');
  expect(slugify('  --  ')).toBe('');
});
