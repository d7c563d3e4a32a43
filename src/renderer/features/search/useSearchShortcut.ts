import { useEffect } from 'react';
import { useSearchStore } from './searchStore';

/** Whether the key event comes from the article body, where Ctrl/Cmd+K makes a link, as in every word processor. */
function fromBody(event: KeyboardEvent): boolean {
  return event.target instanceof Element && event.target.closest('.ProseMirror') !== null;
}

/**
 * Ctrl+K (Cmd+K on a Mac) opens the search from anywhere but the body, where it makes a link;
 * Ctrl/Cmd+Shift+K opens it from everywhere, the body included.
 */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (!event.shiftKey && fromBody(event)) return;
      event.preventDefault();
      useSearchStore.getState().setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
