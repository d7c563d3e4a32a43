import Italic from '@tiptap/extension-italic';

/** Ctrl/Cmd+I. */
export const BodyItalic = Italic;
