import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, subscribe } from '../../bridge';
import { saveFile } from './exportFile';
import { formatDateTime } from '../../i18n/i18n';
import { useEditorStore } from '../editor/editorStore';
import { HitText } from './HitText';
import { SearchFilters } from './SearchFilters';
import { useSearchStore } from './searchStore';
import { useSearchShortcut } from './useSearchShortcut';
import './search.css';

/** Moves focus between results with the arrow keys; ArrowUp from the first goes back to the search box. */
function moveFocus(
  event: KeyboardEvent<HTMLElement>,
  list: HTMLElement | null,
  input: HTMLElement | null,
): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = Array.from(list?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? []);
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
  event.preventDefault();
  if (next < 0) input?.focus();
  else items[Math.min(next, items.length - 1)]?.focus();
}

/** The archive search: a modal dialog opened with Ctrl/Cmd+K or the Search button, from anywhere. */
export function SearchView() {
  const { t } = useTranslation();
  useSearchShortcut();
  const open = useSearchStore((s) => s.open);
  const setOpen = useSearchStore((s) => s.setOpen);
  const query = useSearchStore((s) => s.query);
  const setQuery = useSearchStore((s) => s.setQuery);
  const hits = useSearchStore((s) => s.hits);
  const count = useSearchStore((s) => s.count);
  const loading = useSearchStore((s) => s.loading);
  const error = useSearchStore((s) => s.error);
  const nextCursor = useSearchStore((s) => s.nextCursor);
  const more = useSearchStore((s) => s.more);
  const rebuild = useSearchStore((s) => s.rebuild);
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => subscribe('search:progress', (p) => useSearchStore.getState().noteProgress(p)), []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
    if (open) input.current?.select();
  }, [open]);

  async function choose(id: string): Promise<void> {
    setOpen(false);
    await useEditorStore.getState().open(id);
  }

  const hasQuery = query.trim().length > 0;
  return (
    <>
      <button
        type="button"
        className="search-open"
        aria-keyshortcuts="Control+K Meta+K"
        title={t('search.shortcut')}
        onClick={() => setOpen(true)}
      >
        {t('search.open')}
      </button>
      <dialog
        ref={dialog}
        className="search-dialog"
        aria-label={t('search.dialog')}
        onClose={() => setOpen(false)}
        onKeyDown={(e) => moveFocus(e, list.current, input.current)}
      >
        <div className="search-head">
          <input
            ref={input}
            type="search"
            className="search-input"
            aria-label={t('search.input')}
            placeholder={t('search.placeholder')}
            value={query}
            dir="auto"
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" onClick={() => setOpen(false)}>
            {t('search.close')}
          </button>
        </div>
        <SearchFilters />
        <p className="search-count" role="status">
          {error
            ? t('search.failed', { message: error })
            : !hasQuery && hits.length === 0
              ? t('search.hint')
              : loading
                ? ''
                : hits.length === 0
                  ? t('search.none')
                  : count === undefined
                    ? t('search.counting')
                    : t('search.count', { count })}
        </p>
        <ul ref={list} className="search-results" aria-label={t('search.results')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="search-hit" onClick={() => void choose(hit.id)}>
                {hit.kicker && <span className="search-hit-kicker">{hit.kicker}</span>}
                <span className="search-hit-headline" dir="auto" lang={hit.language}>
                  {hit.headline.length > 0 ? <HitText runs={hit.headline} /> : t('search.untitled')}
                </span>
                <span className="search-hit-snippet" dir="auto" lang={hit.language}>
                  <HitText runs={hit.snippet} />
                </span>
                <span className="search-hit-meta">
                  {t(`search.statuses.${hit.status}`)} · {formatDateTime(hit.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {hits.length > 0 && <ExportButtons />}
        {nextCursor && (
          <button type="button" onClick={() => void more()}>
            {t('search.more')}
          </button>
        )}
        <RebuildBar running={rebuild?.state === 'running'} />
      </dialog>
    </>
  );
}

/** Exports the whole search result (up to 1,000 articles, newest first) as ninjs JSON or HTML. */
function ExportButtons() {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  async function run(format: 'ninjs' | 'html'): Promise<void> {
    const { query, filters } = useSearchStore.getState();
    try {
      setError(undefined);
      const search = {
        query,
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.language ? { language: filters.language } : {}),
      };
      saveFile(await call('export:articles', { search, format }));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div className="search-export">
      <button type="button" onClick={() => void run('ninjs')}>
        {t('search.exportNinjs')}
      </button>
      <button type="button" onClick={() => void run('html')}>
        {t('search.exportHtml')}
      </button>
      {error && <p role="alert">{t('search.failed', { message: error })}</p>}
    </div>
  );
}

function RebuildBar({ running }: { running: boolean }) {
  const { t } = useTranslation();
  const rebuild = useSearchStore((s) => s.rebuild);
  const start = useSearchStore((s) => s.startRebuild);
  const cancel = useSearchStore((s) => s.cancelRebuild);
  return (
    <div className="search-rebuild">
      {rebuild && (
        <>
          <progress max={rebuild.total || 1} value={rebuild.done} aria-label={t('search.rebuild')} />
          <span>
            {rebuild.state === 'running'
              ? rebuild.remainingMs === null
                ? t('search.rebuilding', rebuild)
                : t('search.rebuildingEta', { ...rebuild, seconds: Math.ceil(rebuild.remainingMs / 1000) })
              : rebuild.state === 'cancelled'
                ? t('search.rebuildCancelled')
                : rebuild.state === 'done'
                  ? t('search.rebuildDone', rebuild)
                  : ''}
          </span>
        </>
      )}
      {running ? (
        <button type="button" onClick={() => void cancel()}>
          {t('search.cancelRebuild')}
        </button>
      ) : (
        <button type="button" onClick={() => void start()}>
          {t('search.rebuild')}
        </button>
      )}
    </div>
  );
}
