import { create } from 'zustand';
import type { ArticleStatus, Language } from '../../../shared/domain/article';
import type { SearchHit, SearchProgress } from '../../../shared/domain/search';
import { call } from '../../bridge';

export interface SearchFilters {
  status: ArticleStatus | undefined;
  language: Language | undefined;
  /** yyyy-mm-dd as the date inputs give them, '' for none. */
  from: string;
  to: string;
}

interface SearchState {
  open: boolean;
  query: string;
  sort: 'relevance' | 'date';
  filters: SearchFilters;
  hits: SearchHit[];
  nextCursor: string | null;
  /** undefined while counting: the count comes after the first page, never before it. */
  count: number | undefined;
  loading: boolean;
  error: string | undefined;
  rebuild: SearchProgress | undefined;
  setOpen(open: boolean): void;
  setQuery(query: string): void;
  setSort(sort: 'relevance' | 'date'): void;
  setFilters(patch: Partial<SearchFilters>): void;
  more(): Promise<void>;
  startRebuild(): Promise<void>;
  cancelRebuild(): Promise<void>;
  noteProgress(progress: SearchProgress): void;
}

const DEBOUNCE_MS = 150;
const PAGE = 30;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Each run gets a number; answers to older runs are dropped, so fast typing never shows stale results. */
let generation = 0;

const dayStart = (day: string): number | undefined =>
  day ? new Date(`${day}T00:00:00`).getTime() : undefined;
const dayEnd = (day: string): number | undefined =>
  day ? new Date(`${day}T00:00:00`).getTime() + 86_400_000 - 1 : undefined;

export const useSearchStore = create<SearchState>((set, get) => {
  function request() {
    const { query, filters } = get();
    return {
      query,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.language ? { language: filters.language } : {}),
      ...(filters.from ? { from: dayStart(filters.from) } : {}),
      ...(filters.to ? { to: dayEnd(filters.to) } : {}),
    };
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    const base = request();
    set({ loading: true, error: undefined });
    try {
      const page = await call('search:query', { ...base, sort: get().sort, limit: PAGE });
      if (mine !== generation) return;
      set({ hits: page.hits, nextCursor: page.nextCursor, loading: false, count: undefined });
      const { count } = await call('search:count', base);
      if (mine === generation) set({ count });
    } catch (error) {
      if (mine === generation) set({ error: (error as Error).message, loading: false, hits: [], count: 0 });
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  }

  return {
    open: false,
    query: '',
    sort: 'relevance',
    filters: { status: undefined, language: undefined, from: '', to: '' },
    hits: [],
    nextCursor: null,
    count: 0,
    loading: false,
    error: undefined,
    rebuild: undefined,
    setOpen: (open) => set({ open }),
    setQuery(query) {
      set({ query });
      schedule();
    },
    setSort(sort) {
      set({ sort });
      schedule();
    },
    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch } }));
      schedule();
    },
    async more() {
      const { nextCursor, sort } = get();
      if (!nextCursor) return;
      const mine = generation;
      try {
        const page = await call('search:query', { ...request(), sort, limit: PAGE, cursor: nextCursor });
        if (mine === generation)
          set((s) => ({ hits: [...s.hits, ...page.hits], nextCursor: page.nextCursor }));
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    async startRebuild() {
      try {
        set({ rebuild: await call('search:rebuild', {}) });
        schedule();
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    async cancelRebuild() {
      await call('search:cancelRebuild', {});
    },
    noteProgress: (rebuild) => set({ rebuild }),
  };
});
