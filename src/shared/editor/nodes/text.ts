import Text from '@tiptap/extension-text';

export const BodyText = Text;
