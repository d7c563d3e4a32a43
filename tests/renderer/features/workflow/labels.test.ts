import { describe, expect, it } from 'vitest';
import { isOverdue, localDay } from '../../../../src/renderer/features/desk/deskTime';
import { initialsOf } from '../../../../src/renderer/features/profile/initials';
import { actionKey } from '../../../../src/renderer/features/workflow/actionLabels';
import { allowedTargets } from '../../../../src/main/workflow/transitionRules';
import { ARTICLE_STATUSES } from '../../../../src/shared/domain/article';
import { en } from '../../../../src/renderer/i18n/locales/en';

describe('the workflow panel’s words', () => {
  it('names every move a publisher can make with a button label that exists', () => {
    const panel = en.workflow.panel as Record<string, string>;
    for (const from of ARTICLE_STATUSES)
      for (const to of allowedTargets('publisher', from))
        expect(panel[actionKey(from, to)], `${from}>${to}`).toBeTruthy();
    expect(actionKey('scheduled', 'approved')).toBe('unschedule');
    expect(actionKey('spiked', 'draft')).toBe('restoreFromSpike');
    expect(actionKey('in_copy_edit', 'draft')).toBe('returnToReporter');
  });

  it('makes initials from the first and last names, accents and Arabic included', () => {
    expect(initialsOf('Nadia Ait Ahmed')).toBe('NA');
    expect(initialsOf('  élodie  ')).toBe('É');
    expect(initialsOf('ليلى بن علي')).toBe('لع');
    expect(initialsOf('')).toBe('');
  });

  it('calls a deadline overdue only while the article still waits on someone', () => {
    expect(isOverdue({ deadline: 10, status: 'submitted' }, 11)).toBe(true);
    expect(isOverdue({ deadline: 10, status: 'submitted' }, 10)).toBe(false);
    expect(isOverdue({ deadline: 10, status: 'published' }, 11)).toBe(false);
    expect(isOverdue({ deadline: null, status: 'draft' }, 11)).toBe(false);
  });

  it('takes today as the person’s local calendar day', () => {
    const day = localDay(new Date(2026, 2, 29, 15, 0));
    expect(new Date(day.dayStart)).toEqual(new Date(2026, 2, 29));
    expect(new Date(day.dayEnd)).toEqual(new Date(2026, 2, 30));
  });
});
