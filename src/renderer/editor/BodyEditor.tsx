import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyDoc, Language } from '../../shared/domain/article';
import { useEditorStore } from '../features/editor/editorStore';
import { scheduleBodyStats } from './bodyStats';
import { editorExtensions } from './editorExtensions';
import { useEditorUi } from './editorUi';
import { cleanPastedHtml } from './paste/cleanPaste';

interface BodyEditorProps {
  initial: BodyDoc;
  language: Language;
  onChange(body: BodyDoc): void;
  onBlur(): void;
}

/** How long the body may go unserialized after a keystroke: serializing costs the document's length. */
const BODY_EMIT_MS = 150;

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
export const BodyEditor = memo(function BodyEditor({ initial, language, onChange, onBlur }: BodyEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: editorExtensions(() => useEditorStore.getState().typographyOn),
    content: initial,
    // TipTap would inject a <style> element, which the CSP forbids: its few rules are in our stylesheet.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: bodyAttributes(t('editor.body'), language),
      transformPastedHTML: (html) => cleanPastedHtml(html),
    },
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emit = (): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      onChange(editor.getJSON() as BodyDoc);
    };
    const onUpdate = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(emit, BODY_EMIT_MS);
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
    scheduleBodyStats(() => editor.state.doc, 0);
    return () => {
      emit();
      editor.off('update', onUpdate);
      editor.off('blur', onEditorBlur);
      useEditorStore.getState().registerBodySource(undefined);
      if (useEditorUi.getState().editor === editor) useEditorUi.getState().setEditor(null);
    };
  }, [editor, onChange, onBlur]);

  // The article's language sets the direction, the lang attribute and so the spellchecker's dictionary.
  useEffect(() => {
    editor.setOptions({
      editorProps: { ...editor.options.editorProps, attributes: bodyAttributes(t('editor.body'), language) },
    });
  }, [editor, language, t]);

  return <EditorContent editor={editor} className="body-editor-frame" />;
});
