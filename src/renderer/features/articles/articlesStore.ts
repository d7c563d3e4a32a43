import { create } from 'zustand';
import type { ArticleSummary, Language } from '../../../shared/domain/article';
import { call } from '../../bridge';

interface ArticlesState {
  items: ArticleSummary[];
  loaded: boolean;
  error: string | undefined;
  refresh(): Promise<void>;
  create(language?: Language): Promise<string | undefined>;
}

/** The article list as main last reported it. */
export const useArticlesStore = create<ArticlesState>((set) => ({
  items: [],
  loaded: false,
  error: undefined,
  async refresh() {
    try {
      const items = await call('articles:list', {});
      set({ items, loaded: true, error: undefined });
    } catch (error) {
      set({ error: (error as Error).message, loaded: true });
    }
  },
  async create(language) {
    try {
      const article = await call('articles:create', { language });
      set((state) => ({
        items: [article, ...state.items.filter((a) => a.id !== article.id)],
        error: undefined,
      }));
      return article.id;
    } catch (error) {
      set({ error: (error as Error).message });
      return undefined;
    }
  },
}));
