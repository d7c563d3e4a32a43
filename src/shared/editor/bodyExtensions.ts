import type { Extensions } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';

/**
 * The body's schema, shared by the renderer's editor and by main (which validates what it stores and will
 * render the site's HTML from the same definition). Only nodes and marks: no DOM, no React, no behaviour.
 * Changing what a stored document may contain means bumping BODY_SCHEMA_VERSION and migrating.
 */
export const BODY_SCHEMA_VERSION = 1;

export const bodyExtensions: Extensions = [
  Document,
  Paragraph,
  Text,
  Bold,
  Italic,
  Heading.configure({ levels: [2, 3, 4] }),
  HardBreak,
];

export const EMPTY_BODY = { type: 'doc', content: [{ type: 'paragraph' }] } as const;
