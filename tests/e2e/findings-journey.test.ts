import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_TITLE } from '../../src/startup';
import { correction, signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000 });

/** The row whose MT contains `mt`, addressed by id so that it survives being re-rendered. */
async function rowByMt(page: Page, mt: string): Promise<Locator> {
  await page.waitForLoadState('domcontentloaded');
  const id = await page.locator('li.segment', { has: page.locator('.segment-mt', { hasText: mt }) }).getAttribute('data-segment-id');
  return page.locator(`#segment-${id}`);
}

const openFindings = async (page: Page) => Number((await page.locator('#qa-summary [data-count="findings"]').textContent()) ?? 0);

describe.skipIf(skipBrowserTests)('QA findings and the glossary in a real browser', () => {
  const e2e = useBrowserFixture({ users: [['rita', 'reviewer', 'Rita Reviewer']] });

  it('when a reviewer meets "three -year" on the sample, then the span is underlined, A asks first, and F fixes it with one key', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'rita');
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
    const row = await rowByMt(page, 'three -year');
    const before = await openFindings(page);
    expect(await row.locator('.segment-text .qa-span').allTextContents()).toEqual([' -']);
    expect(await row.getByTestId('qa-message').allTextContents()).toEqual([expect.stringContaining('three-year')]);

    // A on a sentence with an open finding asks once; declining leaves it as it was.
    await row.locator('.segment-number').click();
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.keyboard.press('a');
    await eventually(() => Promise.resolve(asked)).toEqual(['1 QA warning — approve anyway?']);
    expect(await row.getByTestId('segment-status').textContent()).toBe('new');

    // F applies the finding's fix.
    await page.keyboard.press('f');
    await eventually(() => correction(row)).toContain('the three-year war.');
    expect(await row.getByTestId('segment-status').textContent()).toBe('edited');
    expect(await row.locator('.qa-span').count()).toBe(0);
    expect(await row.getByTestId('qa-marker').count()).toBe(0);
    await eventually(() => openFindings(page)).toBe(before - 1);
    expect(await row.evaluate((element) => element.classList.contains('current'))).toBe(true);
    // The keyboard goes on from the fixed row.
    await page.keyboard.press('j');
    const nextIsCurrent = await row.evaluate((element) => {
      let next = element.nextElementSibling;
      while (next && !next.matches('li.segment')) next = next.nextElementSibling;
      return next!.classList.contains('current');
    });
    expect(nextIsCurrent).toBe(true);

    // What the page shows is what was stored: a reload shows the same.
    await page.reload();
    expect(await correction(await rowByMt(page, 'three -year'))).toContain('the three-year war.');
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);

  it('when a reviewer adds "comfort force" → "reassurance force" to the glossary, then the row shows the finding and the term with its preferred form', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'rita');
    await page.goto('/glossary');
    await page.locator('#new-term').fill('comfort force');
    await page.locator('#new-preferred').fill('reassurance force');
    await page.locator('#new-note').fill('Agreed with the client');
    await Promise.all([page.waitForURL('**/glossary'), page.getByRole('button', { name: 'Add' }).click()]);
    expect(await page.getByTestId('notice').textContent()).toContain('Added “comfort force” → “reassurance force”');

    await page.goto('/');
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
    const row = await rowByMt(page, 'comfort force');
    expect(await row.getByTestId('qa-message').allTextContents()).toEqual([expect.stringContaining('reassurance force')]);
    const term = row.locator('.segment-mt mark.term');
    expect(await term.textContent()).toBe('comfort force');
    expect(await term.getAttribute('data-preferred')).toBe('→ reassurance force');
    expect(await term.getAttribute('title')).toBe('Glossary: write “reassurance force” (Agreed with the client)');
    // The preferred form shows on focus (keyboard) as on hover.
    await term.focus();
    expect(await term.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('"→ reassurance force"');
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);
});
