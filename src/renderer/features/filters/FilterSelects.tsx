import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ARTICLE_STATUSES,
  LANGUAGES,
  type ArticleStatus,
  type Language,
} from '../../../shared/domain/article';

interface FilterSelectProps<T> {
  label: ReactNode;
  value: T | undefined;
  onChange(value: T | undefined): void;
}

/** A status filter ("any status" or one of the workflow's), shared by the article list and the search. */
export function StatusFilter({ label, value, onChange }: FilterSelectProps<ArticleStatus>) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as ArticleStatus | undefined)}
      >
        <option value="">{t('search.anyStatus')}</option>
        {ARTICLE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`search.statuses.${status}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A language filter ("any language" or fr, ar, en), shared by the article list and the search. */
export function LanguageFilter({ label, value, onChange }: FilterSelectProps<Language>) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as Language | undefined)}
      >
        <option value="">{t('search.anyLanguage')}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
