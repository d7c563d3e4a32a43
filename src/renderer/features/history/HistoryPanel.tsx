import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/i18n';
import { useEditorStore } from '../editor/editorStore';
import { FieldDiffList } from './FieldDiffList';
import { useHistoryStore } from './historyStore';
import './history.css';

/** The History button and dialog: when, who, words added/removed; compare any two; restore. */
export function HistoryPanel() {
  const { t } = useTranslation();
  const articleId = useEditorStore((s) => s.article?.id);
  const { open, revisions, from, to, diff, error, notice, show, hide, pick, restore } = useHistoryStore();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  if (!articleId) return null;
  const label = (revision: number) => t('history.revision', { revision });
  const changed = diff?.filter((d) => d.changed) ?? [];
  return (
    <>
      <button type="button" className="history-open" onClick={() => void show()}>
        {t('history.open')}
      </button>
      <dialog ref={dialog} className="history-dialog" aria-label={t('history.dialog')} onClose={hide}>
        <div className="history-head">
          <h2>{t('history.dialog')}</h2>
          <button type="button" onClick={hide}>
            {t('history.close')}
          </button>
        </div>
        {error && <p role="alert">{t('history.failed', { message: error })}</p>}
        {notice && <p className="history-notice">{t('history.restored', { revision: notice })}</p>}
        <div className="history-body">
          <ul className="history-list" aria-label={t('history.list')}>
            {revisions.map((r) => (
              <li key={r.revision}>
                <strong>
                  {label(r.revision)} · {t(`history.kinds.${r.kind}`)}
                </strong>
                <span className="history-meta">
                  {t('history.meta', {
                    when: formatDateTime(r.createdAt),
                    who: r.savedBy || t('history.unknownAuthor'),
                    added: r.wordsAdded,
                    removed: r.wordsRemoved,
                  })}
                </span>
                <button type="button" onClick={() => void restore(r.revision)}>
                  {t('history.restore', { revision: r.revision })}
                </button>
              </li>
            ))}
          </ul>
          <div className="history-compare">
            <div className="history-pickers">
              <label>
                {t('history.compareFrom')}
                <select value={from ?? ''} onChange={(e) => void pick('from', Number(e.target.value))}>
                  {revisions.map((r) => (
                    <option key={r.revision} value={r.revision}>
                      {label(r.revision)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('history.compareTo')}
                <select value={to ?? ''} onChange={(e) => void pick('to', Number(e.target.value))}>
                  {revisions.map((r) => (
                    <option key={r.revision} value={r.revision}>
                      {label(r.revision)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {diff && changed.length === 0 && <p>{t('history.unchanged')}</p>}
            {diff && (
              <FieldDiffList
                diff={diff}
                beforeLabel={t('history.before', { revision: from })}
                afterLabel={t('history.after', { revision: to })}
              />
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}
