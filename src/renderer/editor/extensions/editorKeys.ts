import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { useEditorUi } from '../editorUi';

let plainUntil = 0;

/**
 * The editor's own shortcuts that open panels (Ctrl/Cmd+K link, Ctrl/Cmd+/ help, Ctrl/Cmd+F find), and
 * Ctrl/Cmd+Shift+V: the next paste is plain text, whatever the clipboard holds.
 */
export const EditorKeys = Extension.create({
  name: 'editorKeys',
  // Ahead of the marks' keymaps: Bold binds Mod-B (for Caps Lock), which would also catch Mod-Shift-B.
  priority: 1000,
  addKeyboardShortcuts() {
    const open = (panel: 'link' | 'help' | 'find') => () => {
      useEditorUi.getState().openPanel(panel);
      return true;
    };
    return {
      'Mod-k': open('link'),
      'Mod-/': open('help'),
      'Mod-f': open('find'),
      'Mod-y': () => this.editor.commands.redo(),
      'Mod-Shift-b': () => this.editor.commands.toggleBlockquote(),
      'Mod-Shift-B': () => this.editor.commands.toggleBlockquote(),
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('plainPaste'),
        props: {
          handleKeyDown(_view, event) {
            if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'v')
              plainUntil = Date.now() + 1000;
            return false;
          },
          handlePaste(view, event) {
            if (Date.now() > plainUntil) return false;
            plainUntil = 0;
            const text = event.clipboardData?.getData('text/plain');
            if (text === undefined) return false;
            view.pasteText(text, event);
            return true;
          },
        },
      }),
    ];
  },
});
