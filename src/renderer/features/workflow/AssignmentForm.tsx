import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { PersonRef } from '../../../shared/domain/people';
import { PRIORITIES, type Assignment, type Priority } from '../../../shared/domain/workflow';
import { formatDateTime } from '../../i18n/i18n';
import { isOverdue } from '../desk/deskTime';
import { useNow } from '../desk/useNow';

/** epoch ms <-> the value of an <input type="datetime-local">, in the person's time zone. */
function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** Who has the article next, by when, how urgently. Remounted (keyed) when the stored assignment changes. */
export function AssignmentForm(props: {
  assignment: Assignment;
  status: ArticleStatus;
  people: PersonRef[];
  me: string | undefined;
  busy: boolean;
  onAssign(assigneeId: string | null, deadline: number | null, priority: Priority): void;
}) {
  const { t } = useTranslation();
  const { assignment, people } = props;
  const [assigneeId, setAssigneeId] = useState(assignment.assignee?.id ?? '');
  const [deadline, setDeadline] = useState(toLocalInput(assignment.deadline));
  const [priority, setPriority] = useState<Priority>(assignment.priority);
  const now = useNow();
  const overdue = isOverdue({ deadline: assignment.deadline, status: props.status }, now);
  const stored = assignment.assignee;
  const known = people.some((p) => p.id === stored?.id);

  return (
    <form
      className="workflow-assignment"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAssign(assigneeId || null, fromLocalInput(deadline), priority);
      }}
    >
      <label>
        {t('workflow.panel.assignee')}
        <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">{t('workflow.panel.nobody')}</option>
          {stored && !known && <option value={stored.id}>{stored.name}</option>}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === props.me ? t('workflow.panel.me', { name: p.name }) : p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('workflow.panel.deadline')}
        <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <label>
        {t('workflow.panel.priority')}
        <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`workflow.priorities.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={props.busy}>
        {t('workflow.panel.assign')}
      </button>
      {overdue && assignment.deadline !== null && (
        <strong className="desk-overdue">
          {t('workflow.desk.overdue')} · {formatDateTime(assignment.deadline)}
        </strong>
      )}
    </form>
  );
}
