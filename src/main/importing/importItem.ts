import type { ArticleStatus, BodyDoc, FeaturedImage, Language } from '../../shared/domain/article';

/** One article as an import source describes it, before it has an id here. */
export interface ImportItem {
  /** Stable identity in its source (a WordPress guid, a JSON Lines id): re-imports match on it. */
  sourceKey: string;
  kicker: string;
  headline: string;
  standfirst: string;
  body: BodyDoc;
  status: ArticleStatus;
  language: Language;
  slug: string;
  section: string | null;
  tags: string[];
  authors: string[];
  featuredImage: FeaturedImage | null;
  createdAt: number;
  updatedAt: number;
  /**
   * The media ids of its photos (featured and in-text), when a source brings photos: a re-import fills them in
   * on an article it already has (photoFill.ts).
   */
  photos?: string[];
}
