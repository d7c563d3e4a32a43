import { useTranslation } from 'react-i18next';
import {
  ARTICLE_STATUSES,
  LANGUAGES,
  type ArticleStatus,
  type Language,
} from '../../../shared/domain/article';
import { useArticlesStore } from './articlesStore';

/** Status and language filters of the list; each change reloads the first page. */
export function ArticleListFilters() {
  const { t } = useTranslation();
  const filters = useArticlesStore((s) => s.filters);
  const setFilters = useArticlesStore((s) => s.setFilters);
  return (
    <div className="article-list-filters">
      <label>
        <span className="article-list-filter-label">{t('articleList.status')}</span>
        <select
          value={filters.status ?? ''}
          onChange={(e) =>
            void setFilters({ status: (e.target.value || undefined) as ArticleStatus | undefined })
          }
        >
          <option value="">{t('search.anyStatus')}</option>
          {ARTICLE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`search.statuses.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="article-list-filter-label">{t('articleList.language')}</span>
        <select
          value={filters.language ?? ''}
          onChange={(e) =>
            void setFilters({ language: (e.target.value || undefined) as Language | undefined })
          }
        >
          <option value="">{t('search.anyLanguage')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
