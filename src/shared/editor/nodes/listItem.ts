import { ListItem } from '@tiptap/extension-list';

/** An item of either list: paragraphs, and nested lists (Tab / Shift+Tab). */
export const BodyListItem = ListItem;
