import { useCallback, useEffect, useId, useRef } from 'react';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { MoveFinding } from '../../../shared/domain/desk';
import { useTranslation } from 'react-i18next';
import { whenTypingPauses } from '../../editor/typingPause';
import { subscribe } from '../../bridge';
import { useEditorStore } from '../editor/editorStore';
import { useProfileStore } from '../profile/profileStore';
import { actionKey } from './actionLabels';
import { AssignmentForm } from './AssignmentForm';
import { ChangesSinceSubmitted } from './ChangesSinceSubmitted';
import { WorkflowHistory } from './WorkflowHistory';
import { useWorkflowStore } from './workflowStore';
import './workflow.css';

/** The open article's status, the moves the profile's role allows, its assignment and its history. */
export function WorkflowPanel() {
  const { t } = useTranslation();
  const id = useId();
  const articleId = useEditorStore((s) => s.article?.id);
  const revision = useEditorStore((s) => s.article?.revision);
  const profile = useProfileStore((s) => s.profile);
  const { view, people, note, busy, error, load, setNote, transition, assign, showChanges } =
    useWorkflowStore();
  const { goLiveAt, setGoLiveAt, held, sent } = useWorkflowStore();

  // Follows the article and a change of profile (role, so the buttons) at once...
  useEffect(() => void load(articleId), [articleId, profile, load]);
  // ...and each later save (the status revision) or change made elsewhere (another window, another desk's
  // package), once typing pauses: a body save does not move the workflow.
  const later = useCallback(
    (id: string | undefined) =>
      whenTypingPauses('workflow', () => {
        if (id && useEditorStore.getState().article?.id === id) void load(id);
      }),
    [load],
  );
  const seen = useRef<{ id?: string; revision?: number }>({});
  useEffect(() => {
    const before = seen.current;
    seen.current = { id: articleId, revision };
    if (before.id === articleId && before.revision !== undefined && before.revision !== revision)
      later(articleId);
  }, [articleId, revision, later]);
  useEffect(
    () =>
      subscribe('articles:changed', ({ id }) => {
        if (id === articleId) later(articleId);
      }),
    [articleId, later],
  );

  if (!articleId || !view) return null;
  const status = view.status;

  return (
    <section className="workflow-panel" aria-label={t('workflow.panel.panel')}>
      <div className="workflow-row">
        <p className="workflow-status">
          {t('workflow.panel.status', { status: t(`workflow.statuses.${status}`) })}
        </p>
        <div role="group" aria-label={t('workflow.panel.actions')} className="workflow-actions">
          {view.allowed.map((to) => (
            <button key={to} type="button" disabled={busy} onClick={() => void transition(to)}>
              {t(`workflow.panel.${actionKey(status, to)}`)}
            </button>
          ))}
          {view.allowed.length === 0 && <span>{t('workflow.panel.noActions')}</span>}
        </div>
        <button type="button" disabled={view.submittedRevision === null} onClick={() => void showChanges()}>
          {t('workflow.panel.changesSinceSubmitted')}
        </button>
      </div>
      <label htmlFor={`${id}-note`}>{t('workflow.panel.note')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={4000}
        value={note}
        placeholder={t('workflow.panel.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
      />
      {view.allowed.includes('scheduled') && (
        <>
          <label htmlFor={`${id}-live`}>{t('workflow.panel.goLiveAt')}</label>
          <input
            id={`${id}-live`}
            type="datetime-local"
            value={goLiveAt}
            onChange={(e) => setGoLiveAt(e.target.value)}
          />
        </>
      )}
      {error && <p role="alert">{t('workflow.panel.failed', { message: error })}</p>}
      {held && <HeldMove held={held} onAccept={() => void transition(held.to, { acceptWarnings: true })} />}
      {sent && (
        <p role="status" className="workflow-sent">
          {sent.unlinked
            ? t(
                sent.to === 'scheduled'
                  ? 'workflow.panel.unlinkedSchedule'
                  : 'workflow.panel.unlinkedPublish',
              )
            : t(sent.to === 'scheduled' ? 'workflow.panel.sentSchedule' : 'workflow.panel.sentPublish', {
                sites: sent.pushes.map((p) => p.siteName).join(', '),
              })}
        </p>
      )}
      <AssignmentForm
        key={JSON.stringify(view.assignment)}
        assignment={view.assignment}
        status={status}
        people={people}
        me={profile?.id}
        busy={busy}
        onAssign={(assigneeId, deadline, priority) => void assign(assigneeId, deadline, priority)}
      />
      <WorkflowHistory />
      <ChangesSinceSubmitted />
    </section>
  );
}

/** A Publish or Schedule the checklist held back, with what to fix, or the one click that accepts warnings. */
function HeldMove({
  held,
  onAccept,
}: {
  held: { to: ArticleStatus; findings: MoveFinding[] };
  onAccept(): void;
}) {
  const { t } = useTranslation();
  const scheduling = held.to === 'scheduled';
  const errors = held.findings.some((f) => f.level === 'error');
  return (
    <div role="alert" className="workflow-held">
      <p>{t(scheduling ? 'workflow.panel.heldSchedule' : 'workflow.panel.heldPublish')}</p>
      <ul>
        {held.findings.map((f) => (
          <li key={f.code} className={`check-${f.level}`}>
            <strong>{t(`checks.level.${f.level}`)}</strong>{' '}
            {t(`checks.code.${f.code}`, { detail: f.detail ?? '' })}
          </li>
        ))}
      </ul>
      {errors ? (
        <p>{t('workflow.panel.heldErrors')}</p>
      ) : (
        <button type="button" onClick={onAccept}>
          {t(scheduling ? 'workflow.panel.scheduleAnyway' : 'workflow.panel.publishAnyway')}
        </button>
      )}
    </div>
  );
}
