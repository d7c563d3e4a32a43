import type { FeaturedImage, PmNode } from '../../shared/domain/article';

/** A section, tag or author as a writer holds it: its id, and its name as stored. */
export interface NamedTerm {
  id: number;
  name: string;
}

/**
 * An article as a writer (a save, the importer) just wrote it, with its body as a tree and its terms as
 * stored: what the search index takes without reading the row back.
 */
export interface WrittenArticle {
  id: string;
  kicker: string;
  headline: string;
  standfirst: string;
  body: PmNode;
  featuredImage: FeaturedImage | null;
  status: string;
  language: string;
  sectionId: number | null;
  tags: readonly NamedTerm[];
  authors: readonly NamedTerm[];
  updatedAt: number;
}
