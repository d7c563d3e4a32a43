import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/i18n';
import { useEditorStore } from '../editor/editorStore';
import { useArticlesStore } from './articlesStore';

/** The sidebar: every article, newest first, and the button that starts one. */
export function ArticleList() {
  const { t } = useTranslation();
  const items = useArticlesStore((s) => s.items);
  const loaded = useArticlesStore((s) => s.loaded);
  const error = useArticlesStore((s) => s.error);
  const createArticle = useArticlesStore((s) => s.create);
  const openId = useEditorStore((s) => s.article?.id);
  const open = useEditorStore((s) => s.open);
  // The list shows the headline being typed, not only the last saved one.
  const draftHeadline = useEditorStore((s) => s.draft?.headline);

  async function startNew(): Promise<void> {
    const id = await createArticle();
    if (id) await open(id);
  }

  return (
    <nav className="article-list" aria-label={t('articles.heading')}>
      <div className="article-list-head">
        <h1>{t('articles.heading')}</h1>
        <button type="button" className="primary" onClick={() => void startNew()}>
          {t('articles.new')}
        </button>
      </div>
      {error && <p role="alert">{t('articles.loadFailed', { message: error })}</p>}
      {loaded && items.length === 0 && <p className="article-list-empty">{t('articles.empty')}</p>}
      <ul>
        {items.map((item) => {
          const headline = (item.id === openId ? draftHeadline : item.headline) || t('articles.untitled');
          return (
            <li key={item.id}>
              <button
                type="button"
                className="article-list-item"
                aria-current={item.id === openId ? 'page' : undefined}
                onClick={() => void open(item.id)}
              >
                <span className="article-list-headline" dir="auto" lang={item.language}>
                  {headline}
                </span>
                <span className="article-list-meta">
                  {t('articles.updated', { when: formatDateTime(item.updatedAt) })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
