import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../i18n/i18n';
import { useEditorStore } from './editorStore';

function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Tells the writer, at a glance, whether their text is safe; failures and conflicts say what to do. */
export function SaveStatus() {
  const { t } = useTranslation();
  const state = useEditorStore((s) => s.saveState);
  const flush = useEditorStore((s) => s.flush);
  const keepMine = useEditorStore((s) => s.keepMine);
  const loadTheirs = useEditorStore((s) => s.loadTheirs);
  const seconds = useSecondsUntil(state.kind === 'failed' ? state.retryAt : undefined);

  switch (state.kind) {
    case 'saved':
      return (
        <p
          role="status"
          className="save-status save-status-saved"
          title={state.at ? t('save.savedAt', { time: formatTime(state.at) }) : undefined}
        >
          {t('save.saved')}
        </p>
      );
    case 'pending':
      return (
        <p role="status" className="save-status">
          {t('save.pending')}
        </p>
      );
    case 'saving':
      return (
        <p role="status" className="save-status">
          {t('save.saving')}
        </p>
      );
    case 'failed':
      return (
        <div role="alert" className="save-status save-status-error">
          {t('save.failed', { message: state.message, seconds })}{' '}
          <button type="button" onClick={() => void flush()}>
            {t('save.retryNow')}
          </button>
        </div>
      );
    case 'conflict':
      return (
        <div role="alert" className="save-status save-status-error">
          {t('save.conflict', { message: state.message })}{' '}
          <button type="button" onClick={() => void keepMine()}>
            {t('save.keepMine')}
          </button>{' '}
          <button type="button" onClick={() => void loadTheirs()}>
            {t('save.loadTheirs')}
          </button>
        </div>
      );
  }
}
