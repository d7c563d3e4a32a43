import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { frenchTypographyEdits } from '../../../shared/text/frenchTypography';

/** Marks whose text typography never touches. */
const PROTECTED_MARKS = new Set(['link', 'code']);
const TRIGGERS = new Set([';', ':', '!', '?', '«', '»', "'", '.']);
/** How far back as-you-type looks: enough to see a URL being typed. */
const WINDOW = 400;
const LEAF = '\ufffc';

/** The last correction made as-you-type, while the caret is still right after it: Backspace takes it back. */
interface Correction {
  from: number;
  to: number;
  /** What was there as typed, before the correction. */
  typed: string;
}

const typographyKey = new PluginKey<Correction | null>('frenchTypography');

export interface FrenchTypographyOptions {
  /** Read on every keystroke, so switching needs no editor rebuild. */
  enabled: () => boolean;
}

/** A textblock's text with the ranges typography must leave alone (linked text). */
function blockText(block: PmNode): { text: string; protect: Array<[number, number]> } {
  let text = '';
  const protect: Array<[number, number]> = [];
  block.forEach((child) => {
    const piece = child.isText ? (child.text ?? '') : LEAF;
    if (child.marks.some((m) => PROTECTED_MARKS.has(m.type.name)))
      protect.push([text.length, text.length + piece.length]);
    text += piece;
  });
  return { text, protect };
}

/** "Fix typography": every textblock of the document, in one undoable step. Returns how many edits. */
export function fixDocumentTypography(state: EditorState): { tr: Transaction; count: number } {
  const tr = state.tr;
  let count = 0;
  const blocks: Array<{ pos: number; node: PmNode }> = [];
  state.doc.descendants((node, pos) => {
    if (node.isTextblock) {
      blocks.push({ pos, node });
      return false;
    }
    return true;
  });
  for (const { pos, node } of blocks.reverse()) {
    const { text, protect } = blockText(node);
    const edits = frenchTypographyEdits(text, protect);
    count += edits.length;
    // Positions inside a later block are unaffected by edits to an earlier one: go from the end.
    const start = pos + 1;
    for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
      if (edit.insert) tr.insertText(edit.insert, start + edit.from, start + edit.to);
      else tr.delete(start + edit.from, start + edit.to);
    }
  }
  return { tr, count };
}

/**
 * French typography as the writer types: after ; : ! ? « » ' and the third dot, the spaces and signs around
 * what was typed are made right (the rules of shared/text/frenchTypography). The typed character and its
 * correction are one step of the history.
 */
export const FrenchTypography = Extension.create<FrenchTypographyOptions>({
  name: 'frenchTypography',
  addOptions() {
    return { enabled: () => false };
  },
  addProseMirrorPlugins() {
    const enabled = this.options.enabled;
    return [
      new Plugin<Correction | null>({
        key: typographyKey,
        state: {
          init: () => null,
          apply(tr, previous) {
            const meta = tr.getMeta(typographyKey) as Correction | null | undefined;
            if (meta !== undefined) return meta;
            return tr.docChanged || tr.selectionSet ? null : previous;
          },
        },
        props: {
          handleKeyDown(view, event) {
            if (event.key !== 'Backspace' || event.ctrlKey || event.metaKey || event.altKey) return false;
            const correction = typographyKey.getState(view.state);
            const { selection } = view.state;
            if (!correction || !selection.empty || selection.from !== correction.to) return false;
            // Backspace right after a correction gives back what was typed, exactly.
            const tr = view.state.tr.insertText(correction.typed, correction.from, correction.to);
            view.dispatch(tr.setMeta(typographyKey, null));
            return true;
          },
          handleTextInput(view, from, to, typed) {
            if (typed.length !== 1 || !enabled()) return false;
            const { state } = view;
            // A colon right after a character waits for the next one: 10:30 and https:// must stay whole.
            const afterColon = from > 0 && state.doc.textBetween(from - 1, from) === ':';
            if (!TRIGGERS.has(typed) && !afterColon) return false;
            const $from = state.doc.resolve(from);
            if (!$from.parent.isTextblock || $from.parent.type.spec.code) return false;
            const marks = state.storedMarks ?? $from.marks();
            if (marks.some((m) => PROTECTED_MARKS.has(m.type.name))) return false;
            const windowStart = Math.max($from.start(), from - WINDOW);
            const before = state.doc.textBetween(windowStart, from, undefined, LEAF);
            const candidate = before + typed;
            const typedAt = before.length;
            const edits = frenchTypographyEdits(candidate).filter(
              (e) =>
                (e.to >= typedAt || (afterColon && e.to === typedAt - 1)) &&
                !(typed === ':' && e.from === typedAt && e.to === typedAt),
            );
            if (edits.length === 0) return false;
            const tr = state.tr.insertText(typed, from, to);
            // Candidate offsets up to the typed character map to windowStart + offset; after it, past `from`.
            const docPos = (offset: number): number =>
              offset <= typedAt ? windowStart + offset : from + (offset - typedAt);
            for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
              const a = docPos(edit.from);
              const b = docPos(edit.to);
              if (edit.insert) tr.insertText(edit.insert, a, b);
              else tr.delete(a, b);
            }
            const first = Math.min(...edits.map((e) => e.from), typedAt);
            tr.setMeta(typographyKey, {
              from: windowStart + first,
              to: tr.selection.from,
              typed: candidate.slice(first),
            } satisfies Correction);
            view.dispatch(tr.scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
