import { create } from 'zustand';
import type { FieldDiff, RevisionSummary } from '../../../shared/domain/revision';
import { call } from '../../bridge';
import { useEditorStore } from '../editor/editorStore';

interface HistoryState {
  open: boolean;
  revisions: RevisionSummary[];
  from: number | undefined;
  to: number | undefined;
  diff: FieldDiff[] | undefined;
  error: string | undefined;
  notice: string | undefined;
  show(): Promise<void>;
  hide(): void;
  pick(which: 'from' | 'to', revision: number): Promise<void>;
  restore(revision: number): Promise<void>;
}

/** The open article's revisions, the two being compared and their diff. */
export const useHistoryStore = create<HistoryState>((set, get) => {
  async function compare(): Promise<void> {
    const id = useEditorStore.getState().article?.id;
    const { from, to } = get();
    if (!id || from === undefined || to === undefined) return;
    try {
      set({ diff: await call('revisions:compare', { articleId: id, from, to }) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  }

  return {
    open: false,
    revisions: [],
    from: undefined,
    to: undefined,
    diff: undefined,
    error: undefined,
    notice: undefined,
    async show() {
      const editor = useEditorStore.getState();
      const id = editor.article?.id;
      if (!id) return;
      // What is on screen is saved first, so the newest revision is what the writer sees.
      await editor.flush();
      set({ open: true, error: undefined, notice: undefined, diff: undefined });
      try {
        const revisions = await call('revisions:list', { articleId: id });
        set({
          revisions,
          to: revisions[0]?.revision,
          from: revisions[1]?.revision ?? revisions[0]?.revision,
        });
        await compare();
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    hide: () => set({ open: false }),
    async pick(which, revision) {
      set({ [which]: revision } as Pick<HistoryState, 'from' | 'to'>);
      await compare();
    },
    async restore(revision) {
      const editor = useEditorStore.getState();
      const article = editor.article;
      if (!article) return;
      try {
        await editor.flush();
        const current = useEditorStore.getState().article ?? article;
        await call('revisions:restore', { articleId: article.id, revision, baseRevision: current.revision });
        await editor.open(article.id);
        set({ notice: revision.toString() });
        await get().show();
        set({ notice: revision.toString() });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
  };
});
