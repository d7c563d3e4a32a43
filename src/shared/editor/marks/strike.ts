import Strike from '@tiptap/extension-strike';

/** Strikethrough, Ctrl/Cmd+Shift+S. */
export const BodyStrike = Strike;
