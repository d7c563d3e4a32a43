import type { ThreadView } from '../../../shared/domain/threadView';

let sheet: CSSStyleSheet | undefined;

const THREAD_ID = /^[0-9a-f-]{36}$/i;

/**
 * How each anchor looks in the body: a resolved thread's text is no longer highlighted, the thread picked in
 * the panel stands out. A constructed stylesheet (CSSOM), as the CSP allows no inline style.
 */
export function styleAnchors(threads: readonly ThreadView[], activeId: string | null): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules: string[] = [];
  for (const thread of threads) {
    if (!THREAD_ID.test(thread.id)) continue;
    const selector = `.body-editor .comment-anchor[data-thread-id="${thread.id}"]`;
    if (thread.id === activeId) rules.push(`${selector} { background: rgb(255 193 7 / 55%); }`);
    else if (thread.resolved) rules.push(`${selector} { background: none; border-block-end: none; }`);
  }
  sheet.replaceSync(rules.join('\n'));
}
