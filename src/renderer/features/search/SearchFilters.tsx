import { useTranslation } from 'react-i18next';
import { LanguageFilter, StatusFilter } from '../filters/FilterSelects';
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
      <StatusFilter
        label={t('search.status')}
        value={filters.status}
        onChange={(status) => setFilters({ status })}
      />
      <LanguageFilter
        label={t('search.language')}
        value={filters.language}
        onChange={(language) => setFilters({ language })}
      />
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
