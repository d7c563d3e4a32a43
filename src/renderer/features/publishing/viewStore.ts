import { create } from 'zustand';

export type PublishingView = 'editor' | 'sites' | 'preview' | 'sync';

interface ViewState {
  view: PublishingView;
  show(view: PublishingView): void;
}

/** Which screen the main area shows: the article (the editor's), or one of the publishing screens. */
export const useViewStore = create<ViewState>((set) => ({
  view: 'editor',
  show: (view) => set({ view }),
}));
