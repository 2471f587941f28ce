import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SAMPLE_TITLE } from '../../src/startup';
import { csrfToken, signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

/** Opens the sample article's review page and returns the id of the row whose MT contains `mt`. */
async function openSample(page: Page, mt: string): Promise<string> {
  await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
  await page.waitForLoadState('domcontentloaded');
  const id = await page.locator('li.segment', { has: page.locator('.segment-mt', { hasText: mt }) }).getAttribute('data-segment-id');
  return id!;
}

describe.skipIf(skipBrowserTests)('Working together in a real browser', () => {
  const e2e = useBrowserFixture({
    users: [
      ['rita', 'reviewer', 'Rita Reviewer'],
      ['dan', 'editor', 'Dan Second'],
    ],
  });

  it('when someone else saves or comments, then the row updates on the other page within a second, and comments open under the row', async () => {
    const [ritaContext, danContext] = [await e2e.newContext(), await e2e.newContext()];
    const rita = await ritaContext.newPage();
    const dan = await danContext.newPage();
    const problems = [...watchForProblems(rita), ...watchForProblems(dan)];
    await signIn(rita, 'rita');
    await signIn(dan, 'dan');
    const id = await openSample(rita, 'comfort force');
    await openSample(dan, 'comfort force');
    const ritasRow = rita.locator(`#segment-${id}`);
    // Both pages hold their live stream before the change is made.
    await rita.locator('ol.segments[data-live="connected"]').waitFor();
    await dan.locator('ol.segments[data-live="connected"]').waitFor();

    // Dan saves through the API of his page's session; Rita's row follows without a reload.
    const version = Number(await dan.locator(`#segment-${id}`).getAttribute('data-version'));
    const text = (await dan.locator(`#segment-${id} [data-testid="segment-text"]`).textContent())!
      .trim()
      .replace('comfort force', 'reassurance force');
    const token = await csrfToken(dan);
    const started = Date.now();
    const saved = await dan.evaluate(
      async ({ id, text, version, token }) =>
        (
          await fetch(`/api/segments/${id}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
            body: JSON.stringify({ text, version }),
          })
        ).status,
      { id, text, version, token },
    );
    expect(saved).toBe(200);
    await expect.poll(() => ritasRow.getByTestId('segment-text').textContent(), { timeout: 3_000 }).toContain('reassurance force');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await ritasRow.getAttribute('data-version')).toBe(String(version + 1));

    // Rita opens the comments under the row from its link and writes one; Dan's marker shows it.
    await ritasRow.locator('[data-comment-marker]').click();
    const box = rita.locator(`#new-comment-${id}`);
    await box.waitFor();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.fill('Is "reassurance force" the agreed term?');
    await rita.locator(`#comments-${id} form.new-thread button`).click();
    await expect
      .poll(() => rita.locator(`#comments-${id} .comment-body`).allTextContents())
      .toEqual(['Is "reassurance force" the agreed term?']);
    await expect.poll(() => dan.locator(`#segment-${id} [data-comment-marker]`).textContent(), { timeout: 3_000 }).toBe('1 open comment');
    expect(problems).toEqual([]);
  }, 60_000); // two browser contexts on a shared host
});
