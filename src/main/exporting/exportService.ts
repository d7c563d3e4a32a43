import type { Article } from '../../shared/domain/article';
import type { SearchQuery } from '../../shared/domain/search';
import type { ArticleService } from '../articles/articleService';
import { AppError } from '../core/errors';
import type { SearchService } from '../search/searchService';

export const EXPORT_MAX = 1000;

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** Exports one article, a selection or a search result as ninjs 2.0 JSON or as HTML. */
export function createExportService(articles: ArticleService, search: SearchService) {
  function idsOfSearch(query: SearchQuery): string[] {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = search.search({ ...query, sort: 'date', limit: 100, cursor });
      ids.push(...page.hits.map((h) => h.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && ids.length < EXPORT_MAX);
    return ids.slice(0, EXPORT_MAX);
  }

  return {
    /** Async because the HTML renderer (happy-dom) is loaded on the first export, not at start-up. */
    async export(input: {
      ids?: string[] | undefined;
      search?: SearchQuery | undefined;
      format: 'ninjs' | 'html';
    }): Promise<ExportFile> {
      const ids = input.ids ?? (input.search ? idsOfSearch(input.search) : []);
      if (ids.length === 0)
        throw new AppError('invalid_input', 'Nothing to export: choose articles or a search.');
      const list: Article[] = ids.map((id) => articles.get(id));
      const stamp = new Date().toISOString().slice(0, 10);
      if (input.format === 'html') {
        const { articlesToHtmlDocument } = await import('./articleHtml');
        return {
          filename: `redac-${stamp}.html`,
          mimeType: 'text/html',
          content: articlesToHtmlDocument(list),
        };
      }
      const { toNinjs } = await import('./ninjs');
      const items = list.map(toNinjs);
      return {
        filename:
          list.length === 1 ? `${list[0]!.slug || list[0]!.id}.ninjs.json` : `redac-${stamp}.ninjs.json`,
        mimeType: 'application/json',
        // One item is a ninjs document; several are a JSON array of ninjs documents.
        content: JSON.stringify(items.length === 1 ? items[0] : items, null, 2),
      };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
