import { isStylesheetPath } from '../../shared/domain/preview';
import { AppError } from '../core/errors';
import type { ArticleService } from '../articles/articleService';
import { renderPreview } from './previewDocument';
import type { MediaStore } from '../media/mediaStore';
import type { SiteService } from './siteService';

/** The Preview view's data: the article rendered by the same generator the push uses. */
export function createPreviewService(
  articles: ArticleService,
  sites: SiteService,
  media: Pick<MediaStore, 'has'>,
  now: () => number = Date.now,
) {
  return {
    render(id: string, stylesheet: string) {
      if (!isStylesheetPath(stylesheet))
        throw new AppError('invalid_input', 'The preview stylesheet must be a path on Redac’s own origin.');
      const article = articles.get(id);
      const site = sites.list()[0];
      return renderPreview(article, {
        stylesheet,
        siteName: site?.name ?? 'Redac',
        siteUrl: site?.url,
        date: now(),
        hasMedia: (mediaId) => media.has(mediaId),
      });
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
