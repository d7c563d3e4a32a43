import { useTranslation } from 'react-i18next';
import { useBodyStats } from '../../editor/bodyStats';

/** Words, characters and reading time of the body, updated once typing pauses. */
export function BodyStats() {
  const { t } = useTranslation();
  const { words, characters, minutes } = useBodyStats();
  return (
    <p className="body-stats" aria-label={t('editor.statsLabel')}>
      {t('editor.stats', {
        words: t('editor.words', { count: words }),
        characters: t('editor.characters', { count: characters }),
        minutes,
      })}
    </p>
  );
}
