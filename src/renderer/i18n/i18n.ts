import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';

/** The one i18n layer: components ask for keys, never for text. French and Arabic add a locale file here. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Dates through Intl, in the interface language. */
export function formatDateTime(epochMs: number, locale = i18next.language || 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

export function formatTime(epochMs: number, locale = i18next.language || 'en'): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(epochMs);
}

/** Counts through Intl, in the interface language (grouping: 12,345 / 12 345). */
export function formatCount(n: number, locale = i18next.language || 'en'): string {
  return new Intl.NumberFormat(locale).format(n);
}
