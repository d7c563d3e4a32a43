import { Extension } from '@tiptap/core';
import {
  SUGGESTION_CONFLICT,
  plainInsertions,
  shouldSuggest,
  suggestTransaction,
  type SuggestionConflict,
} from '../../../shared/editor/suggestions/trackChanges';
import { startBodyComment } from '../commentAnchors';
import { useSuggestUi } from '../suggestUi';

export { SKIP_SUGGESTION } from '../../../shared/editor/suggestions/trackChanges';

/**
 * Suggestion mode (Ctrl/Cmd+Shift+E): while on, every edit of the body is rewritten before it lands so that
 * it is suggested instead of made (see shared/editor/suggestions). The
 * rewritten transaction is the one history records, so one undo takes back one suggested edit. Off, what is
 * typed or pasted is plain text even inside someone's suggestion (it never stretches theirs).
 * Also binds Ctrl/Cmd+Alt+M: comment on the selection.
 */
export const SuggestionMode = Extension.create({
  name: 'suggestionMode',
  dispatchTransaction({ transaction, next }) {
    const { suggesting, person } = useSuggestUi.getState();
    if (!shouldSuggest(transaction)) return next(transaction);
    if (!suggesting || !person) return next(plainInsertions(transaction));
    const tracked = suggestTransaction(this.editor.state, transaction, {
      person,
      now: Date.now(),
      newId: () => crypto.randomUUID(),
    });
    // A refused edit must not look like a key that did nothing: the Review bar says whose suggestion blocks it.
    const conflict = tracked.getMeta(SUGGESTION_CONFLICT) as SuggestionConflict | undefined;
    const said = useSuggestUi.getState().conflict;
    const now = conflict ? conflict.authorName : null;
    if (now !== said) useSuggestUi.setState({ conflict: now });
    next(tracked);
  },
  addKeyboardShortcuts() {
    const toggle = (): boolean => {
      void useSuggestUi.getState().toggle();
      return true;
    };
    return {
      'Mod-Shift-e': toggle,
      'Mod-Shift-E': toggle,
      'Mod-Alt-m': () => startBodyComment(this.editor),
    };
  },
});
