import { useTranslation } from 'react-i18next';
import type { DeskView } from '../../../shared/domain/desk';
import { formatDateTime } from '../../i18n/i18n';
import { useEditorStore } from '../editor/editorStore';
import { useDeskStore } from './deskStore';
import { isOverdue } from './deskTime';
import { useNow } from './useNow';

/** One desk view's articles, newest first, a page at a time. */
export function DeskList({ view }: { view: DeskView }) {
  const { t } = useTranslation();
  const items = useDeskStore((s) => s.items);
  const loaded = useDeskStore((s) => s.loaded);
  const error = useDeskStore((s) => s.error);
  const nextCursor = useDeskStore((s) => s.nextCursor);
  const loadMore = useDeskStore((s) => s.loadMore);
  const openId = useEditorStore((s) => s.article?.id);
  const open = useEditorStore((s) => s.open);
  const now = useNow();
  const title = t(`workflow.desk.views.${view}`);

  return (
    <nav className="desk-list" aria-label={title}>
      <h2>{title}</h2>
      {error && <p role="alert">{t('workflow.desk.loadFailed', { message: error })}</p>}
      {loaded && items.length === 0 && <p className="desk-empty">{t('workflow.desk.empty')}</p>}
      <ul>
        {items.map((item) => {
          const overdue = isOverdue(item, now);
          return (
            <li key={item.id} className={overdue ? 'desk-item overdue' : 'desk-item'}>
              <button
                type="button"
                aria-current={item.id === openId ? 'page' : undefined}
                onClick={() => void open(item.id)}
              >
                <span className="desk-headline" dir="auto" lang={item.language}>
                  {item.headline || t('articles.untitled')}
                </span>
                <span className="desk-meta">
                  {t(`workflow.statuses.${item.status}`)}
                  {item.priority !== 'normal' && ` · ${t(`workflow.priorities.${item.priority}`)}`}
                  {item.assignee && ` · ${t('workflow.desk.assignedTo', { name: item.assignee.name })}`}
                </span>
                {item.deadline !== null && (
                  <span className="desk-deadline">
                    {overdue && <strong className="desk-overdue">{t('workflow.desk.overdue')}</strong>}{' '}
                    {t('workflow.desk.due', { when: formatDateTime(item.deadline) })}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {nextCursor && (
        <button type="button" onClick={() => void loadMore()}>
          {t('workflow.desk.loadMore')}
        </button>
      )}
    </nav>
  );
}
