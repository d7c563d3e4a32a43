import type { Article } from '../../shared/domain/article';
import type { UploadedMedia } from './mediaUploader';
import { inlineImages, type ImageSrc, type InlineImage } from './siteHtml';

/**
 * Puts every image of the body in the site's media library (each file once) and gives the resolver that points
 * the pushed HTML at their addresses there. An image that cannot be sent stops the push (never a post with a
 * picture pointing at this computer).
 */
export async function resolveInlineImages(
  article: Pick<Article, 'body'>,
  ensure: (image: InlineImage) => Promise<UploadedMedia>,
): Promise<{ src: ImageSrc; uploaded: Map<string, UploadedMedia> }> {
  const uploaded = new Map<string, UploadedMedia>();
  for (const image of inlineImages(article.body)) uploaded.set(image.mediaId, await ensure(image));
  return {
    uploaded,
    src: (mediaId) => {
      const media = uploaded.get(mediaId);
      if (!media) throw new Error(`Image ${mediaId} was not uploaded before the HTML was made.`);
      return media.url;
    },
  };
}
