import { generateHTML, generateJSON } from '@tiptap/html/server';
import type { BodyDoc } from '../../shared/domain/article';
import { bodyExtensions } from '../../shared/editor/bodyExtensions';

/**
 * The body as HTML and back, through the one editor schema: what the preview shows, what publishing sends and
 * how remote or imported HTML comes in (anything the schema does not know is dropped on the way in).
 * Runs in main, without a browser (happy-dom stands in for the DOM).
 */
export function bodyToHtml(body: BodyDoc): string {
  return generateHTML(body, bodyExtensions);
}

export function htmlToBody(html: string): BodyDoc {
  return generateJSON(html, bodyExtensions) as BodyDoc;
}
