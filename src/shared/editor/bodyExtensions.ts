import type { Extensions } from '@tiptap/core';
import { BodyBlockDirection } from './extensions/blockDirection';
import { BodyBlockSuggestion } from './extensions/blockSuggestion';
import { BodyBold } from './marks/bold';
import { BodyComment } from './marks/comment';
import { BodyItalic } from './marks/italic';
import { BodyLink } from './marks/link';
import { BodyStrike } from './marks/strike';
import { BodySuggestionDelete } from './marks/suggestionDelete';
import { BodySuggestionFormat } from './marks/suggestionFormat';
import { BodySuggestionInsert } from './marks/suggestionInsert';
import { BodySuperscript } from './marks/superscript';
import { BodyUnderline } from './marks/underline';
import { BodyBlockquote } from './nodes/blockquote';
import { BodyBulletList } from './nodes/bulletList';
import { BodyDocument } from './nodes/document';
import { BodyEmbed } from './nodes/embed';
import { BodyHardBreak } from './nodes/hardBreak';
import { BodyHeading } from './nodes/heading';
import { BodyHorizontalRule } from './nodes/horizontalRule';
import { BodyImage } from './nodes/image';
import { BodyListItem } from './nodes/listItem';
import { BodyOrderedList } from './nodes/orderedList';
import { BodyParagraph } from './nodes/paragraph';
import { BodyPullQuote } from './nodes/pullQuote';
import { BodyPullQuoteAttribution } from './nodes/pullQuoteAttribution';
import { BodyPullQuoteText } from './nodes/pullQuoteText';
import { BodyText } from './nodes/text';

/**
 * The body's schema, shared by the renderer's editor and by main (which validates what it stores and renders
 * the site's HTML from the same definition). One node, mark or extension per file in nodes/, marks/ and
 * extensions/; no DOM, no React. The order matters: it is the order of the parse rules and of the marks
 * (outermost first) in the rendered HTML.
 * Changing what a stored document may contain means bumping BODY_SCHEMA_VERSION and adding a step to
 * bodyMigrations.ts.
 */
export const BODY_SCHEMA_VERSION = 5;

/** Nodes: the document and its blocks, then what goes inside them. */
export const bodyNodes: Extensions = [
  BodyDocument,
  BodyParagraph,
  BodyText,
  BodyHeading,
  BodyBlockquote,
  BodyBulletList,
  BodyOrderedList,
  BodyListItem,
  BodyPullQuote,
  BodyPullQuoteText,
  BodyPullQuoteAttribution,
  BodyImage,
  BodyEmbed,
  BodyHorizontalRule,
  BodyHardBreak,
];

/**
 * Marks, outermost first: a link wraps bold text, not the reverse. Review marks (comment anchors, then
 * suggestions) wrap everything else, so removing them on accept/reject or for publishing leaves the text's own
 * formatting untouched.
 */
export const bodyMarks: Extensions = [
  BodyComment,
  BodySuggestionDelete,
  BodySuggestionInsert,
  BodySuggestionFormat,
  BodyLink,
  BodyBold,
  BodyItalic,
  BodyUnderline,
  BodyStrike,
  BodySuperscript,
];

/** Schema-level extensions (attributes shared by several nodes). */
export const bodyAttributes: Extensions = [BodyBlockDirection, BodyBlockSuggestion];

export const bodyExtensions: Extensions = [...bodyNodes, ...bodyMarks, ...bodyAttributes];

export const EMPTY_BODY = { type: 'doc', content: [{ type: 'paragraph' }] } as const;
