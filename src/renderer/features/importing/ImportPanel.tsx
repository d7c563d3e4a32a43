import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/domain/importing';
import { call, subscribe, transport } from '../../bridge';
import { ModalDialog } from '../../ui/ModalDialog';
import './importing.css';

/** The Import dialog: a file path, its format, a WordPress export's uploads folder, a progress bar with counts and time left, Cancel. */
export function ImportPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [uploads, setUploads] = useState('');
  const [format, setFormat] = useState<'wxr' | 'jsonl'>('wxr');
  const [jobId, setJobId] = useState<string>();
  const [progress, setProgress] = useState<ImportProgress>();
  const [error, setError] = useState<string>();

  useEffect(
    () =>
      subscribe('import:progress', (p) => {
        setProgress((current) => (current === undefined || current.jobId === p.jobId ? p : current));
      }),
    [],
  );

  // A picked path, not the file's bytes: main streams the file, which can be far larger than memory.
  async function choose(purpose: 'file' | 'uploads'): Promise<void> {
    try {
      const picked = await call('app:chooseFile', {
        purpose: purpose === 'uploads' ? 'import-uploads' : format === 'wxr' ? 'import-wxr' : 'import-jsonl',
      });
      if (picked.path) (purpose === 'uploads' ? setUploads : setPath)(picked.path);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function start(): Promise<void> {
    setError(undefined);
    setProgress(undefined);
    try {
      const { jobId: id } = await call('import:start', {
        path,
        format,
        ...(format === 'wxr' && uploads.trim() ? { uploadsDir: uploads.trim() } : {}),
      });
      setJobId(id);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const running = jobId !== undefined && (progress === undefined || progress.state === 'running');
  // The first of a WXR's two readings (its photo list): the articles' progress has not started yet.
  const readingPhotoList =
    progress?.state === 'running' && progress.bytesDone === 0 && progress.photoListBytes !== undefined;
  return (
    <ModalDialog
      opener={t('importing.open')}
      label={t('importing.dialog')}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      <label>
        {t('importing.path')}
        <input type="text" value={path} onChange={(e) => setPath(e.target.value)} />
      </label>
      {transport === 'electron' && (
        <button type="button" onClick={() => void choose('file')}>
          {t('importing.choose')}
        </button>
      )}
      <label>
        {t('importing.format')}
        <select value={format} onChange={(e) => setFormat(e.target.value as 'wxr' | 'jsonl')}>
          <option value="wxr">{t('importing.wxr')}</option>
          <option value="jsonl">{t('importing.jsonl')}</option>
        </select>
      </label>
      {format === 'wxr' && (
        <>
          <label>
            {t('importing.uploads')}
            <input
              type="text"
              value={uploads}
              onChange={(e) => setUploads(e.target.value)}
              aria-describedby="import-uploads-hint"
            />
          </label>
          <p id="import-uploads-hint" className="import-hint">
            {t('importing.uploadsHint')}
          </p>
          {transport === 'electron' && (
            <button type="button" onClick={() => void choose('uploads')}>
              {t('importing.chooseUploads')}
            </button>
          )}
        </>
      )}
      <div className="import-actions">
        <button
          type="button"
          className="primary"
          disabled={running || !path.trim()}
          onClick={() => void start()}
        >
          {t('importing.start')}
        </button>
        {running && jobId && (
          <button type="button" onClick={() => void call('import:cancel', { jobId })}>
            {t('importing.cancel')}
          </button>
        )}
        <button type="button" onClick={() => setOpen(false)}>
          {t('importing.close')}
        </button>
      </div>
      {error && <p role="alert">{t('importing.failed', { message: error })}</p>}
      {progress && (
        <div className="import-progress">
          <progress
            max={progress.bytesTotal || 1}
            value={readingPhotoList ? (progress.photoListBytes ?? 0) : progress.bytesDone}
            aria-label={t('importing.progress')}
          />
          <p role="status">
            {readingPhotoList
              ? `${t('importing.readingPhotoList', {
                  percent: Math.floor(((progress.photoListBytes ?? 0) / (progress.bytesTotal || 1)) * 100),
                })} · `
              : ''}
            {t('importing.counts', progress)}
            {progress.photosAdded > 0
              ? ` · ${t('importing.photosAdded', { count: progress.photosAdded })}`
              : ''}
            {progress.photosNotAdded > 0
              ? ` · ${t('importing.photosNotAdded', { count: progress.photosNotAdded })}`
              : ''}
            {progress.photosMissing > 0
              ? ` · ${t('importing.photosMissing', { count: progress.photosMissing })}`
              : ''}
            {progress.state === 'running' && progress.remainingMs !== null
              ? ` · ${t('importing.remaining', { seconds: Math.ceil(progress.remainingMs / 1000) })}`
              : ''}
            {progress.state === 'done' ? ` · ${t('importing.done')}` : ''}
            {progress.state === 'cancelled' ? ` · ${t('importing.cancelled')}` : ''}
            {progress.state === 'failed'
              ? ` · ${t('importing.failedState', { message: progress.message ?? '' })}`
              : ''}
          </p>
          {progress.problems.length > 0 && (
            <ul aria-label={t('importing.problems')}>
              {progress.problems.map((p, i) => (
                <li key={i}>
                  {p.position}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </ModalDialog>
  );
}
