import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLE_TITLE } from '../../src/startup';
import { artifactsDir, signIn, skipBrowserTests, watchForProblems, type PageProblem, useBrowserFixture } from '../helpers/browser';

/** Chromium logs the 404 page's own document as a failed load: that is the answer asked for, not an error. */
function isExpectedMiss(problem: PageProblem, expectedStatus: number, pageUrl: string): boolean {
  return expectedStatus === 404 && problem.kind === 'console' && problem.url === pageUrl && /status of 404/.test(problem.text);
}

/** WCAG 2.2 level A and AA, as axe-core tags its rules. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as "rule: what it says (how many elements)", one line each. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length}: ${violation.nodes[0]?.target.join(' ')})`,
  );
}

describe.skipIf(skipBrowserTests)('Smoke: every page in a real browser', () => {
  const e2e = useBrowserFixture({ users: [['ada', 'admin', 'Ada Admin']] });
  let context: BrowserContext;

  beforeAll(async () => {
    context = await e2e.newContext();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('when each page is visited, then it answers with its status, shows its heading, logs no error or CSP violation, and axe finds no WCAG 2.2 AA violation', async () => {
    const signInPage = await context.newPage();
    const signInProblems = watchForProblems(signInPage);
    await signInPage.goto('/login');
    const signInViolations = await accessibilityViolations(signInPage);
    await signIn(signInPage, 'ada');
    expect(signInProblems).toEqual([]);
    await signInPage.close();
    const { articles } = (await (await context.request.get('/api/articles')).json()) as { articles: { id: number }[] };
    const articleId = articles[0]!.id;
    const { segments } = (await (await context.request.get(`/api/articles/${articleId}`)).json()) as {
      segments: { id: number; position: number }[];
    };
    const segment = segments.find((candidate) => candidate.position === 2)!;
    const pages = [
      { path: '/', status: 200, heading: 'Articles' },
      { path: '/articles/new', status: 200, heading: 'Import an article' },
      { path: '/account', status: 200, heading: 'Your account' },
      { path: '/admin/users', status: 200, heading: 'Users' },
      { path: '/admin/audit', status: 200, heading: 'Audit log' },
      { path: `/articles/${articleId}`, status: 200, heading: SAMPLE_TITLE },
      { path: `/articles/${articleId}?status=new`, status: 200, heading: SAMPLE_TITLE },
      { path: `/articles/${articleId}/activity`, status: 200, heading: 'Activity' },
      { path: `/articles/${articleId}/export`, status: 200, heading: 'Export' },
      { path: `/segments/${segment.id}/edit`, status: 200, heading: 'Edit sentence 3' },
      { path: `/segments/${segment.id}/history`, status: 200, heading: 'History of sentence 3' },
      { path: `/segments/${segment.id}/annotations`, status: 200, heading: 'Annotations of sentence 3' },
      { path: `/articles/${articleId}/quality`, status: 200, heading: `Quality: ${SAMPLE_TITLE}` },
      { path: '/quality', status: 200, heading: 'Quality' },
      { path: '/quality/settings', status: 200, heading: 'Quality settings' },
      { path: '/no/such/page', status: 404, heading: 'Not found' },
    ];

    const seen = [];
    for (const expected of pages) {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      const response = await page.goto(expected.path);
      // goto waits for "load", after the deferred review.js ran; one round trip flushes the console events sent before it.
      await page.evaluate(() => undefined);
      const heading = (await page.locator('h1').first().textContent())?.trim();
      const violations = await accessibilityViolations(page);
      const unexpected = problems.filter((problem) => !isExpectedMiss(problem, expected.status, page.url()));
      seen.push({
        path: expected.path,
        status: response?.status(),
        heading,
        problems: unexpected.map((problem) => `${problem.kind}: ${problem.text} (${problem.url})`),
        violations,
      });
      await page.close();
    }

    const report = [{ path: '/login', violations: signInViolations }, ...seen.map(({ path, violations }) => ({ path, violations }))];
    fs.writeFileSync(path.join(artifactsDir, 'axe.json'), JSON.stringify(report, null, 2));
    // One comparison of the whole table: a failure lists every broken page at once.
    expect(signInViolations).toEqual([]);
    expect(seen).toEqual(pages.map((expected) => ({ ...expected, problems: [], violations: [] })));
    // axe is CPU-bound: on a busy 2-core machine it took 3–5 s a page and 17 s on a review page of 100 rows
    // (127 s in all), so the bound leaves room for that.
  }, 240_000);
});
