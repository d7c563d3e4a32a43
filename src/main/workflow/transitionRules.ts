import type { ArticleStatus } from '../../shared/domain/article';
import type { Role } from '../../shared/domain/people';

/**
 * Who may move an article from which status to which: the one table the desk's rules are written in.
 *
 * Roles nest: a copy editor may do everything a reporter may, a publisher everything a copy editor may.
 * - anyone: submit a draft; return a submitted, in-copy-edit or approved article to draft (with a note).
 * - copy editor: take a submitted article into copy edit; approve it (from copy edit, or straight from
 *   submitted after a quick read).
 * - publisher: schedule and publish approved articles, publish a scheduled one, unschedule (back to approved),
 *   unpublish (back to approved), spike anything not already spiked, and restore a spiked one to draft.
 */
const RANK: Record<Role, number> = { reporter: 0, copy_editor: 1, publisher: 2 };

interface Rule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  /** The least role that may make it. */
  least: Role;
}

const RULES: readonly Rule[] = [
  { from: ['draft'], to: 'submitted', least: 'reporter' },
  { from: ['submitted'], to: 'in_copy_edit', least: 'copy_editor' },
  { from: ['submitted', 'in_copy_edit'], to: 'approved', least: 'copy_editor' },
  { from: ['submitted', 'in_copy_edit', 'approved'], to: 'draft', least: 'reporter' },
  { from: ['approved'], to: 'scheduled', least: 'publisher' },
  { from: ['approved', 'scheduled'], to: 'published', least: 'publisher' },
  { from: ['scheduled', 'published'], to: 'approved', least: 'publisher' },
  {
    from: ['draft', 'submitted', 'in_copy_edit', 'approved', 'scheduled', 'published'],
    to: 'spiked',
    least: 'publisher',
  },
  { from: ['spiked'], to: 'draft', least: 'publisher' },
];

/** The order a person reads the actions in: forward first, then back, spike last. */
const ACTION_ORDER: readonly ArticleStatus[] = [
  'submitted',
  'in_copy_edit',
  'approved',
  'scheduled',
  'published',
  'draft',
  'spiked',
];

export type Verdict = 'allowed' | 'forbidden' | 'impossible';

function ruleFor(from: ArticleStatus, to: ArticleStatus): Rule | undefined {
  return RULES.find((rule) => rule.to === to && rule.from.includes(from));
}

/** 'impossible' when no role may make this move; 'forbidden' when another role could. */
export function judgeTransition(role: Role, from: ArticleStatus, to: ArticleStatus): Verdict {
  const rule = ruleFor(from, to);
  if (!rule) return 'impossible';
  return RANK[role] >= RANK[rule.least] ? 'allowed' : 'forbidden';
}

/** Every status this role may move an article in `from` to, in button order. */
export function allowedTargets(role: Role, from: ArticleStatus): ArticleStatus[] {
  return ACTION_ORDER.filter((to) => judgeTransition(role, from, to) === 'allowed');
}

/** Only a publisher puts an article live or schedules it on a site. */
export function mayPushLive(role: Role | undefined): boolean {
  return role === 'publisher';
}
