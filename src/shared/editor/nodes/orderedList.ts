import { OrderedList } from '@tiptap/extension-list';

/** Numbered list (Ctrl/Cmd+Shift+7). */
export const BodyOrderedList = OrderedList;
