import type { Language } from '../domain/article';

/**
 * How a photo's credit is written next to its caption. WordPress has no credit field, so the credit travels in
 * the media's caption, and the body's figure captions read the same way on a theme that has none of our CSS.
 * The preview uses these very strings: what the reader sees on the site is what the preview showed.
 */
const CREDIT_LABEL: Record<Language, string> = {
  fr: 'Photo\u00a0: ',
  ar: 'تصوير: ',
  en: 'Photo: ',
};

/** Between caption and credit when both are there. */
export const CAPTION_CREDIT_SEPARATOR = ' — ';

export interface CaptionParts {
  caption: string;
  /** What goes between the caption and the credit's name (separator and label); '' without a credit. */
  joiner: string;
  credit: string;
}

export function captionParts(caption: string, credit: string, language: Language): CaptionParts {
  const c = caption.trim();
  const who = credit.trim();
  if (!who) return { caption: c, joiner: '', credit: '' };
  return { caption: c, joiner: `${c ? CAPTION_CREDIT_SEPARATOR : ''}${CREDIT_LABEL[language]}`, credit: who };
}

/** The one caption text a photo carries to the site: "Caption — Photo : Credit". */
export function photoCaption(caption: string, credit: string, language: Language): string {
  const p = captionParts(caption, credit, language);
  return `${p.caption}${p.joiner}${p.credit}`;
}

/** The caption and credit back from a media library caption written by photoCaption (all caption when no label). */
export function splitPhotoCaption(text: string, language: Language): { caption: string; credit: string } {
  const label = CREDIT_LABEL[language];
  const joined = text.lastIndexOf(`${CAPTION_CREDIT_SEPARATOR}${label}`);
  if (joined >= 0)
    return {
      caption: text.slice(0, joined).trim(),
      credit: text.slice(joined + CAPTION_CREDIT_SEPARATOR.length + label.length).trim(),
    };
  if (text.startsWith(label)) return { caption: '', credit: text.slice(label.length).trim() };
  return { caption: text.trim(), credit: '' };
}
