import HorizontalRule from '@tiptap/extension-horizontal-rule';

/** A section break. */
export const BodyHorizontalRule = HorizontalRule;
