import { useTranslation } from 'react-i18next';
import { LanguageFilter, StatusFilter } from '../filters/FilterSelects';
import { useArticlesStore } from './articlesStore';

/** Status and language filters of the list; each change reloads the first page. */
export function ArticleListFilters() {
  const { t } = useTranslation();
  const filters = useArticlesStore((s) => s.filters);
  const setFilters = useArticlesStore((s) => s.setFilters);
  return (
    <div className="article-list-filters">
      <StatusFilter
        label={<span className="article-list-filter-label">{t('articleList.status')}</span>}
        value={filters.status}
        onChange={(status) => void setFilters({ status })}
      />
      <LanguageFilter
        label={<span className="article-list-filter-label">{t('articleList.language')}</span>}
        value={filters.language}
        onChange={(language) => void setFilters({ language })}
      />
    </div>
  );
}
