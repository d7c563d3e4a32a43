import Document from '@tiptap/extension-document';

/** The body: a sequence of blocks. */
export const BodyDocument = Document;
