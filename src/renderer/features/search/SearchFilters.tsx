import { useTranslation } from 'react-i18next';
import {
  ARTICLE_STATUSES,
  LANGUAGES,
  type ArticleStatus,
  type Language,
} from '../../../shared/domain/article';
import { useSearchStore } from './searchStore';

/** Sort order and the filters a desk uses most: status, language, a date range. */
export function SearchFilters() {
  const { t } = useTranslation();
  const sort = useSearchStore((s) => s.sort);
  const filters = useSearchStore((s) => s.filters);
  const setSort = useSearchStore((s) => s.setSort);
  const setFilters = useSearchStore((s) => s.setFilters);
  return (
    <fieldset className="search-filters">
      <legend>{t('search.filters')}</legend>
      <label>
        {t('search.sort')}
        <select value={sort} onChange={(e) => setSort(e.target.value as 'relevance' | 'date')}>
          <option value="relevance">{t('search.sortRelevance')}</option>
          <option value="date">{t('search.sortDate')}</option>
        </select>
      </label>
      <label>
        {t('search.status')}
        <select
          value={filters.status ?? ''}
          onChange={(e) => setFilters({ status: (e.target.value || undefined) as ArticleStatus | undefined })}
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
        {t('search.language')}
        <select
          value={filters.language ?? ''}
          onChange={(e) => setFilters({ language: (e.target.value || undefined) as Language | undefined })}
        >
          <option value="">{t('search.anyLanguage')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('search.from')}
        <input type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
      </label>
      <label>
        {t('search.to')}
        <input type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
      </label>
    </fieldset>
  );
}
