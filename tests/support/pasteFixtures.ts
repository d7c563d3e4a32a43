import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PASTE_FIXTURES = ['word', 'libreoffice', 'google-docs', 'web-page', 'xss'] as const;
export type PasteFixture = (typeof PASTE_FIXTURES)[number];

/** Clipboard HTML in the shapes Word, LibreOffice, Google Docs and browsers put on the clipboard. */
export function pasteFixture(name: PasteFixture): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'paste', `${name}.html`), 'utf8');
}

/** What each fixture must become once cleaned (and what the editor then shows). */
export const CLEANED: Record<PasteFixture, string> = {
  word:
    '<h2>Crue de la Seine</h2>' +
    '<p>Le niveau de l’eau a atteint <strong>6,10 mètres</strong> à Paris, selon <em>Vigicrues</em>. Voir <a href="https://www.vigicrues.gouv.fr/">le site officiel</a>.</p>' +
    '<h2>Les mesures prises</h2>' +
    '<ul><li><p>Fermeture des quais</p><ul><li><p>rive gauche</p></li></ul></li><li><p>Évacuation des <strong>péniches</strong></p></li></ul>' +
    '<ol><li><p>Alerte rouge</p></li><li><p>Décrue attendue</p></li></ol>' +
    '<p>Fin.</p>',
  libreoffice:
    '<h2>Conseil municipal</h2>' +
    '<p>Le budget a été <strong>adopté</strong> par <em>32 voix</em> contre 11.</p>' +
    '<ul><li><p>Écoles rénovées</p></li><li><p>Pistes cyclables</p><ol><li><p>avenue Jean-Jaurès</p></li></ol></li></ul>' +
    '<p>Souligné et <a href="mailto:mairie@example.fr">écrire à la mairie</a>.</p>',
  'google-docs':
    '<h2>Sommet de l’Union africaine</h2>' +
    '<p>Les chefs d’État se sont réunis à <strong>Addis-Abeba</strong> pour un sommet <em>extraordinaire</em> (<a href="https://au.int/fr">site de l’UA</a>).</p>' +
    '<ul><li><p>Sécurité</p><ul><li><p>Sahel</p></li></ul></li><li><p><strong>Commerce</strong></p></li></ul>' +
    '<ol><li><p>Ouverture</p></li></ol>',
  'web-page':
    '<h2>Les vendanges commencent</h2>' +
    '<p>Dans le Bordelais, <strong>les premiers raisins</strong> ont été coupés <em>lundi</em>, <a href="https://www.example.org/vendanges?utm_source=x">selon la chambre d’agriculture</a>.</p>' +
    '<p><a href="https://www.example.org/en-continu">En continu</a> et lien piégé.</p>' +
    '<p>Photo AFP</p>' +
    '<h3>Une récolte précoce</h3>' +
    '<ul><li><p>Merlot</p></li><li><p>Cabernet <strong>sauvignon</strong></p></li></ul>' +
    '<p>Fin du texte.</p>',
  xss: '<p>Avant</p><p>cliquez encore données espace</p><p>Après</p><p>Fin</p>',
};
