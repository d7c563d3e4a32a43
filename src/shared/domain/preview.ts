import { z } from 'zod';
import { Language } from './article';
import { MediaId } from './media';

/** What the Preview view shows: the site's page, and how search engines and social networks will show it. */
export const ArticlePreview = z.object({
  /** A whole HTML document for a sandboxed frame (its own CSP: no script). */
  document: z.string(),
  /** The post content exactly as publishing sends it. */
  bodyHtml: z.string(),
  direction: z.enum(['ltr', 'rtl']),
  language: Language,
  snippet: z.object({ title: z.string(), url: z.string(), description: z.string() }),
  card: z.object({
    siteName: z.string(),
    title: z.string(),
    description: z.string(),
    imageAlt: z.string().nullable(),
    /** The featured photo in the media store (the same file the page shows); null when there is none. */
    imageMediaId: MediaId.nullable(),
  }),
});
export type ArticlePreview = z.infer<typeof ArticlePreview>;

/** Where the renderer's build put the template's stylesheet; main checks it is a path on our own origin. */
export const StylesheetPath = z.string().min(1).max(300);

/** A same-origin path ending in .css: nothing that could load from elsewhere. */
export function isStylesheetPath(path: string): boolean {
  return /^\/[A-Za-z0-9_./-]+\.css$/.test(path) && !path.includes('//') && !path.includes('..');
}
