import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { signIn, skipBrowserTests, watchForProblems, useBrowserFixture } from '../helpers/browser';

describe.skipIf(skipBrowserTests)('Importing a long article in the browser', () => {
  const e2e = useBrowserFixture({ env: { REDLINE_SAMPLE: '0' }, users: [['ada', 'admin', 'Ada Admin']] });
  let context: BrowserContext;

  beforeAll(async () => {
    context = await e2e.newContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('when a long text is imported with the form, then the page shows the progress and opens the article; a second click adds no copy', async () => {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'ada');
    await page.goto('/articles/new');
    const text = Array.from({ length: 6_000 }, (_, index) => `Sentence number ${index + 1} is here.`).join(' ');
    await page.fill('#title', 'A long one');
    await page.fill('#text', text);
    await page.click('#import-form button[type="submit"]');
    // The form's script runs the import in the background and shows how far it got.
    await expect.poll(() => page.isVisible('[data-testid="import-progress"]'), { timeout: 5_000 }).toBe(true);
    expect(await page.isDisabled('#import-form button[type="submit"]')).toBe(true);
    await page.waitForURL(/\/articles\/\d+$/, { timeout: 60_000 });
    expect(await page.textContent('h1')).toContain('A long one');

    const { articles } = (await (await context.request.get('/api/articles')).json()) as { articles: { segmentCount: number }[] };
    expect(articles.map((article) => article.segmentCount)).toEqual([6_000]);
    expect(problems).toEqual([]);
  });
});
