import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { emptyFields } from '../../src/main/articles/articleService';
import { startCore } from '../../src/main/core/startCore';
import type { BodyDoc, PmNode } from '../../src/shared/domain/article';
import { chromiumExecutable } from '../e2e/support/browser';
import { startHostProcess } from '../e2e/support/host';
import type { Bench } from './support/bench';
import { percentile } from './support/figures';

const ROOT = resolve(__dirname, '../..');
const WORDS = [
  'le',
  'conseil',
  'municipal',
  'a',
  'voté',
  'à',
  'une',
  'large',
  'majorité',
  'budget',
  'de',
  'l’année',
  'prochaine',
  'selon',
  'maire',
  'qui',
  'défend',
  'projet',
  'écoles',
  'rénovées',
];
const LAST = 'Dernier paragraphe du long article.';

/** A long article: paragraphs of 20 words, a subheading every 25 paragraphs, some bold and italic. */
function longBody(words: number): BodyDoc {
  const content: PmNode[] = [];
  let count = 0;
  for (let p = 0; count < words; p++) {
    if (p % 25 === 0)
      content.push({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: `Partie ${p / 25 + 1}` }],
      });
    const text = Array.from({ length: 20 }, (_, i) => WORDS[(p * 7 + i) % WORDS.length]).join(' ');
    count += 20;
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: `${text} ` },
        { type: 'text', text: 'important', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' et ' },
        { type: 'text', text: 'nuancé.', marks: [{ type: 'italic' }] },
      ],
    });
  }
  content.push({ type: 'paragraph', content: [{ type: 'text', text: LAST }] });
  return { type: 'doc', content };
}

/**
 * In-page instrumentation, the same for both editors: a keystroke's latency is from its keydown to the end of
 * the task that handled it (the editor's transaction, its DOM update and every listener), measured by a
 * zero-delay timer queued at keydown.
 */
function instrument(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    window.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        setTimeout(() => w.latencies.push(performance.now() - start), 0);
      },
      { capture: true },
    );
  });
}

async function typeAndMeasure(page: Page, keys: number, delay: number): Promise<number[]> {
  await instrument(page);
  const sentence = 'Le maire répond aux questions des habitants ce soir ';
  let typed = '';
  while (typed.length < keys) typed += sentence;
  await page.keyboard.type(typed.slice(0, keys), { delay });
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

/** Puts the caret at the end of the middle paragraph of the body. */
async function caretInMiddle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const editor = document.querySelector('.body-editor') as HTMLElement;
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
  await page.waitForTimeout(200);
}

/** tsx names functions with an __name helper that pages do not have: give them one. */
const NAME_HELPER = { content: 'window.__name = (fn) => fn;' };

const bench: Bench = {
  name: 'editor',
  async run({ size, workDir, log, report }) {
    const words = size ?? 20000;
    const keys = 300;
    const delay = 60;
    log('building the renderer');
    const built = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
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
      // The app: open the long article (a few times, switching away in between), then type in its middle.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(NAME_HELPER);
      await page.goto(host.openUrl);
      const list = page.getByRole('navigation', { name: 'Articles' });
      await list.getByRole('button', { name: /Article court/ }).click();
      const opens: number[] = [];
      for (let i = 0; i < 5; i++) {
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
            return performance.now() - start;
          }, LAST),
        );
        await list.getByRole('button', { name: /Article court/ }).click();
        await page.getByRole('textbox', { name: 'Headline' }).waitFor();
      }
      await list.getByRole('button', { name: /Article long/ }).click();
      await page.locator('.body-editor p', { hasText: LAST }).waitFor();
      await caretInMiddle(page);
      log(`typing ${keys} keys, one every ${delay} ms, in the app`);
      const app = await typeAndMeasure(page, keys, delay);
      await page.close();

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
      log(`typing ${keys} keys in bare TipTap`);
      const baseline = await typeAndMeasure(barePage, keys, delay);
      await barePage.close();

      log(`samples: app ${app.length}, bare ${baseline.length}`);
      for (const p of [50, 95]) {
        report({
          name: `typing latency p${p} (${words} words)`,
          value: percentile(app, p),
          baseline: percentile(baseline, p),
          baselineName: 'bare TipTap StarterKit, same document',
          unit: 'ms',
          target: p === 95 ? { max: 16, against: 'value' } : undefined,
        });
      }
      report({
        name: `typing latency p95 ratio to bare (${words} words)`,
        value: percentile(app, 95),
        baseline: percentile(baseline, 95),
        baselineName: 'bare TipTap StarterKit, same document',
        unit: 'ms',
        target: { max: 1.3, against: 'ratio' },
      });
      report({
        name: `opening the article, median of 5 (${words} words)`,
        value: percentile(opens, 50),
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
