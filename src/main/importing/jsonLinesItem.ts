import { z } from 'zod';
import { ArticleStatus, BodyDoc, Language } from '../../shared/domain/article';
import type { ImportItem } from './importItem';

const When = z.union([
  z.number().int().nonnegative(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

/** One line of a JSON Lines import: an article with names (not ids) for its section, tags and authors. */
export const JsonLine = z
  .object({
    id: z.union([z.string().min(1).max(200), z.number().int()]),
    headline: z.string().max(1000).default(''),
    kicker: z.string().max(300).default(''),
    standfirst: z.string().max(4000).default(''),
    body: BodyDoc.optional(),
    body_html: z.string().optional(),
    status: ArticleStatus.default('draft'),
    language: Language.default('fr'),
    slug: z.string().max(200).default(''),
    section: z.string().max(200).nullable().default(null),
    tags: z.array(z.string().max(200)).max(100).default([]),
    authors: z.array(z.string().max(200)).max(20).default([]),
    created_at: When,
    updated_at: When.optional(),
  })
  .refine(
    (line) => line.body !== undefined || line.body_html !== undefined,
    'Either body or body_html is needed.',
  );

export function jsonLineToImport(
  text: string,
  toBody: (html: string) => BodyDoc,
): { item: ImportItem } | { reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { reason: `Not JSON: ${(error as Error).message}` };
  }
  const parsed = JsonLine.safeParse(raw);
  if (!parsed.success) {
    return {
      reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
    };
  }
  const line = parsed.data;
  return {
    item: {
      sourceKey: `jsonl:${line.id}`,
      kicker: line.kicker,
      headline: line.headline,
      standfirst: line.standfirst,
      body: line.body ?? toBody(line.body_html ?? ''),
      status: line.status,
      language: line.language,
      slug: line.slug,
      section: line.section,
      tags: line.tags,
      authors: line.authors,
      featuredImage: null,
      createdAt: line.created_at,
      updatedAt: line.updated_at ?? line.created_at,
    },
  };
}
