import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionAttrs } from '../../shared/domain/comments';
import {
  blockSuggestionAt,
  blockSuggestions,
  decideSuggestions,
  suggestionAt,
  suggestionSpans,
  type Decision,
} from '../../shared/editor/suggestions/reviewSuggestions';
import { formatDateTime } from '../i18n/i18n';
import { startBodyComment } from './commentAnchors';
import { useEditorUi } from './editorUi';
import { blockSuggestionWhat } from './reviewMarkViews';
import { MOD } from './shortcuts';
import { useSuggestUi } from './suggestUi';

interface Author {
  authorId: string;
  authorName: string;
}

/** Who has suggestions in the body, computed once typing pauses: it walks the whole document. */
function useSuggestionAuthors(editor: Editor | null): Author[] {
  const [authors, setAuthors] = useState<Author[]>([]);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const compute = (): void => {
      const seen = new Map<string, Author>();
      const { doc } = editor.state;
      const signed = [
        ...suggestionSpans(doc).map(({ mark }) => mark.attrs as SuggestionAttrs),
        ...blockSuggestions(doc).map(({ suggestion }) => suggestion),
      ];
      for (const attrs of signed) {
        if (!seen.has(attrs.authorId))
          seen.set(attrs.authorId, { authorId: attrs.authorId, authorName: attrs.authorName });
      }
      setAuthors((before) =>
        before.length === seen.size && before.every((a) => seen.has(a.authorId))
          ? before
          : [...seen.values()],
      );
    };
    const onUpdate = (): void => {
      clearTimeout(timer);
      timer = setTimeout(compute, 150);
    };
    compute();
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor]);
  return authors;
}

/** Comment, suggestion mode, and accepting or rejecting suggestions: one, all, or all of one person's. */
export function ReviewBar() {
  const { t } = useTranslation();
  const editor = useEditorUi((s) => s.editor);
  const suggesting = useSuggestUi((s) => s.suggesting);
  const toggle = useSuggestUi((s) => s.toggle);
  const conflict = useSuggestUi((s) => s.conflict);
  const [notice, setNotice] = useState('');
  const here = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return undefined;
      const mark = suggestionAt(e.state.doc, e.state.selection.head);
      if (mark) return { kind: mark.type.name, attrs: mark.attrs as SuggestionAttrs, what: '' };
      // Not on suggested text: the block's own structural suggestion, or the selected image's, embed's or rule's.
      const { from, head } = e.state.selection;
      const $from = e.state.doc.resolve(from);
      const atomBlock = $from.parent.isTextblock ? undefined : blockSuggestionAt(e.state.doc, from);
      if (atomBlock)
        return {
          kind: 'block',
          attrs: atomBlock,
          what: blockSuggestionWhat(atomBlock, $from.nodeAfter?.type.name),
        };
      const block = blockSuggestionAt(e.state.doc, head);
      return block ? { kind: 'block', attrs: block, what: blockSuggestionWhat(block) } : undefined;
    },
    equalityFn: (a, b) => a?.attrs.id === b?.attrs.id && a?.kind === b?.kind && a?.what === b?.what,
  });
  const authors = useSuggestionAuthors(editor);
  if (!editor) return null;

  const decide = (decision: Decision, which: (attrs: SuggestionAttrs) => boolean): void => {
    const tr = decideSuggestions(editor.state, decision, which);
    if (tr) editor.view.dispatch(tr);
    editor.commands.focus();
  };
  const comment = (): void => {
    if (startBodyComment(editor)) setNotice('');
    else setNotice(t('comments.selectFirst'));
  };

  // Order matters: what comes and goes (the note, the suggestion under the caret, one menu per person) sits
  // after the fixed buttons, so "Accept all" never moves between a press and its release.
  return (
    <div className="review-bar" role="toolbar" aria-label={t('suggestions.review')}>
      <button
        type="button"
        title={`${t('comments.commentShortcut')} (${MOD}+Alt+M)`}
        aria-keyshortcuts="Control+Alt+M"
        onMouseDown={(e) => e.preventDefault()}
        onClick={comment}
      >
        {t('comments.comment')}
      </button>
      <button
        type="button"
        aria-pressed={suggesting}
        title={`${t('suggestions.mode')} (${MOD}+Shift+E)`}
        aria-keyshortcuts="Control+Shift+E"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void toggle().then(() => editor.commands.focus())}
      >
        {t('suggestions.mode')}
      </button>
      {authors.length > 0 && (
        <span className="review-all">
          <button type="button" onClick={() => decide('accept', () => true)}>
            {t('suggestions.acceptAll')}
          </button>
          <button type="button" onClick={() => decide('reject', () => true)}>
            {t('suggestions.rejectAll')}
          </button>
        </span>
      )}
      {suggesting && <span className="review-note">{t('suggestions.on')}</span>}
      {notice && <span role="status">{notice}</span>}
      {conflict && (
        <span className="review-conflict" aria-live="polite">
          {t('suggestions.conflict', { name: conflict })}
        </span>
      )}
      {here && (
        <span className="review-here" role="group" aria-label={t(`suggestions.kind.${here.kind}`)}>
          <span>
            {t(`suggestions.kind.${here.kind}`)} ·{' '}
            {t('suggestions.at', { name: here.attrs.authorName, when: formatDateTime(here.attrs.at) })}
            {here.what && ` · ${here.what}`}
          </span>
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => decide('accept', (a) => a.id === here.attrs.id)}
          >
            {t('suggestions.accept')}
          </button>
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => decide('reject', (a) => a.id === here.attrs.id)}
          >
            {t('suggestions.reject')}
          </button>
        </span>
      )}
      {authors.length > 0 && (
        <span className="review-people">
          {authors.map((a) => (
            <details key={a.authorId} className="review-person">
              <summary>{t('suggestions.byPerson', { name: a.authorName })}</summary>
              <button type="button" onClick={() => decide('accept', (s) => s.authorId === a.authorId)}>
                {t('suggestions.acceptBy', { name: a.authorName })}
              </button>
              <button type="button" onClick={() => decide('reject', (s) => s.authorId === a.authorId)}>
                {t('suggestions.rejectBy', { name: a.authorName })}
              </button>
            </details>
          ))}
        </span>
      )}
    </div>
  );
}
