import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../editor/editorStore';
import { useViewStore } from './viewStore';
import './publishing.css';

/** The buttons that lead from the article to its preview, its publication and the sites. */
export function PublishingBar() {
  const { t } = useTranslation();
  const view = useViewStore((s) => s.view);
  const show = useViewStore((s) => s.show);
  const hasArticle = useEditorStore((s) => s.article !== undefined);
  const flush = useEditorStore((s) => s.flush);

  // What is previewed or pushed is what is saved: save what was typed first.
  const open = (next: 'preview' | 'sync'): void => void flush().then(() => show(next));

  return (
    <div role="toolbar" aria-label={t('publishing.toolbar')} className="publishing-bar">
      {view !== 'editor' && (
        <button type="button" onClick={() => show('editor')}>
          {t('publishing.backToEditor')}
        </button>
      )}
      <button
        type="button"
        aria-pressed={view === 'preview'}
        disabled={!hasArticle}
        onClick={() => open('preview')}
      >
        {t('publishing.preview')}
      </button>
      <button
        type="button"
        aria-pressed={view === 'sync'}
        disabled={!hasArticle}
        onClick={() => open('sync')}
      >
        {t('publishing.publish')}
      </button>
      <button type="button" aria-pressed={view === 'sync'} onClick={() => show('sync')}>
        {t('publishing.sync')}
      </button>
      <button type="button" aria-pressed={view === 'sites'} onClick={() => show('sites')}>
        {t('publishing.sites')}
      </button>
    </div>
  );
}
