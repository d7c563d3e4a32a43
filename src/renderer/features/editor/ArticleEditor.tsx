import { useTranslation } from 'react-i18next';
import { BodyEditor } from '../../editor/BodyEditor';
import { useEditorStore } from './editorStore';
import { SaveStatus } from './SaveStatus';

/** The open article: headline and body, saved as the writer types. */
export function ArticleEditor() {
  const { t } = useTranslation();
  const article = useEditorStore((s) => s.article);
  const draft = useEditorStore((s) => s.draft);
  const contentKey = useEditorStore((s) => s.contentKey);
  const loading = useEditorStore((s) => s.loading);
  const error = useEditorStore((s) => s.error);
  const change = useEditorStore((s) => s.change);
  const flush = useEditorStore((s) => s.flush);

  if (error) return <p role="alert">{t('editor.openFailed', { message: error })}</p>;
  if (loading) return <p>{t('app.loading')}</p>;
  if (!article || !draft) return <p className="editor-empty">{t('editor.nothingOpen')}</p>;

  const dir = article.language === 'ar' ? 'rtl' : 'auto';
  return (
    <article className="article-editor" lang={article.language}>
      <div className="article-editor-bar">
        <span className="article-language">{t(`language.${article.language}`)}</span>
        <SaveStatus />
      </div>
      <label className="field-label" htmlFor="headline">
        {t('editor.headline')}
      </label>
      <textarea
        id="headline"
        className="headline-input"
        rows={2}
        dir={dir}
        lang={article.language}
        spellCheck
        placeholder={t('editor.headlinePlaceholder')}
        value={draft.headline}
        onChange={(e) => change({ headline: e.target.value.replace(/\r?\n/g, ' ') })}
        onBlur={() => void flush()}
        onKeyDown={(e) => {
          // A headline is one line: Enter moves on to the body.
          if (e.key === 'Enter') {
            e.preventDefault();
            document.querySelector<HTMLElement>('.body-editor')?.focus();
          }
        }}
      />
      <span className="field-label" id="body-label">
        {t('editor.body')}
      </span>
      <BodyEditor
        key={`${article.id}:${contentKey}`}
        initial={draft.body}
        language={draft.language}
        onChange={(body) => change({ body })}
        onBlur={() => void flush()}
      />
    </article>
  );
}
