import HardBreak from '@tiptap/extension-hard-break';

/** A line break inside a paragraph (Shift+Enter). */
export const BodyHardBreak = HardBreak;
