import { create } from 'zustand';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { HistoryEntry, MoveFinding, MovePush, WorkflowView } from '../../../shared/domain/desk';
import type { PersonRef } from '../../../shared/domain/people';
import type { Priority } from '../../../shared/domain/workflow';
import type { FieldDiff } from '../../../shared/domain/revision';
import { call } from '../../bridge';
import { useEditorStore } from '../editor/editorStore';

interface WorkflowState {
  articleId: string | undefined;
  view: WorkflowView | undefined;
  history: HistoryEntry[];
  people: PersonRef[];
  note: string;
  busy: boolean;
  error: string | undefined;
  changes: { from: number; to: number; diff: FieldDiff[] } | undefined;
  /** When a Schedule move puts the article live (datetime-local, this computer's time). */
  goLiveAt: string;
  /** A Publish or Schedule the checklist held back: nothing changed; with warnings only it can be asked again. */
  held: { to: ArticleStatus; findings: MoveFinding[] } | undefined;
  /** What the last Publish or Schedule did on the sites. */
  sent: { to: ArticleStatus; pushes: MovePush[]; unlinked: boolean } | undefined;
  load(articleId: string | undefined): Promise<void>;
  setNote(note: string): void;
  setGoLiveAt(value: string): void;
  transition(to: ArticleStatus, options?: { acceptWarnings?: boolean }): Promise<void>;
  assign(assigneeId: string | null, deadline: number | null, priority: Priority): Promise<void>;
  showChanges(): Promise<void>;
  hideChanges(): void;
}

/** The open article's workflow: status, allowed moves, assignment, history, and the changes since submitted. */
export const useWorkflowStore = create<WorkflowState>((set, get) => {
  async function guarded(run: () => Promise<void>): Promise<void> {
    set({ busy: true, error: undefined });
    try {
      await run();
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ busy: false });
    }
  }

  return {
    articleId: undefined,
    view: undefined,
    history: [],
    people: [],
    note: '',
    busy: false,
    error: undefined,
    changes: undefined,
    goLiveAt: '',
    held: undefined,
    sent: undefined,
    async load(articleId) {
      if (articleId !== get().articleId)
        set({
          articleId,
          view: undefined,
          history: [],
          note: '',
          error: undefined,
          held: undefined,
          sent: undefined,
        });
      if (!articleId) return;
      try {
        const [view, history, people] = await Promise.all([
          call('workflow:get', { articleId }),
          call('workflow:history', { articleId }),
          call('people:list', {}),
        ]);
        if (get().articleId === articleId) set({ view, history, people });
      } catch (error) {
        if (get().articleId === articleId) set({ error: (error as Error).message });
      }
    },
    setNote: (note) => set({ note }),
    setGoLiveAt: (goLiveAt) => set({ goLiveAt }),
    async transition(to, options = {}) {
      set({ held: undefined, sent: undefined });
      await guarded(async () => {
        const editor = useEditorStore.getState();
        // The move is made on what the writer sees: save it first, then move that revision.
        await editor.flush();
        const article = useEditorStore.getState().article;
        if (!article) return;
        const when = get().goLiveAt;
        const result = await call('workflow:transition', {
          articleId: article.id,
          to,
          baseRevision: article.revision,
          note: get().note,
          ...(to === 'scheduled' && when ? { scheduledAt: new Date(when).getTime() } : {}),
          ...(options.acceptWarnings ? { acceptWarnings: true } : {}),
        });
        if (result.outcome === 'held') return set({ held: { to, findings: result.findings } });
        const moved = result.article;
        set({
          note: '',
          sent:
            result.pushes.length || result.unlinked
              ? { to, pushes: result.pushes, unlinked: result.unlinked }
              : undefined,
        });
        await useEditorStore.getState().noticeRemoteChange(moved.id, moved.revision);
        await get().load(moved.id);
      });
    },
    async assign(assigneeId, deadline, priority) {
      const articleId = get().articleId;
      if (!articleId) return;
      await guarded(async () => {
        const view = await call('workflow:assign', { articleId, assigneeId, deadline, priority });
        set({ view });
        await get().load(articleId);
      });
    },
    async showChanges() {
      await guarded(async () => {
        const editor = useEditorStore.getState();
        await editor.flush();
        const article = useEditorStore.getState().article;
        const from = get().view?.submittedRevision;
        if (!article || from === null || from === undefined) return;
        const diff = await call('revisions:compare', { articleId: article.id, from, to: article.revision });
        set({ changes: { from, to: article.revision, diff } });
      });
    },
    hideChanges: () => set({ changes: undefined }),
  };
});
