import { create } from 'zustand';
import type { DeskCounts, DeskItem, DeskView } from '../../../shared/domain/desk';
import { call } from '../../bridge';
import { localDay } from './deskTime';

const PAGE = 50;

interface DeskState {
  /** undefined: the whole article list. */
  view: DeskView | undefined;
  items: DeskItem[];
  nextCursor: string | null;
  counts: DeskCounts | undefined;
  loaded: boolean;
  error: string | undefined;
  choose(view: DeskView | undefined): Promise<void>;
  refresh(): Promise<void>;
  refreshCounts(): Promise<void>;
  loadMore(): Promise<void>;
}

/** Answers to an older request are dropped, so switching views never shows the previous view's rows. */
let generation = 0;

/** The desk views and their counts. Counts come on their own channel so they never hold up a list. */
export const useDeskStore = create<DeskState>((set, get) => ({
  view: undefined,
  items: [],
  nextCursor: null,
  counts: undefined,
  loaded: false,
  error: undefined,
  async choose(view) {
    set({ view, items: [], nextCursor: null, loaded: false, error: undefined });
    await get().refresh();
  },
  async refresh() {
    const { view, items } = get();
    const mine = ++generation;
    if (!view) return;
    try {
      const limit = Math.min(500, Math.max(PAGE, items.length));
      const page = await call('desk:page', { view, ...localDay(), limit });
      if (mine !== generation) return;
      set({ items: page.items, nextCursor: page.nextCursor, loaded: true, error: undefined });
    } catch (error) {
      if (mine === generation) set({ error: (error as Error).message, loaded: true });
    }
  },
  async refreshCounts() {
    try {
      set({ counts: await call('desk:counts', localDay()) });
    } catch {
      // The counts are a help, not the list: the next change asks again.
    }
  },
  async loadMore() {
    const { view, nextCursor } = get();
    if (!view || !nextCursor) return;
    const mine = generation;
    try {
      const page = await call('desk:page', { view, ...localDay(), limit: PAGE, cursor: nextCursor });
      if (mine !== generation) return;
      set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
