import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/i18n';
import { useWorkflowStore } from './workflowStore';

/** Who moved the article where and when, with their note; and who assigned it to whom. Newest first. */
export function WorkflowHistory() {
  const { t } = useTranslation();
  const history = useWorkflowStore((s) => s.history);
  const status = (s: string): string => t(`workflow.statuses.${s}`);
  return (
    <details className="workflow-history" open>
      <summary>{t('workflow.panel.history')}</summary>
      {history.length === 0 && <p>{t('workflow.panel.historyEmpty')}</p>}
      <ol aria-label={t('workflow.panel.history')}>
        {[...history].reverse().map((entry) => {
          const who = entry.by.name;
          const when = formatDateTime(entry.at);
          if (entry.kind === 'transition')
            return (
              <li key={entry.id}>
                <span>
                  {t('workflow.panel.moved', { who, when, from: status(entry.from), to: status(entry.to) })}
                </span>
                {entry.note && (
                  <blockquote dir="auto" className="workflow-note">
                    {entry.note}
                  </blockquote>
                )}
              </li>
            );
          const priority = t(`workflow.priorities.${entry.priority}`);
          return (
            <li key={entry.id}>
              {entry.assignee === null
                ? t('workflow.panel.unassigned', { who, when })
                : entry.deadline === null
                  ? t('workflow.panel.assigned', { who, when, assignee: entry.assignee.name, priority })
                  : t('workflow.panel.assignedDue', {
                      who,
                      when,
                      assignee: entry.assignee.name,
                      priority,
                      deadline: formatDateTime(entry.deadline),
                    })}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
