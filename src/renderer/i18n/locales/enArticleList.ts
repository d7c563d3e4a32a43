/** English strings of the article list's filters and counts (features/articles). */
export const enArticleList = {
  status: 'Status',
  language: 'Language',
  counting: 'Counting…',
  count_one: '{{count}} article',
  count_other: '{{count}} articles',
};
