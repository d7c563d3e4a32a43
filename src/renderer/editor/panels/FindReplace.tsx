import { useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findMatches, replaceAll, type FindOptions } from '../../../shared/text/findText';
import type { Draft } from '../../features/editor/autosaver';
import { useEditorStore } from '../../features/editor/editorStore';
import { useEditorUi } from '../editorUi';
import { findState, selectCurrent, setFind } from '../extensions/findHighlight';
import { PanelFrame } from './PanelFrame';

/** The plain-text fields find and replace looks in, besides the body. */
const FIELDS = ['kicker', 'headline', 'standfirst', 'seoTitle', 'seoDescription'] as const;

function fieldTexts(draft: Draft): string[] {
  const texts: string[] = FIELDS.map((f) => draft[f]);
  if (draft.featuredImage)
    texts.push(draft.featuredImage.caption, draft.featuredImage.credit, draft.featuredImage.alt);
  return texts;
}

/** Find and replace in the body (highlighted, one by one or all at once) and in the article's fields. */
export function FindReplace() {
  const { t } = useTranslation();
  const editor = useEditorUi((s) => s.editor);
  const close = useEditorUi((s) => s.closePanel);
  const draft = useEditorStore((s) => s.draft);
  const change = useEditorStore((s) => s.change);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, matchAccents: false });
  const [notice, setNotice] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (!editor) return;
    editor.view.dispatch(setFind(editor.state, { query, options }));
  }, [editor, query, options]);
  // Clear the highlights when the panel closes.
  useEffect(
    () => () => {
      if (editor && !editor.isDestroyed)
        editor.view.dispatch(
          setFind(editor.state, { query: '', options: { matchCase: false, matchAccents: false } }),
        );
    },
    [editor],
  );

  const body = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const s = e ? findState(e.state) : undefined;
      return { count: s?.matches.length ?? 0, current: s?.current ?? -1 };
    },
  });
  const inFields = draft
    ? fieldTexts(draft).reduce((n, text) => n + findMatches(text, query, options).length, 0)
    : 0;

  function move(step: 1 | -1): void {
    if (!editor) return;
    const s = findState(editor.state);
    if (s.matches.length === 0) return;
    const from = s.current < 0 && step < 0 ? 0 : s.current;
    const next = (from + step + s.matches.length) % s.matches.length;
    editor.view.dispatch(setFind(editor.state, { current: next }));
    const tr = selectCurrent(editor.state);
    if (tr) editor.view.dispatch(tr);
  }

  function replaceCurrent(): void {
    if (!editor) return;
    const s = findState(editor.state);
    const match = s.matches[s.current];
    if (!match) return;
    const tr = editor.state.tr;
    if (replacement) tr.insertText(replacement, match.from, match.to);
    else tr.delete(match.from, match.to);
    editor.view.dispatch(tr);
    setNotice(t('find.replaced', { count: 1 }));
  }

  function replaceEverywhere(): void {
    let count = 0;
    if (editor) {
      const s = findState(editor.state);
      const tr = editor.state.tr;
      for (const match of [...s.matches].reverse()) {
        if (replacement) tr.insertText(replacement, match.from, match.to);
        else tr.delete(match.from, match.to);
      }
      count += s.matches.length;
      if (s.matches.length) editor.view.dispatch(tr);
    }
    if (draft) {
      const patch: Partial<Draft> = {};
      for (const field of FIELDS) {
        const result = replaceAll(draft[field], query, replacement, options);
        if (result.count) {
          patch[field] = result.text;
          count += result.count;
        }
      }
      if (draft.featuredImage) {
        const image = { ...draft.featuredImage };
        for (const key of ['caption', 'credit', 'alt'] as const) {
          const result = replaceAll(image[key], query, replacement, options);
          image[key] = result.text;
          count += result.count;
        }
        patch.featuredImage = image;
      }
      change(patch);
    }
    setNotice(t('find.replaced', { count }));
  }

  return (
    <PanelFrame label={t('find.title')}>
      <form
        className="find-form"
        onSubmit={(e) => {
          e.preventDefault();
          move(1);
        }}
      >
        <label htmlFor="find-query">{t('find.find')}</label>
        <input
          id="find-query"
          ref={input}
          type="search"
          dir="auto"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor="find-replacement">{t('find.replace')}</label>
        <input
          id="find-replacement"
          type="text"
          dir="auto"
          value={replacement}
          onChange={(e) => setReplacement(e.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={options.matchCase}
            onChange={(e) => setOptions({ ...options, matchCase: e.target.checked })}
          />
          {t('find.matchCase')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={options.matchAccents}
            onChange={(e) => setOptions({ ...options, matchAccents: e.target.checked })}
          />
          {t('find.matchAccents')}
        </label>
        <p className="find-count" aria-live="polite">
          {t('find.count', { body: body?.count ?? 0, fields: inFields })}
          {body &&
            body.count > 0 &&
            ` ${t('find.position', { current: body.current + 1, total: body.count })}`}
        </p>
        <div className="panel-actions">
          <button type="button" onClick={() => move(-1)}>
            {t('find.previous')}
          </button>
          <button type="submit">{t('find.next')}</button>
          <button type="button" onClick={replaceCurrent}>
            {t('find.replaceOne')}
          </button>
          <button type="button" onClick={replaceEverywhere}>
            {t('find.replaceAll')}
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              editor?.view.focus();
            }}
          >
            {t('find.close')}
          </button>
        </div>
        {notice && <p className="find-notice">{notice}</p>}
      </form>
    </PanelFrame>
  );
}
