import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { emptyFields } from '../../src/main/articles/articleService';
import { startCore } from '../../src/main/core/startCore';
import { chromiumExecutable } from '../e2e/support/browser';
import { startHostProcess } from '../e2e/support/host';
import type { Bench } from './support/bench';
import { percentile } from './support/figures';
import { instrumentKeys, takeKeySamples, typeSpaced, type KeySample } from './support/keyLatency';
import { LAST_PARAGRAPH, longBody } from './support/longArticle';

const ROOT = resolve(__dirname, '../..');
/** Plain keys only (an accented letter is typed by Playwright as inserted text, with no keydown to time). */
const SENTENCE = 'Le maire repond ce soir aux habitants : les travaux commencent lundi ! ';
/** Keys per turn: the app and bare TipTap take turns, so a change of the machine's load hits both alike. */
const TURN = 25;

/** Puts the caret at the end of the middle paragraph of the body. */
async function caretInMiddle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const editor = document.querySelector('[contenteditable="true"]') as HTMLElement;
    const paragraphs = editor.querySelectorAll('p');
    const target = paragraphs[Math.floor(paragraphs.length / 2)] as HTMLElement;
    target.scrollIntoView({ block: 'center' });
    editor.focus();
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  await page.waitForTimeout(300);
}

/** tsx names functions with an __name helper that pages do not have: give them one. */
const NAME_HELPER = { content: 'window.__name = (fn) => fn;' };

/** Phases of one opening, from the app's User Timing marks (features/editor/openTiming.ts). */
interface OpenTiming {
  total: number;
  /** Click to the article fetched and parsed (the IPC call). */
  fetch: number;
  /** Into the store. */
  store: number;
  /** Until React renders the body and TipTap has built the schema, the document and its view. */
  create: number;
  /** React's commit: the view moved into the page (and its node views). */
  mount: number;
  /** Style, layout and paint of the frame that shows it. */
  paint: number;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Opens the long article in the app `times` times (from the short one): each until its last paragraph shows and the next frame is drawn. */
async function openTimes(page: Page, times: number): Promise<OpenTiming[]> {
  const list = page.getByRole('navigation', { name: 'Articles' });
  const opens: OpenTiming[] = [];
  for (let i = 0; i < times; i++) {
    await list.getByRole('button', { name: /Article court/ }).click();
    await page.getByRole('textbox', { name: 'Headline' }).waitFor();
    await page.waitForTimeout(200);
    opens.push(
      await page.evaluate(async (last) => {
        const button = [...document.querySelectorAll('nav button')].find((b) =>
          b.textContent?.includes('Article long'),
        ) as HTMLButtonElement;
        const start = performance.now();
        button.click();
        await new Promise<void>((done) => {
          const check = (): void => {
            const editor = document.querySelector('.body-editor');
            if (editor?.lastElementChild?.textContent === last) done();
            else requestAnimationFrame(check);
          };
          check();
        });
        // Until the frame showing it is painted.
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const end = performance.now();
        const mark = (phase: string): number =>
          performance.getEntriesByName(`redac:open:${phase}`).at(-1)?.startTime ?? Number.NaN;
        return {
          total: end - start,
          fetch: mark('fetched') - start,
          store: mark('shown') - mark('fetched'),
          create: mark('created') - mark('shown'),
          mount: mark('mounted') - mark('created'),
          paint: end - mark('mounted'),
        };
      }, LAST_PARAGRAPH),
    );
  }
  return opens;
}

const bench: Bench = {
  name: 'editor',
  async run({ size, workDir, log, report }) {
    const words = size ?? 20000;
    const keys = 300;
    log(`load average at start: ${load()}`);
    log('building the renderer');
    const built = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}`);

    const dataDir = join(workDir, 'app');
    const body = longBody(words);
    const core = startCore({ dataDir, transport: 'host', version: 'bench' });
    const long = core.services.articles.create('fr');
    core.services.articles.save({
      id: long.id,
      baseRevision: long.revision,
      fields: { ...emptyFields('fr'), headline: 'Article long', body },
    });
    const short = core.services.articles.create('fr');
    core.services.articles.save({
      id: short.id,
      baseRevision: short.revision,
      fields: { ...emptyFields('fr'), headline: 'Article court' },
    });
    core.close();

    const bare = await build({
      entryPoints: [join(__dirname, 'browser/bareEditor.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const bareScript = bare.outputFiles[0]?.text ?? '';

    const host = await startHostProcess(dataDir);
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      // The app: open the long article a few times (switching away in between), then put the caret in its middle.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(NAME_HELPER);
      await page.goto(host.openUrl);
      const opens = await openTimes(page, 5);
      await caretInMiddle(page);
      await instrumentKeys(page, '.body-editor');

      // Bare TipTap StarterKit on the same document, same browser, same run.
      const barePage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await barePage.addInitScript(NAME_HELPER);
      await barePage.setContent('<!doctype html><html><body></body></html>');
      await barePage.addScriptTag({ content: bareScript });
      const bareOpen: number[] = [];
      for (let i = 0; i < 5; i++) {
        bareOpen.push(
          await barePage.evaluate(async (doc) => {
            document.body.replaceChildren();
            const start = performance.now();
            window.mountBare(doc);
            await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
            return performance.now() - start;
          }, body as never),
        );
      }
      await caretInMiddle(barePage);
      await instrumentKeys(barePage, '[contenteditable="true"]');

      log(`typing ${keys} keys in each, ${TURN} at a time in turns, 90-170 ms apart; load ${load()}`);
      let text = '';
      while (text.length < keys) text += SENTENCE;
      const app: KeySample[] = [];
      const baseline: KeySample[] = [];
      for (let at = 0, turn = 0; at < keys; at += TURN, turn++) {
        const chunk = text.slice(at, at + TURN);
        const order: Array<[Page, KeySample[]]> = [
          [page, app],
          [barePage, baseline],
        ];
        if (turn % 2 === 1) order.reverse();
        for (const [target, samples] of order) {
          await target.bringToFront();
          await typeSpaced(target, chunk);
          await target.waitForTimeout(200);
          samples.push(...(await takeKeySamples(target)));
        }
      }
      await page.close();
      await barePage.close();
      log(`samples: app ${app.length}, bare ${baseline.length}; load at end ${load()}`);

      const figures: Array<[keyof KeySample, string, boolean]> = [
        ['dom', 'keystroke to DOM updated', true],
        ['paint', 'keystroke to next frame drawn', false],
        ['handled', 'keydown handler start to DOM updated', false],
      ];
      for (const [field, what, targeted] of figures) {
        const a = app.map((s) => s[field]);
        const b = baseline.map((s) => s[field]);
        for (const p of [50, 95]) {
          report({
            name: `${what} p${p} (${words} words)`,
            value: percentile(a, p),
            baseline: percentile(b, p),
            baselineName: 'bare TipTap StarterKit, same document',
            unit: 'ms',
            target: targeted && p === 95 ? { max: 16, against: 'value' } : undefined,
          });
        }
        if (targeted)
          report({
            name: `${what} p95, ratio to bare (${words} words)`,
            value: percentile(a, 95),
            baseline: percentile(b, 95),
            baselineName: 'bare TipTap StarterKit, same document',
            unit: 'ms',
            target: { max: 1.3, against: 'ratio' },
          });
      }
      const phases = (['fetch', 'store', 'create', 'mount', 'paint'] as const)
        .map(
          (phase) =>
            `${phase} ${percentile(
              opens.map((o) => o[phase]),
              50,
            ).toFixed(1)}`,
        )
        .join(', ');
      log(`opening phases, medians in ms: ${phases}`);
      report({
        name: `opening the article, median of 5 (${words} words)`,
        value: percentile(
          opens.map((o) => o.total),
          50,
        ),
        baseline: percentile(bareOpen, 50),
        baselineName: 'bare TipTap mounting the same document',
        unit: 'ms',
        target: { max: 200, against: 'value' },
      });
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};

export default bench;
