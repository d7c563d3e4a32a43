import type { DeskItem, LocalDay } from '../../../shared/domain/desk';

/** Today in the person's own time zone (main may run in another one). */
export function localDay(now = new Date()): LocalDay {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { dayStart: start.getTime(), dayEnd: end.getTime() };
}

/** Past its deadline and still waiting on someone. */
export function isOverdue(item: Pick<DeskItem, 'deadline' | 'status'>, now: number): boolean {
  return (
    item.deadline !== null && item.deadline < now && item.status !== 'published' && item.status !== 'spiked'
  );
}
