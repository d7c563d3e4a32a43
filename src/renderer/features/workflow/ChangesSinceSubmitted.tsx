import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldDiffList } from '../history/FieldDiffList';
import { useWorkflowStore } from './workflowStore';

/** The per-field word diff between the revision last submitted and now. */
export function ChangesSinceSubmitted() {
  const { t } = useTranslation();
  const changes = useWorkflowStore((s) => s.changes);
  const hide = useWorkflowStore((s) => s.hideChanges);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (changes && !element.open) element.showModal();
    if (!changes && element.open) element.close();
  }, [changes]);

  return (
    <dialog
      ref={dialog}
      className="history-dialog"
      aria-label={t('workflow.panel.changesHeading')}
      onClose={hide}
    >
      <div className="history-head">
        <h2>{t('workflow.panel.changesHeading')}</h2>
        <button type="button" onClick={hide}>
          {t('workflow.panel.closeChanges')}
        </button>
      </div>
      {changes && changes.diff.every((d) => !d.changed) && <p>{t('workflow.panel.noChanges')}</p>}
      {changes && (
        <div className="history-compare">
          <FieldDiffList
            diff={changes.diff}
            beforeLabel={t('workflow.panel.submittedSide', { revision: changes.from })}
            afterLabel={t('workflow.panel.nowSide', { revision: changes.to })}
          />
        </div>
      )}
    </dialog>
  );
}
