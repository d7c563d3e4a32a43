import Bold from '@tiptap/extension-bold';

/** Ctrl/Cmd+B. */
export const BodyBold = Bold;
