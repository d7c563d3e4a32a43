import { create } from 'zustand';
import type { ArticleSummary, Language } from '../../../shared/domain/article';
import type { ListFilters } from '../../../shared/domain/listing';
import { call } from '../../bridge';

const PAGE = 100;

interface ArticlesState {
  items: ArticleSummary[];
  nextCursor: string | null;
  filters: ListFilters;
  /** undefined while counting: the count comes after the list, never before it. */
  count: number | undefined;
  loaded: boolean;
  loadingMore: boolean;
  error: string | undefined;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  setFilters(patch: Partial<ListFilters>): Promise<void>;
  create(language?: Language): Promise<string | undefined>;
}

/** Answers to an older refresh are dropped, so a filter change never shows the previous filter's list. */
let generation = 0;

/** The article list as main last reported it: keyset pages, loaded as the person scrolls. */
export const useArticlesStore = create<ArticlesState>((set, get) => ({
  items: [],
  nextCursor: null,
  filters: {},
  count: undefined,
  loaded: false,
  loadingMore: false,
  error: undefined,
  async refresh() {
    const mine = ++generation;
    const { filters, items } = get();
    // Keep what the person has scrolled through (up to a bound) so a refresh does not jump back to the top.
    const limit = Math.min(500, Math.max(PAGE, items.length));
    try {
      const page = await call('articles:page', { ...filters, limit });
      if (mine !== generation) return;
      set({ items: page.items, nextCursor: page.nextCursor, loaded: true, error: undefined });
      const { count } = await call('articles:count', filters);
      if (mine === generation) set({ count });
    } catch (error) {
      if (mine === generation) set({ error: (error as Error).message, loaded: true });
    }
  },
  async loadMore() {
    const { nextCursor, loadingMore, filters } = get();
    if (!nextCursor || loadingMore) return;
    const mine = generation;
    set({ loadingMore: true });
    try {
      const page = await call('articles:page', { ...filters, limit: PAGE, cursor: nextCursor });
      if (mine !== generation) return;
      set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ loadingMore: false });
    }
  },
  async setFilters(patch) {
    set((s) => ({ filters: { ...s.filters, ...patch }, items: [], count: undefined }));
    await get().refresh();
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
