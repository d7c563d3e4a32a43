import type { FeaturedImage, PmNode } from '../../shared/domain/article';
import { bodyText, foldForIndex } from './searchText';

/**
 * The folded texts of an article's index row: everything of it that needs neither a database id nor a term
 * id, so an import can make it away from the thread that writes (importing/preparedItem.ts).
 */
export interface IndexText {
  kicker: string;
  headline: string;
  standfirst: string;
  body: string;
  captions: string;
}

export function captionOf(image: Partial<FeaturedImage> | null): string {
  if (!image) return '';
  return [image.caption, image.credit, image.alt].filter(Boolean).join(' ');
}

/** Folds the texts as they are (a body already made plain text, captions already joined). */
export function foldIndexText(text: IndexText): IndexText {
  return {
    kicker: foldForIndex(text.kicker),
    headline: foldForIndex(text.headline),
    standfirst: foldForIndex(text.standfirst),
    body: foldForIndex(text.body),
    captions: foldForIndex(text.captions),
  };
}

/** The folded texts of an article from the values in hand: its body as a tree, its featured image. */
export function indexTextOf(values: {
  kicker: string;
  headline: string;
  standfirst: string;
  body: PmNode;
  featuredImage: FeaturedImage | null;
}): IndexText {
  return foldIndexText({
    kicker: values.kicker,
    headline: values.headline,
    standfirst: values.standfirst,
    body: bodyText(values.body),
    captions: captionOf(values.featuredImage),
  });
}
