import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { correction, csrfToken, signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

/** The page changes after a background request; poll what the user sees until it settles. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000 });

/** Five sentences that say "comfort force", in different places and cases, and one that must stay as it is. */
const ARTICLE = [
  'The couple provides for a comfort force of international troops.',
  'Moscow rejects any comfort force on Ukrainian soil.',
  'Comfort force soldiers would stay for years.',
  'The talks stalled on Thursday.',
  'London would lead the comfort force with Paris.',
  'A comfort force needs American backing, diplomats say.',
  'Nobody mentioned comfort forces in Berlin.',
].join('\n\n');

/** Imports an article through the API with the signed-in admin's session and opens its review page. */
async function importAndOpen(page: Page, title: string): Promise<number> {
  const response = await page.request.post('/api/articles', {
    data: { title, text: ARTICLE },
    headers: { 'X-CSRF-Token': await csrfToken(page) },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: number };
  await page.goto(`/articles/${id}`);
  // The page's scripts are ES modules (deferred): they have run once the DOM is loaded.
  await page.waitForLoadState('domcontentloaded');
  return id;
}

/** The row whose text holds `text`, addressed by its id so that it is still found while edited or re-rendered. */
async function rowByText(page: Page, text: string): Promise<Locator> {
  const id = await page.locator('li.segment', { has: page.locator('.segment-text', { hasText: text }) }).getAttribute('data-segment-id');
  return page.locator(`#segment-${id}`);
}
/** Every row's current text (the correction column without its marked changes). */
const textsOf = async (page: Page) => Promise.all((await page.locator('li.segment').all()).map((row) => correction(row)));

describe.skipIf(skipBrowserTests)('Fix once, fixed everywhere, in a real browser', () => {
  const e2e = useBrowserFixture({
    users: [
      ['cleo', 'admin', 'Cleo Admin'],
      ['dan', 'editor', 'Dan Editor'],
    ],
  });

  it('when an editor fixes "comfort force" once and presses P, then the four other places in the article are fixed as one batch', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'cleo');
    await importAndOpen(page, 'Five comfort forces');

    // Fix the first sentence with the keyboard: Enter edits, Alt+↓ saves and moves on.
    const first = await rowByText(page, 'The couple provides');
    await first.locator('.segment-number').click();
    await page.keyboard.press('Enter');
    const editor = first.locator('textarea');
    await editor.evaluate((element: HTMLTextAreaElement) => {
      const start = element.value.indexOf('comfort');
      element.setSelectionRange(start, start + 'comfort'.length);
    });
    await page.keyboard.type('reassurance');
    await page.keyboard.press('Alt+ArrowDown');

    // The saved row offers the fix for the other sentences, with a preview.
    const offer = first.locator('.propagation-offer');
    await offer.waitFor();
    expect((await offer.locator('.propagation-summary').textContent())!.replace(/\s+/g, ' ')).toContain(
      '“comfort force” → “reassurance force” Apply to 4 other sentences',
    );
    await offer.locator('summary', { hasText: 'Preview' }).click();
    expect(await offer.locator('.propagation-targets li').count()).toBe(4);

    // One key applies it, although the focus has moved to the next row.
    await page.keyboard.press('p');
    await eventually(() => first.locator('.propagation-result').textContent()).toContain('Applied to 4 sentences.');
    await eventually(() => textsOf(page)).toEqual([
      'The couple provides for a reassurance force of international troops.',
      'Moscow rejects any reassurance force on Ukrainian soil.',
      'Reassurance force soldiers would stay for years.',
      'The talks stalled on Thursday.',
      'London would lead the reassurance force with Paris.',
      'A reassurance force needs American backing, diplomats say.',
      'Nobody mentioned comfort forces in Berlin.',
    ]);
    expect(await (await rowByText(page, 'Moscow rejects')).getByTestId('segment-status').textContent()).toBe('edited');
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);

  it('when three matches are unticked in find and replace (opened with Ctrl+H), then only the others are replaced', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'cleo');
    const articleId = await importAndOpen(page, 'Replace three of five');

    await Promise.all([page.waitForURL(/\/replace\?article=\d+$/), page.keyboard.press('Control+h')]);
    await page.getByLabel('Find').fill('comfort force');
    await page.getByLabel('Replace with').fill('reassurance force');
    await page.getByLabel('Whole words').check();
    await Promise.all([page.waitForURL(/find=comfort/), page.getByRole('button', { name: 'Preview' }).click()]);
    expect(await page.getByTestId('replace-summary').textContent()).toBe('5 matches in 5 sentences');
    const boxes = page.locator('input[name="match"]');
    expect(await boxes.evaluateAll((inputs) => inputs.every((input) => (input as HTMLInputElement).checked))).toBe(true);
    // "Select none", then "Select all" again, then untick three by hand.
    await page.getByRole('link', { name: 'Select none' }).click();
    expect(await boxes.evaluateAll((inputs) => inputs.some((input) => (input as HTMLInputElement).checked))).toBe(false);
    await page.getByRole('link', { name: 'Select all' }).click();
    for (const index of [1, 2, 4]) await boxes.nth(index).uncheck();
    await Promise.all([page.waitForURL(/\/batches\/\d+$/), page.getByRole('button', { name: 'Replace the ticked matches' }).click()]);
    expect(await page.getByTestId('batch-notice').textContent()).toBe('Replaced: 2 sentences changed.');

    await page.goto(`/articles/${articleId}`);
    expect(await textsOf(page)).toEqual([
      'The couple provides for a reassurance force of international troops.',
      'Moscow rejects any comfort force on Ukrainian soil.',
      'Comfort force soldiers would stay for years.',
      'The talks stalled on Thursday.',
      'London would lead the reassurance force with Paris.',
      'A comfort force needs American backing, diplomats say.',
      'Nobody mentioned comfort forces in Berlin.',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);

  it('when a batch is undone after someone else changed one of its sentences, then that one is kept and listed', async () => {
    // Cleo replaces in the whole article.
    const cleoContext = await e2e.newContext();
    const cleo = await cleoContext.newPage();
    const problems = watchForProblems(cleo);
    await signIn(cleo, 'cleo');
    const articleId = await importAndOpen(cleo, 'Undo with one kept');
    await cleo.goto(`/replace?article=${articleId}&find=comfort+force&replace=reassurance+force&wholeWord=1`);
    await Promise.all([cleo.waitForURL(/\/batches\/\d+$/), cleo.getByRole('button', { name: 'Replace the ticked matches' }).click()]);
    const batchUrl = new URL(cleo.url()).pathname;

    // Dan rewrites one of the replaced sentences on the review page.
    const danContext = await e2e.newContext();
    const dan = await danContext.newPage();
    await signIn(dan, 'dan');
    await dan.goto(`/articles/${articleId}`);
    await dan.waitForLoadState('domcontentloaded');
    const london = await rowByText(dan, 'London would lead');
    await london.locator('.segment-text').click();
    await london.locator('textarea').fill('London and Paris would lead the reassurance force.');
    await london.locator('textarea').press('Control+Enter');
    await eventually(() => correction(london)).toBe('London and Paris would lead the reassurance force.');

    // Cleo finds her batch in the activity as one entry and undoes it.
    await cleo.goto(`/articles/${articleId}/activity`);
    expect(await cleo.locator('tr.activity-batch').count()).toBe(1);
    await Promise.all([cleo.waitForURL(`**${batchUrl}`), cleo.locator('tr.activity-batch a').first().click()]);
    await Promise.all([cleo.waitForURL(/\/batches\/\d+$/), cleo.getByRole('button', { name: 'Undo this batch' }).click()]);
    expect(await cleo.getByTestId('batch-notice').textContent()).toMatch(
      /^Undid batch \d+: 4 sentences restored\. 1 kept, because someone changed them after the batch: sentence 5\.$/,
    );
    expect((await cleo.getByTestId('batch-kept').locator('li').allTextContents()).map((text) => text.trim())).toEqual(['Sentence 5']);

    await cleo.goto(`/articles/${articleId}`);
    expect(await textsOf(cleo)).toEqual([
      'The couple provides for a comfort force of international troops.',
      'Moscow rejects any comfort force on Ukrainian soil.',
      'Comfort force soldiers would stay for years.',
      'The talks stalled on Thursday.',
      'London and Paris would lead the reassurance force.',
      'A comfort force needs American backing, diplomats say.',
      'Nobody mentioned comfort forces in Berlin.',
    ]);
    expect(problems).toEqual([]);
    await cleoContext.close();
    await danContext.close();
  }, 45_000);
});
