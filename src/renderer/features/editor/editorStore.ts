import { create } from 'zustand';
import { ArticleFields, type Article } from '../../../shared/domain/article';
import { call, IpcError } from '../../bridge';
import { createAutosaver, type Autosaver, type Draft, type SaveState } from './autosaver';

interface EditorState {
  /** The article as last loaded or saved. */
  article: Article | undefined;
  /** What the person sees, saved or not. */
  draft: Draft | undefined;
  /** Bumped when the editor must show content it did not type itself (another version loaded). */
  contentKey: number;
  loading: boolean;
  error: string | undefined;
  saveState: SaveState;
  open(id: string): Promise<void>;
  /** Any edit to any field: the autosaver sends the whole draft shortly after. */
  change(patch: Partial<Draft>): void;
  flush(): Promise<void>;
  hasUnsaved(): boolean;
  keepMine(): Promise<void>;
  loadTheirs(): Promise<void>;
  /** Another window or desk saved this article: follow it when nothing here is unsaved. */
  noticeRemoteChange(id: string, revision: number): Promise<void>;
}

let autosaver: Autosaver | undefined;

/** The editable fields of an article, without its ids, times and display labels. */
const fieldsOf = (article: Article): Draft => ArticleFields.parse(article);

export const useEditorStore = create<EditorState>((set, get) => {
  function startAutosaver(article: Article): void {
    autosaver?.stop();
    const id = article.id;
    autosaver = createAutosaver({
      baseRevision: article.revision,
      save: (fields, baseRevision) => call('articles:save', { id, baseRevision, fields }),
      isConflict: (error) => error instanceof IpcError && error.code === 'conflict',
      onState: (saveState) => {
        if (get().article?.id === id) set({ saveState });
      },
      onSaved: (saved) => {
        if (get().article?.id === id) set({ article: saved });
      },
    });
  }

  function show(article: Article): void {
    startAutosaver(article);
    set((state) => ({
      article,
      draft: fieldsOf(article),
      contentKey: state.contentKey + 1,
      loading: false,
      error: undefined,
      saveState: { kind: 'saved', at: article.updatedAt },
    }));
  }

  return {
    article: undefined,
    draft: undefined,
    contentKey: 0,
    loading: false,
    error: undefined,
    saveState: { kind: 'saved', at: 0 },
    async open(id) {
      if (get().article?.id === id) return;
      await autosaver?.flush();
      set({ loading: true, error: undefined });
      try {
        show(await call('articles:get', { id }));
      } catch (error) {
        set({ loading: false, error: (error as Error).message });
      }
    },
    change(patch) {
      const draft = get().draft;
      if (!draft) return;
      const next = { ...draft, ...patch };
      set({ draft: next });
      autosaver?.change(next);
    },
    flush: async () => autosaver?.flush(),
    hasUnsaved: () => autosaver?.hasUnsaved() ?? false,
    async keepMine() {
      const article = get().article;
      if (!article || !autosaver) return;
      const current = await call('articles:get', { id: article.id });
      autosaver.resolveConflict(current.revision);
    },
    async loadTheirs() {
      const article = get().article;
      if (!article) return;
      show(await call('articles:get', { id: article.id }));
    },
    async noticeRemoteChange(id, revision) {
      const article = get().article;
      if (!article || article.id !== id || revision <= article.revision || autosaver?.hasUnsaved()) return;
      const fresh = await call('articles:get', { id });
      if (fresh.revision > (get().article?.revision ?? 0) && !autosaver?.hasUnsaved()) show(fresh);
    },
  };
});
