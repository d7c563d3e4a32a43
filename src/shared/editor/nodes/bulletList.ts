import { BulletList } from '@tiptap/extension-list';

/** Bulleted list (Ctrl/Cmd+Shift+8). */
export const BodyBulletList = BulletList;
