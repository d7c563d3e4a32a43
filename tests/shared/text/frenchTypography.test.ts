import { describe, expect, it } from 'vitest';
import {
  fixFrenchTypography,
  frenchTypographyEdits,
  NBSP,
  NNBSP,
} from '../../../src/shared/text/frenchTypography';

const fix = (text: string): string => fixFrenchTypography(text);

describe('French typography: what it fixes', () => {
  it('puts a narrow no-break space before ; ! ?, replacing an ordinary space or adding one', () => {
    expect(fix('Vraiment ? Oui !')).toBe(`Vraiment${NNBSP}? Oui${NNBSP}!`);
    expect(fix('Vraiment? Oui! Non;')).toBe(`Vraiment${NNBSP}? Oui${NNBSP}! Non${NNBSP};`);
    expect(fix(`Déjà${NBSP}?`)).toBe(`Déjà${NNBSP}?`);
    expect(fix('Quoi   ?')).toBe(`Quoi${NNBSP}?`);
  });

  it('puts one space only before a run such as ?! or !!!', () => {
    expect(fix('Quoi?!')).toBe(`Quoi${NNBSP}?!`);
    expect(fix('Incroyable !!!')).toBe(`Incroyable${NNBSP}!!!`);
  });

  it('puts a no-break space before a colon', () => {
    expect(fix('Il a dit: non')).toBe(`Il a dit${NBSP}: non`);
    expect(fix('Il a dit : non')).toBe(`Il a dit${NBSP}: non`);
  });

  it('puts narrow no-break spaces inside guillemets', () => {
    expect(fix('«Bonjour»')).toBe(`«${NNBSP}Bonjour${NNBSP}»`);
    expect(fix('« Bonjour »')).toBe(`«${NNBSP}Bonjour${NNBSP}»`);
    expect(fix(`«${NBSP}Bonjour${NBSP}»`)).toBe(`«${NNBSP}Bonjour${NNBSP}»`);
  });

  it('makes apostrophes typographic and three dots an ellipsis', () => {
    expect(fix("L'État n'a pas d'avis")).toBe('L’État n’a pas d’avis');
    expect(fix('Et puis...')).toBe('Et puis…');
    expect(fix('Attendez... non')).toBe('Attendez… non');
  });

  it('fixes a whole sentence at once and is idempotent', () => {
    const once = fix("Le ministre l'a dit: «c'est fini»... Vraiment?");
    expect(once).toBe(`Le ministre l’a dit${NBSP}: «${NNBSP}c’est fini${NNBSP}»… Vraiment${NNBSP}?`);
    expect(fix(once)).toBe(once);
  });
});

describe('French typography: what it must not touch', () => {
  it('leaves text that is already right exactly as it is', () => {
    const right = `Élections régionales${NBSP}: «${NNBSP}l’abstention${NNBSP}» recule${NNBSP}!`;
    expect(frenchTypographyEdits(right)).toEqual([]);
  });

  it('never changes times, scores or ratios', () => {
    expect(fix('Rendez-vous à 10:30 précises')).toBe('Rendez-vous à 10:30 précises');
    expect(fix('Score final 2:1')).toBe('Score final 2:1');
  });

  it('never changes URLs or e-mail addresses', () => {
    const text = 'Voir https://www.lemonde.fr/a?b=1;c=2#!x et http://x.fr:8080/ ou mailto:desk@lemonde.fr';
    expect(fix(text)).toBe(text);
    expect(fix('Écrire à jean.dupont@example.fr')).toBe('Écrire à jean.dupont@example.fr');
    expect(fix('www.example.org/faq?lang=fr')).toBe('www.example.org/faq?lang=fr');
  });

  it('never changes protected ranges (links, code)', () => {
    const text = "print('x'); a ? b : c";
    expect(fixFrenchTypography(text, [[0, text.length]])).toBe(text);
  });

  it('does not add a space at the start of a line, nor before HTML entities', () => {
    expect(fix('?')).toBe('?');
    expect(fix('! Attention')).toBe('! Attention');
    expect(fix('AT&amp;T')).toBe('AT&amp;T');
  });

  it('leaves four dots, numbers and Arabic punctuation alone', () => {
    expect(fix('....')).toBe('....');
    expect(fix('58,3 % et 1.5')).toBe('58,3 % et 1.5');
    expect(fix('هل انتهى؟ نعم؛')).toBe('هل انتهى؟ نعم؛');
  });
});
