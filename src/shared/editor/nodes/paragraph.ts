import Paragraph from '@tiptap/extension-paragraph';

/** Paragraph (Ctrl/Cmd+Alt+0 turns a heading back into one). */
export const BodyParagraph = Paragraph;
