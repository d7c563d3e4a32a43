import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/i18n';
import { useEditorStore } from '../editor/editorStore';
import { ArticleListFilters } from './ArticleListFilters';
import { useArticlesStore } from './articlesStore';
import './articleList.css';

/** Row height in px; the same in articleList.css. Fixed, so the list can draw only what is on screen. */
const ROW = 56;
const OVERSCAN = 6;

/** The sidebar: every article, newest first, drawn only where visible, and the button that starts one. */
export function ArticleList() {
  const { t } = useTranslation();
  const items = useArticlesStore((s) => s.items);
  const loaded = useArticlesStore((s) => s.loaded);
  const error = useArticlesStore((s) => s.error);
  const count = useArticlesStore((s) => s.count);
  const nextCursor = useArticlesStore((s) => s.nextCursor);
  const loadMore = useArticlesStore((s) => s.loadMore);
  const createArticle = useArticlesStore((s) => s.create);
  const openId = useEditorStore((s) => s.article?.id);
  const open = useEditorStore((s) => s.open);
  // The list shows the headline being typed, not only the last saved one.
  const draftHeadline = useEditorStore((s) => s.draft?.headline);
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 800));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const start = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const end = Math.min(items.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);

  useEffect(() => {
    if (nextCursor && end >= items.length - OVERSCAN * 2) void loadMore();
  }, [end, items.length, nextCursor, loadMore]);

  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    viewport.current?.querySelector<HTMLButtonElement>(`[data-index="${active}"]`)?.focus();
  }, [active, start]);

  async function startNew(): Promise<void> {
    const id = await createArticle();
    if (id) await open(id);
  }

  function moveTo(index: number): void {
    const element = viewport.current;
    const next = Math.max(0, Math.min(items.length - 1, index));
    if (!element || items.length === 0) return;
    if (next * ROW < element.scrollTop) element.scrollTop = next * ROW;
    else if ((next + 1) * ROW > element.scrollTop + element.clientHeight)
      element.scrollTop = (next + 1) * ROW - element.clientHeight;
    setScrollTop(element.scrollTop);
    focusActive.current = true;
    setActive(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const page = Math.max(1, Math.floor(height / ROW) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <nav className="article-list" aria-label={t('articles.heading')}>
      <div className="article-list-head">
        <h1>{t('articles.heading')}</h1>
        <button type="button" className="primary" onClick={() => void startNew()}>
          {t('articles.new')}
        </button>
      </div>
      <ArticleListFilters />
      <p className="article-list-count">
        {count === undefined ? t('articleList.counting') : t('articleList.count', { count })}
      </p>
      {error && <p role="alert">{t('articles.loadFailed', { message: error })}</p>}
      {loaded && items.length === 0 && <p className="article-list-empty">{t('articles.empty')}</p>}
      <div
        ref={viewport}
        className="article-list-viewport"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <ul className="article-list-rows" style={{ height: items.length * ROW }} onKeyDown={onKeyDown}>
          {items.slice(start, end).map((item, k) => {
            const index = start + k;
            const headline = (item.id === openId ? draftHeadline : item.headline) || t('articles.untitled');
            return (
              <li
                key={item.id}
                className="article-list-row"
                style={{ transform: `translateY(${index * ROW}px)` }}
                aria-setsize={count ?? -1}
                aria-posinset={index + 1}
              >
                <button
                  type="button"
                  className="article-list-item"
                  data-index={index}
                  tabIndex={index === Math.min(active, items.length - 1) ? 0 : -1}
                  aria-current={item.id === openId ? 'page' : undefined}
                  onFocus={() => setActive(index)}
                  onClick={() => void open(item.id)}
                >
                  <span className="article-list-headline" dir="auto" lang={item.language}>
                    {headline}
                  </span>
                  <span className="article-list-meta">
                    {t('articles.updated', { when: formatDateTime(item.updatedAt) })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
