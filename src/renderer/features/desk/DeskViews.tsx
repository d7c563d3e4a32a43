import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { whenTypingPauses } from '../../editor/typingPause';
import { DESK_VIEWS } from '../../../shared/domain/desk';
import { subscribe } from '../../bridge';
import { ProfileBadge } from '../profile/ProfileBadge';
import { DeskList } from './DeskList';
import { useDeskStore } from './deskStore';
import './desk.css';

/** Counts follow changes, but a burst of saves (typing) asks once. */
const COUNT_DELAY_MS = 400;

/**
 * The left rail: who is at the desk, the desk views with live counts, and under them the chosen view or the
 * whole article list (children).
 */
export function DeskViews({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const view = useDeskStore((s) => s.view);
  const counts = useDeskStore((s) => s.counts);
  const choose = useDeskStore((s) => s.choose);

  useEffect(() => {
    const { refreshCounts, refresh } = useDeskStore.getState();
    void refreshCounts();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          whenTypingPauses('desk-views', () => {
            void refreshCounts();
            void refresh();
          }),
        COUNT_DELAY_MS,
      );
    };
    const offChanged = subscribe('articles:changed', later);
    const offImported = subscribe('articles:imported', later);
    return () => {
      clearTimeout(timer);
      offChanged();
      offImported();
    };
  }, []);

  return (
    <div className="desk-rail">
      <ProfileBadge />
      <nav className="desk-views" aria-label={t('workflow.desk.nav')}>
        <button type="button" aria-pressed={view === undefined} onClick={() => void choose(undefined)}>
          <span>{t('workflow.desk.all')}</span>
        </button>
        {DESK_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            aria-label={
              counts
                ? t('workflow.desk.viewWithCount', { view: t(`workflow.desk.views.${v}`), count: counts[v] })
                : undefined
            }
            onClick={() => void choose(v)}
          >
            <span>{t(`workflow.desk.views.${v}`)}</span>
            <span className="desk-count">{counts ? counts[v] : t('workflow.desk.counting')}</span>
          </button>
        ))}
      </nav>
      {view ? <DeskList view={view} /> : children}
    </div>
  );
}
