import Underline from '@tiptap/extension-underline';

/** Ctrl/Cmd+U. */
export const BodyUnderline = Underline;
