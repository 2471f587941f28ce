import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TITLE } from '../../src/startup';
import { artifactsDir, signIn, skipBrowserTests, watchForProblems, useBrowserFixture } from '../helpers/browser';

describe.skipIf(skipBrowserTests)('Quality in a real browser', () => {
  const e2e = useBrowserFixture({ users: [['rita', 'reviewer', 'Rita Reviewer']] });

  it('when a reviewer marks "comfort force" as a major terminology error and corrects it, then the span is highlighted and the report’s scores change', async () => {
    // Arrange: the report of the untouched sample.
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'rita');
    await page.getByRole('link', { name: SAMPLE_TITLE }).click();
    const articlePath = new URL(page.url()).pathname;
    await page.goto(`${articlePath}/quality`);
    // Nobody has judged a sentence yet: no score, and no verdict (an untouched MT is not a perfect one).
    expect(await page.getByTestId('mqm-score').textContent()).toBe('–');
    expect(await page.getByTestId('hter').textContent()).toBe('–');
    expect(await page.getByTestId('mqm-badge').getAttribute('data-verdict')).toBe('not-evaluated');
    await page.goto(articlePath);

    // Act 1: select "comfort force" in the MT, as a reviewer does with the mouse.
    const row = page.locator('li.segment', { has: page.locator('.segment-mt', { hasText: 'comfort force' }) });
    const mt = row.locator('.mqm-mt');
    await mt.evaluate((block) => {
      const text = block.querySelector('.mqm-text [data-offset]')!.firstChild!;
      const start = text.textContent!.indexOf('comfort force');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'comfort force'.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await mt.dispatchEvent('mouseup', { button: 0 });
    const form = page.locator('.mqm-popover form');
    await form.waitFor();
    expect(await form.locator('.mqm-form-span').textContent()).toBe('“comfort force”');
    await form.getByLabel('Category').selectOption('terminology');
    await form.getByLabel('Severity').selectOption('major');
    await form.getByLabel('Comment').fill('Use the agreed term “reassurance force”.');
    await form.getByRole('button', { name: 'Save annotation' }).click();

    // Assert 1: the span is highlighted with its label, without a reload.
    const mark = row.locator('mark.mqm-major');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('comfort force');
    expect(await row.locator('.mqm-label').first().textContent()).toMatch(/Terminology/i);

    // Act 2: correct the sentence with the keyboard (the editor times the work).
    await row.locator('.segment-text').click();
    const textarea = row.locator('textarea');
    await textarea.evaluate((element: HTMLTextAreaElement) => {
      const start = element.value.indexOf('comfort');
      element.setSelectionRange(start, start + 'comfort'.length);
    });
    await page.keyboard.type('reassurance');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => row.getByTestId('segment-status').textContent()).toBe('edited');

    // Assert 2: the report counts the error, the edit and the time spent.
    await page.goto(`${articlePath}/quality`);
    const score = Number(await page.getByTestId('mqm-score').textContent());
    expect(score).toBeLessThan(100);
    expect(await page.getByTestId('mqm-annotations').textContent()).toBe('1');
    expect(await page.getByTestId('mqm-penalty').textContent()).toBe('5');
    expect(Number(await page.getByTestId('hter').textContent())).toBeGreaterThan(0);
    // One reviewed sentence of many: the verdict waits for the rest.
    expect(await page.getByTestId('mqm-badge').getAttribute('data-verdict')).toBe('provisional');
    expect(await page.getByTestId('editing-time').textContent()).not.toBe('0 s');
    await page.screenshot({ path: path.join(artifactsDir, 'quality-report.png'), fullPage: true });

    // From the keyboard: M on a row opens its annotations page, whose form needs no mouse.
    await page.goto(articlePath);
    await row.locator('.segment-number').click();
    await Promise.all([page.waitForURL(/\/segments\/\d+\/annotations$/), page.keyboard.press('m')]);
    expect(await page.locator('li.mqm-annotation').count()).toBe(1);
    await page.getByLabel('From').selectOption({ index: 0 });
    await page.getByLabel('To').selectOption({ index: 1 });
    await page.locator('#mqm-add-category').selectOption('fluency/grammar');
    await page.locator('#mqm-add-severity').selectOption('minor');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save annotation' }).click()]);
    await expect.poll(() => page.locator('li.mqm-annotation').count()).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);
});
