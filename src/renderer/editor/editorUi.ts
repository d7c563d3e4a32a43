import type { Editor } from '@tiptap/core';
import { create } from 'zustand';

export type Panel = 'link' | 'embed' | 'help' | 'find';

interface EditorUiState {
  /** The live TipTap editor of the open body, for the toolbar and the panels. */
  editor: Editor | null;
  panel: Panel | null;
  setEditor(editor: Editor | null): void;
  openPanel(panel: Panel): void;
  closePanel(): void;
}

/** What the body's toolbar, dialogs and panels share. */
export const useEditorUi = create<EditorUiState>((set) => ({
  editor: null,
  panel: null,
  setEditor: (editor) => set({ editor }),
  openPanel: (panel) => set({ panel }),
  closePanel: () => set({ panel: null }),
}));
