import Blockquote from '@tiptap/extension-blockquote';

/** A quoted passage (Ctrl/Cmd+Shift+B). */
export const BodyBlockquote = Blockquote;
