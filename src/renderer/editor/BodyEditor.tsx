import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyDoc, Language } from '../../shared/domain/article';
import { useEditorStore } from '../features/editor/editorStore';
import { markOpen } from '../features/editor/openTiming';
import { bodyJson } from './bodyJson';
import { scheduleBodyStats } from './bodyStats';
import { editorExtensions, REACT_NODE_VIEWS } from './editorExtensions';
import { useEditorUi } from './editorUi';
import { cleanPastedHtml } from './paste/cleanPaste';
import { keepReactOffSelection } from './reactSelectionOptOut';
import { drawOnceWithoutReactViews } from './singleDraw';
import { noteTyping } from './typingPause';

interface BodyEditorProps {
  initial: BodyDoc;
  language: Language;
  onChange(body: BodyDoc): void;
  onBlur(): void;
}

/** How long the body may go unserialized after a keystroke: serializing costs the document's length. */
const BODY_EMIT_MS = 150;
/** ...and at most this long while the writer types without a pause, so autosave and the crash copy follow. */
const BODY_MAX_WAIT_MS = 300;

function bodyAttributes(label: string, language: Language): Record<string, string> {
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    class: 'body-editor',
    lang: language,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    spellcheck: 'true',
  };
}

/**
 * The TipTap body. Mounted once per article (or per reloaded version): it owns its content while mounted.
 * A keystroke costs ProseMirror's own work plus two timer resets: the JSON for the draft and the word count
 * are computed once typing pauses (or at once when a save is forced), never per keystroke.
 */
function BodyEditorView({ initial, language, onChange, onBlur }: BodyEditorProps) {
  const { t } = useTranslation();
  // Built once: options that differ between renders make TipTap reconfigure the editor.
  const [options] = useState(() => ({
    extensions: editorExtensions(() => useEditorStore.getState().typographyOn),
    content: initial,
    // TipTap would inject a <style> element, which the CSP forbids: its few rules are in our stylesheet.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: bodyAttributes(t('editor.body'), language),
      transformPastedHTML: (html: string) => cleanPastedHtml(html),
    },
  }));
  const editor = useEditor(options);
  const [created] = useState(() => {
    drawOnceWithoutReactViews(editor, REACT_NODE_VIEWS);
    markOpen('created');
    return editor;
  });
  useLayoutEffect(() => {
    if (editor === created) markOpen('mounted');
    keepReactOffSelection(editor.view.dom);
  }, [editor, created]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingSince: number | undefined;
    const emit = (): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      waitingSince = undefined;
      onChange(bodyJson(editor.state.doc));
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (!transaction.docChanged) return;
      noteTyping();
      const now = performance.now();
      waitingSince ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(emit, Math.max(0, Math.min(BODY_EMIT_MS, waitingSince + BODY_MAX_WAIT_MS - now)));
      scheduleBodyStats(() => editor.state.doc);
    };
    const onEditorBlur = ({ event }: { event: FocusEvent }): void => {
      // Focus moving into an image's caption fields is still editing the body.
      if (event.relatedTarget instanceof Node && editor.view.dom.contains(event.relatedTarget)) return;
      emit();
      onBlur();
    };
    editor.on('update', onUpdate);
    editor.on('blur', onEditorBlur);
    useEditorStore.getState().registerBodySource(emit);
    useEditorUi.getState().setEditor(editor);
    scheduleBodyStats(() => editor.state.doc);
    return () => {
      emit();
      editor.off('update', onUpdate);
      editor.off('blur', onEditorBlur);
      useEditorStore.getState().registerBodySource(undefined);
      if (useEditorUi.getState().editor === editor) useEditorUi.getState().setEditor(null);
    };
  }, [editor, onChange, onBlur]);

  // The article's language sets the direction, the lang attribute and so the spellchecker's dictionary.
  // Set at creation; only a later change of language updates the view's attributes (a cheap prop change).
  const [createdWith] = useState(language);
  useEffect(() => {
    if (language === createdWith && editor.view.dom.getAttribute('lang') === language) return;
    editor.view.setProps({ attributes: bodyAttributes(t('editor.body'), language) });
  }, [editor, language, createdWith, t]);

  return <EditorContent editor={editor} className="body-editor-frame" />;
}

/** `initial` only matters at mount (a new version remounts the editor by key): later bodies are its own. */
export const BodyEditor = memo(
  BodyEditorView,
  (a, b) => a.language === b.language && a.onChange === b.onChange && a.onBlur === b.onBlur,
);
