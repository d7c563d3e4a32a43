import { useEffect } from 'react';
import { useSearchStore } from './searchStore';

/** Ctrl+K (Cmd+K on a Mac) opens the search from anywhere, even while typing in the editor. */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      event.preventDefault();
      useSearchStore.getState().setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
