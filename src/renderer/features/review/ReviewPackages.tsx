import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageImportResult } from '../../../shared/domain/reviewPackage';
import { call } from '../../bridge';
import { useEditorStore } from '../editor/editorStore';
import { ConflictResolver } from '../sync/ConflictResolver';
import { saveBytes } from './saveBytes';
import './review.css';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** "Export for review": the open article (as saved) handed over as one package file. */
export function ExportReviewButton() {
  const { t } = useTranslation();
  const article = useEditorStore((s) => s.article);
  const flush = useEditorStore((s) => s.flush);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  async function exportPackage(): Promise<void> {
    if (!article) return;
    setStatus(undefined);
    try {
      // What travels is what is saved: save what was typed first.
      await flush();
      const file = await call('review:exportPackage', { articleId: article.id });
      if (file.data) saveBytes(file.data, file.filename, 'application/zip');
      setStatus({
        ok: true,
        text: t('travel.exported', { filename: file.filename, size: Math.ceil(file.bytes / 1024) }),
      });
    } catch (error) {
      setStatus({ ok: false, text: t('travel.exportFailed', { message: message(error) }) });
    }
  }

  return (
    <span className="review-export">
      <button type="button" disabled={!article} onClick={() => void exportPackage()}>
        {t('travel.exportPackage')}
      </button>
      {status && <span role={status.ok ? 'status' : 'alert'}>{status.text}</span>}
    </span>
  );
}

/** "Import review package": a package file on this machine, what it did, and the conflict view when needed. */
export function ImportReviewDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackageImportResult>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function start(): Promise<void> {
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      setResult(await call('review:importPackage', { path: path.trim() }));
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  }

  function openArticle(id: string): void {
    setOpen(false);
    void useEditorStore.getState().open(id);
  }

  return (
    <>
      <button type="button" className="review-import-open" onClick={() => setOpen(true)}>
        {t('travel.importOpen')}
      </button>
      <dialog
        ref={dialog}
        className="review-dialog"
        aria-label={t('travel.importDialog')}
        onClose={() => setOpen(false)}
      >
        <h2>{t('travel.importDialog')}</h2>
        <label>
          {t('travel.path')}
          <input type="text" value={path} onChange={(e) => setPath(e.target.value)} />
        </label>
        <div className="review-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || !path.trim()}
            onClick={() => void start()}
          >
            {t('travel.importStart')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('travel.close')}
          </button>
        </div>
        {error && <p role="alert">{t('travel.importFailed', { message: error })}</p>}
        {result && (
          <div className="review-result">
            <p role="status">{t(`travel.outcome.${result.outcome}`, result)}</p>
            {result.outcome === 'conflict' ? (
              <ConflictResolver articleId={result.articleId} onDone={() => openArticle(result.articleId)} />
            ) : (
              <button type="button" onClick={() => openArticle(result.articleId)}>
                {t('travel.openArticle')}
              </button>
            )}
          </div>
        )}
      </dialog>
    </>
  );
}
