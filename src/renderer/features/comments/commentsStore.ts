import { create } from 'zustand';
import type { CommentAnchor } from '../../../shared/domain/comments';
import i18next from 'i18next';
import { personOf, type PersonRef } from '../../../shared/domain/people';
import type { ThreadView } from '../../../shared/domain/threadView';
import { call } from '../../bridge';
import { useProfileStore } from '../profile/profileStore';

/** What the composer is about to comment on; a body comment remembers the selected range and its text. */
export interface Draft {
  anchor: CommentAnchor;
  quote: string;
  range?: { from: number; to: number };
}

interface CommentsState {
  articleId: string | undefined;
  threads: ThreadView[];
  error: string | null;
  composing: Draft | null;
  /** The thread whose text was last selected from the panel. */
  activeId: string | null;
  load(articleId: string | undefined): Promise<void>;
  compose(draft: Draft | null): void;
  setActive(id: string | null): void;
  create(text: string): Promise<string | undefined>;
  reply(threadId: string, text: string): Promise<void>;
  resolve(threadId: string): Promise<void>;
  reopen(threadId: string): Promise<void>;
}

/** The open article's comment threads, as main lists them (document order, detached flagged). */
export const useCommentsStore = create<CommentsState>((set, get) => {
  async function act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      set({ error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
    await get().load(get().articleId);
  }
  return {
    articleId: undefined,
    threads: [],
    error: null,
    composing: null,
    activeId: null,
    async load(articleId) {
      if (articleId !== get().articleId) set({ articleId, threads: [], composing: null, activeId: null });
      if (!articleId) return;
      try {
        const threads = await call('comments:list', { articleId });
        if (get().articleId === articleId) set({ threads });
      } catch (error) {
        set({ error: (error as Error).message });
      }
    },
    compose: (composing) => set({ composing }),
    setActive: (activeId) => set({ activeId }),
    async create(text) {
      const { articleId, composing } = get();
      if (!articleId || !composing) return undefined;
      let id: string | undefined;
      await act(async () => {
        const thread = await call('comments:create', {
          articleId,
          anchor: composing.anchor,
          quote: composing.quote,
          text,
        });
        id = thread.id;
        set({ composing: null });
      });
      return id;
    },
    reply: (threadId, text) => act(() => call('comments:reply', { threadId, text })),
    resolve: (threadId) => act(() => call('comments:resolve', { threadId })),
    reopen: (threadId) => act(() => call('comments:reopen', { threadId })),
  };
});

/**
 * Who is using this desk, for the author of suggestions made in the editor: the profile as main has it now
 * (Settings in another window may have changed it), read when suggestion mode is switched on. Main signs
 * comments itself and never trusts this.
 */
export async function currentPerson(): Promise<PersonRef> {
  await useProfileStore.getState().load();
  const { profile, error } = useProfileStore.getState();
  if (!profile) throw new Error(error ?? i18next.t('comments.noProfile'));
  return personOf(profile);
}
