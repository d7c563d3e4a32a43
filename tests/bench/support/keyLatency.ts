import type { Page } from '@playwright/test';

/**
 * Keystroke latency measured inside the page, the same way for the app and for bare TipTap, so their ratio is
 * honest. For each trusted keydown:
 * - `dom`: from the event's timeStamp (when the browser received the key, so time spent queued behind other
 *   work of the page counts, as a writer would feel it) to the moment ProseMirror has applied the keystroke
 *   and drawn it: a microtask queued by a MutationObserver on the editable element, which runs once the
 *   editor's own DOM observer has read the change and dispatched its transaction with every listener.
 * - `handled`: the same end, from the start of the first keydown listener (the page's own processing only).
 * - `paint`: from the timeStamp to the end of the next frame the page renders (a task posted from the next
 *   requestAnimationFrame runs after that frame's style, layout and paint). Includes waiting for the frame.
 * Playwright and CDP round trips are outside every figure: the clock starts and stops in the page.
 */
export interface KeySample {
  dom: number;
  handled: number;
  paint: number;
}

interface Pending {
  stamp: number;
  start: number;
  dom: number;
  paint: number;
}

export function instrumentKeys(page: Page, editable: string): Promise<void> {
  return page.evaluate((selector) => {
    const w = window as unknown as { keySamples: Pending[] };
    w.keySamples = [];
    const root = document.querySelector(selector);
    if (!root) throw new Error(`no ${selector}`);
    let current: Pending | undefined;
    window.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted) return;
        const sample: Pending = { stamp: event.timeStamp, start: performance.now(), dom: NaN, paint: NaN };
        current = sample;
        w.keySamples.push(sample);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            sample.paint = performance.now();
          };
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const sample = current;
      if (!sample || !Number.isNaN(sample.dom)) return;
      queueMicrotask(() => {
        sample.dom = performance.now();
      });
    }).observe(root, { subtree: true, childList: true, characterData: true });
  }, editable);
}

/** The samples since instrumentKeys, then forgets them; keys whose DOM never changed are left out. */
export async function takeKeySamples(page: Page): Promise<KeySample[]> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { keySamples: Pending[] };
    const out = w.keySamples;
    w.keySamples = [];
    return out;
  });
  return raw
    .filter((s) => Number.isFinite(s.dom) && Number.isFinite(s.paint))
    .map((s) => ({ dom: s.dom - s.stamp, handled: s.dom - s.start, paint: s.paint - s.stamp }));
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Types `text` with trusted key events (CDP Input.dispatchKeyEvent through Playwright), one key at a time
 * with a pause of 90-170 ms between them, about a fast typist's pace: keys never queue behind each other,
 * and the jitter keeps them from beating in step with the app's own timers.
 */
export async function typeSpaced(page: Page, text: string): Promise<void> {
  for (const key of text) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await sleep(90 + Math.random() * 80);
  }
}
