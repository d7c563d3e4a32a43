import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { body, newArticle, saved } from './support/editor';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function openArticle(page: Page, headline: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: headline }).click();
  await expect(body(page)).toBeVisible();
}

const SAVED_TEXT = 'Premier paragraphe, déjà dans le store.';
const TYPED_DURING_CRASH = ' Suite tapée pendant que le service tombe, mot après mot, sans rien perdre.';
const KEY_DELAY_MS = 40;

/**
 * Until this tab's whole copy of the draft (written once typing pauses: crashBuffer.ts) holds `text`. Waited
 * for, not timed: on a loaded machine the pause's timer fires late.
 */
async function wholeCopyHolds(page: Page, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (wanted) =>
          Object.keys(localStorage).some(
            (key) => key.startsWith('redac:unsaved-whole:') && localStorage.getItem(key)!.includes(wanted),
          ),
        text,
      ),
    )
    .toBe(true);
}

/** A fresh host and store, a new article titled `headline`, the caret in its body. */
async function startWriting(
  context: BrowserContext,
  headline: string,
): Promise<{ dataDir: string; port: number; openUrl: string; page: Page }> {
  const dataDir = newDataDir();
  host = await startHostProcess(dataDir);
  const port = Number(new URL(host.origin).port);
  const page = await context.newPage();
  await page.goto(host.openUrl);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await body(page).click();
  return { dataDir, port, openUrl: host.openUrl, page };
}

/** The writer types `text`; mid-typing the host dies without warning, then the window is lost too. */
async function killWhileTyping(page: Page, text: string): Promise<void> {
  const typing = page.keyboard.type(text, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(600);
  host?.process.kill('SIGKILL');
  await typing;
  await page.close({ runBeforeUnload: false });
}

/** A host restarted over the same store, on the same origin (the crash copy lives in its storage). */
async function reopen(
  context: BrowserContext,
  dataDir: string,
  port: number,
  headline: RegExp,
): Promise<Page> {
  host = await startHostProcess(dataDir, port);
  const page = await context.newPage();
  await page.goto(host.openUrl);
  await openArticle(page, headline);
  return page;
}

test('killing the host mid-typing loses at most the last second, and a banner says what came back', async ({
  context,
}) => {
  const { dataDir, port, page: writing } = await startWriting(context, 'Reprise après panne');
  await writing.keyboard.type(SAVED_TEXT);
  await saved(writing);

  // Mid-typing, the host process dies without warning; the writer keeps typing, then the window is lost too.
  await killWhileTyping(writing, TYPED_DURING_CRASH);

  const page = await reopen(context, dataDir, port, /Reprise après panne/);
  const banner = page.getByRole('alert').filter({ hasText: 'Recovered changes' });
  await expect(banner).toBeVisible();
  const full = SAVED_TEXT + TYPED_DURING_CRASH;
  const shown = (await body(page).textContent()) ?? '';
  // Everything but, at most, what was typed in the last second is back.
  expect(full.startsWith(shown)).toBe(true);
  expect(full.length - shown.length).toBeLessThanOrEqual(Math.ceil(1000 / KEY_DELAY_MS));
  expect(shown.length).toBeGreaterThan(SAVED_TEXT.length);

  // The recovered text goes to the store; after that, nothing is "recovered" any more.
  await saved(page);
  await page.reload();
  await openArticle(page, /Reprise après panne/);
  await expect(body(page)).toHaveText(shown);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('killed while typing in the middle of a longer article: every paragraph comes back, in place', async ({
  context,
}) => {
  const { dataDir, port, page: writing } = await startWriting(context, 'Reprise au milieu');
  const before = ['Premier paragraphe.', 'Deuxième paragraphe.', 'Troisième paragraphe.', 'Quatrième.'];
  for (const [i, text] of before.entries()) {
    if (i > 0) await writing.keyboard.press('Enter');
    await writing.keyboard.type(text);
  }
  await saved(writing);

  // The copy kept while typing holds the changed paragraph; the others are the store's.
  await body(writing).locator('p').nth(1).click();
  await writing.keyboard.press('End');
  const typed = ' Ajouté pendant la panne, mot après mot.';
  await killWhileTyping(writing, typed);

  const page = await reopen(context, dataDir, port, /Reprise au milieu/);
  await expect(page.getByRole('alert').filter({ hasText: 'Recovered changes' })).toBeVisible();
  const paragraphs = await body(page).locator('p').allTextContents();
  expect(paragraphs).toHaveLength(4);
  expect([paragraphs[0], paragraphs[2], paragraphs[3]]).toEqual([before[0], before[2], before[3]]);
  const second = paragraphs[1] ?? '';
  const full = `${before[1]}${typed}`;
  expect(full.startsWith(second)).toBe(true);
  expect(second.length).toBeGreaterThan(before[1]!.length);
  expect(full.length - second.length).toBeLessThanOrEqual(Math.ceil(1000 / KEY_DELAY_MS));
});

test('two tabs on one article: the second follows the first, and simultaneous edits end in a clear conflict', async ({
  context,
}) => {
  host = await startHostProcess(newDataDir());
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(host.openUrl);
  await newArticle(a);
  await a.getByRole('textbox', { name: 'Headline' }).fill('Deux onglets');
  await saved(a);
  await b.goto(host.openUrl);
  await openArticle(b, /Deux onglets/);

  // A types; B, with nothing unsaved, shows it.
  await body(a).click();
  await a.keyboard.type('Texte écrit dans le premier onglet.');
  await saved(a);
  await expect(body(b)).toHaveText('Texte écrit dans le premier onglet.');

  // Both edit at once: one save lands, the other is refused as a conflict, never silently overwritten.
  await Promise.all([
    a.getByRole('textbox', { name: 'Headline' }).fill('Titre de A'),
    b.getByRole('textbox', { name: 'Headline' }).fill('Titre de B'),
  ]);
  const conflict = (page: Page) => page.getByRole('alert').filter({ hasText: 'changed elsewhere' });
  const someConflict = async (): Promise<number> => (await conflict(a).count()) + (await conflict(b).count());
  await expect.poll(someConflict).toBe(1);
  const [loser, winner] = (await conflict(a).isVisible()) ? [a, b] : [b, a];
  const winning = await winner.getByRole('textbox', { name: 'Headline' }).inputValue();
  await expect(loser.getByRole('button', { name: 'Keep my version' })).toBeVisible();
  await loser.getByRole('button', { name: 'Load the other version' }).click();
  await expect(loser.getByRole('textbox', { name: 'Headline' })).toHaveValue(winning);
  await expect(conflict(loser)).toHaveCount(0);
  await saved(loser);

  // Keeping one's own version after a conflict saves it over the other, knowingly.
  await Promise.all([
    a.getByRole('textbox', { name: 'Headline' }).fill('Encore A'),
    b.getByRole('textbox', { name: 'Headline' }).fill('Encore B'),
  ]);
  await expect.poll(someConflict).toBe(1);
  const [second, first] = (await conflict(a).isVisible()) ? [a, b] : [b, a];
  const mine = await second.getByRole('textbox', { name: 'Headline' }).inputValue();
  await second.getByRole('button', { name: 'Keep my version' }).click();
  await saved(second);
  await expect(first.getByRole('textbox', { name: 'Headline' })).toHaveValue(mine);
});

const RACE = {
  first: 'Premier jet, enregistré.',
  paused: ' Phrase finie avant une pause.',
  typed: ' Suite tapée pendant que B enregistre par-dessus, mot après mot.',
};

/**
 * Tab A types on an article, pauses (its whole copy is written then) and its save lands; tab B follows it.
 * A's next saves stall on the way (a slow network), B saves over the same revision, and the host dies while
 * A is still typing, before A could learn of the conflict. `beforeKill` runs on A just before the kill.
 * Returns a page on a restarted host over the same store.
 */
async function raceThenKill(context: BrowserContext, beforeKill?: (a: Page) => Promise<void>): Promise<Page> {
  const { dataDir, port, openUrl, page: a } = await startWriting(context, 'Course entre onglets');
  await a.keyboard.type(RACE.first);
  await saved(a);
  const b = await context.newPage();
  await b.goto(openUrl);
  await openArticle(b, /Course entre onglets/);

  await a.keyboard.type(RACE.paused);
  await saved(a);
  await expect(body(b)).toHaveText(RACE.first + RACE.paused);
  await wholeCopyHolds(a, RACE.paused);

  await a.route('**/ipc/articles:save', () => {
    // held, never answered: these saves never reach the store
  });
  const typing = a.keyboard.type(RACE.typed, { delay: KEY_DELAY_MS });
  await a.waitForTimeout(400);
  await b.getByRole('textbox', { name: 'Headline' }).fill('Titre posé par B');
  await saved(b);
  await a.waitForTimeout(600);
  await beforeKill?.(a);
  host?.process.kill('SIGKILL');
  await typing;
  await a.close({ runBeforeUnload: false });
  await b.close({ runBeforeUnload: false });

  const page = await reopen(context, dataDir, port, /Titre posé par B/);
  // The store's version (B's) is what opens; A's unsaved text is offered, never silently applied or dropped.
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Titre posé par B');
  await expect(body(page)).toHaveText(RACE.first + RACE.paused);
  return page;
}

test('another tab saves over the draft and this host dies before noticing: the writer is offered their text', async ({
  context,
}) => {
  const page = await raceThenKill(context);
  const banner = page.getByRole('alert').filter({ hasText: 'saved elsewhere since' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore my unsaved changes' }).click();

  const { first, paused, typed } = RACE;
  const full = first + paused + typed;
  await expect
    .poll(async () => ((await body(page).textContent()) ?? '').length)
    .toBeGreaterThan((first + paused).length);
  const shown = (await body(page).textContent()) ?? '';
  // Everything typed, but at most the last second, is back, in order.
  expect(full.startsWith(shown)).toBe(true);
  expect(full.length - shown.length).toBeLessThanOrEqual(Math.ceil(1000 / KEY_DELAY_MS));

  // Restoring saves it; after a reload the text is in the store and nothing is offered any more.
  await saved(page);
  await page.reload();
  await openArticle(page, /Course entre onglets/);
  await expect(body(page)).toHaveText(shown);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the same race with no whole copy left (storage full): the paragraph being typed is still offered', async ({
  context,
}) => {
  const page = await raceThenKill(context, async (a) => {
    // What a full storage leaves: the copy written as a difference, and nothing it can be rebuilt on.
    await a.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.startsWith('redac:unsaved-whole:')) localStorage.removeItem(key);
    });
  });
  const banner = page.getByRole('alert').filter({ hasText: 'Part of the unsaved changes' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore my unsaved changes' }).click();

  // The store's paragraph stays; the paragraph A was typing follows it, with at most the last second missing.
  const { first, paused, typed } = RACE;
  const paragraphs = body(page).locator('p');
  await expect(paragraphs).toHaveCount(2);
  await expect(paragraphs.nth(0)).toHaveText(first + paused);
  const mine = (await paragraphs.nth(1).textContent()) ?? '';
  const full = first + paused + typed;
  expect(full.startsWith(mine)).toBe(true);
  expect(mine.length).toBeGreaterThan((first + paused).length);
  expect(full.length - mine.length).toBeLessThanOrEqual(Math.ceil(1000 / KEY_DELAY_MS));
  await saved(page);
  await page.reload();
  await openArticle(page, /Course entre onglets/);
  await expect(body(page).locator('p')).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('this tab stops typing, its save stalls, the other tab saves, then this host dies: the text is offered', async ({
  context,
}) => {
  const { dataDir, port, openUrl, page: a } = await startWriting(context, 'Copie par onglet');
  await a.keyboard.type(RACE.first);
  await saved(a);
  const b = await context.newPage();
  await b.goto(openUrl);
  await openArticle(b, /Copie par onglet/);
  await expect(body(b)).toHaveText(RACE.first);

  // A's saves stall from here; A types, then pauses long enough for every copy of its own to be written.
  await a.route('**/ipc/articles:save', () => {
    // held, never answered
  });
  await a.keyboard.type(RACE.paused);
  await wholeCopyHolds(a, RACE.paused);
  // B edits and saves over the same revision: its own crash copy comes and goes meanwhile.
  await b.getByRole('textbox', { name: 'Headline' }).fill('Titre de B, par-dessus');
  await saved(b);
  await a.waitForTimeout(300);
  host?.process.kill('SIGKILL');
  await a.close({ runBeforeUnload: false });
  await b.close({ runBeforeUnload: false });

  const page = await reopen(context, dataDir, port, /Titre de B, par-dessus/);
  await expect(body(page)).toHaveText(RACE.first);
  const banner = page.getByRole('alert').filter({ hasText: 'saved elsewhere since' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Restore my unsaved changes' }).click();
  await expect(body(page)).toHaveText(RACE.first + RACE.paused);
  await saved(page);
  await page.reload();
  await openArticle(page, /Copie par onglet/);
  await expect(body(page)).toHaveText(RACE.first + RACE.paused);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a copy the previous version left under its shared key is still offered after the upgrade', async ({
  context,
}) => {
  const { dataDir, port, page: writing } = await startWriting(context, 'Avant la mise à jour');
  await writing.keyboard.type(SAVED_TEXT);
  await saved(writing);
  await writing.route('**/ipc/articles:save', () => {
    // held, never answered
  });
  await writing.keyboard.type(TYPED_DURING_CRASH);
  await writing.waitForTimeout(500);
  host?.process.kill('SIGKILL');
  await writing.close({ runBeforeUnload: false });

  host = await startHostProcess(dataDir, port);
  const page = await context.newPage();
  await page.goto(host.openUrl);
  // What the previous version wrote: the same copy under `redac:unsaved:<id>`, shared by every window.
  const moved = await page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((key) => /^redac:unsaved:[^:]+:[^:]+$/.test(key));
    for (const key of keys) {
      localStorage.setItem(key.slice(0, key.lastIndexOf(':')), localStorage.getItem(key) ?? '');
      localStorage.removeItem(key);
    }
    return keys.length;
  });
  expect(moved).toBe(1);
  await openArticle(page, /Avant la mise à jour/);
  await expect(page.getByRole('alert').filter({ hasText: 'Recovered changes' })).toBeVisible();
  await expect(body(page)).toHaveText(SAVED_TEXT + TYPED_DURING_CRASH);
  await saved(page);
  // Saved: the old key is gone and nothing is offered again.
  await page.reload();
  await openArticle(page, /Avant la mise à jour/);
  await expect(body(page)).toHaveText(SAVED_TEXT + TYPED_DURING_CRASH);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('redac:unsaved:'))),
  ).toEqual([]);
});
