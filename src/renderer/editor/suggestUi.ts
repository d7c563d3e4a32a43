import { create } from 'zustand';
import { personOf, type PersonRef } from '../../shared/domain/people';
import { currentPerson } from '../features/comments/commentsStore';
import { useProfileStore } from '../features/profile/profileStore';

interface SuggestUiState {
  /** Every edit in the body is a suggestion while this is on. */
  suggesting: boolean;
  /** The author of suggestions: known before suggestion mode can be switched on, then follows the profile. */
  person: PersonRef | null;
  error: string | null;
  /** Why the last edit was not made (a block carries someone else's layout suggestion), until the next edit. */
  conflict: string | null;
  toggle(): Promise<void>;
}

export const useSuggestUi = create<SuggestUiState>((set, get) => ({
  suggesting: false,
  person: null,
  error: null,
  conflict: null,
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

// The profile can change while suggestion mode is on (a rename, a new colour in Settings, or someone else taking
// the desk): suggestions made from then on are signed by who uses the desk now, not by whoever switched the
// mode on. Main refuses a new suggestion signed by anyone but the desk's person.
useProfileStore.subscribe(({ profile }) => {
  const person = useSuggestUi.getState().person;
  if (!profile || !person) return;
  const now = personOf(profile);
  if (now.id !== person.id || now.name !== person.name || now.colour !== person.colour)
    useSuggestUi.setState({ person: now });
});
