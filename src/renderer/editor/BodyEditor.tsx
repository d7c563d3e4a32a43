import { UndoRedo } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { BodyDoc, Language } from '../../shared/domain/article';
import { bodyExtensions } from '../../shared/editor/bodyExtensions';

interface BodyEditorProps {
  initial: BodyDoc;
  language: Language;
  onChange(body: BodyDoc): void;
  onBlur(): void;
}

/** The TipTap body. Mounted once per article (or per reloaded version): it owns its content while mounted. */
export function BodyEditor({ initial, language, onChange, onBlur }: BodyEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [...bodyExtensions, UndoRedo],
    content: initial,
    // TipTap would inject a <style> element, which the CSP forbids: its few rules are in our stylesheet.
    injectCSS: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('editor.body'),
        class: 'body-editor',
        lang: language,
        dir: language === 'ar' ? 'rtl' : 'auto',
        spellcheck: 'true',
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as BodyDoc),
    onBlur: () => onBlur(),
  });
  return <EditorContent editor={editor} className="body-editor-frame" />;
}
