import { create } from 'zustand';
import type { PersonRef } from '../../shared/domain/people';
import { currentPerson } from '../features/comments/commentsStore';

interface SuggestUiState {
  /** Every edit in the body is a suggestion while this is on. */
  suggesting: boolean;
  /** The author of suggestions: known before suggestion mode can be switched on. */
  person: PersonRef | null;
  error: string | null;
  toggle(): Promise<void>;
}

export const useSuggestUi = create<SuggestUiState>((set, get) => ({
  suggesting: false,
  person: null,
  error: null,
  async toggle() {
    if (get().suggesting) return set({ suggesting: false });
    try {
      const person = await currentPerson();
      set({ person, suggesting: true, error: null });
    } catch (error) {
      // Without an author there is no suggestion: the mode stays off rather than recording anonymous edits.
      set({ error: (error as Error).message });
    }
  },
}));
