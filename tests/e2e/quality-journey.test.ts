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
    // The charts' text reads at 12 px or more as rendered (issue 9 item 18), at 1400 px and on a phone.
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const renderedSizes = await page.locator('svg.chart text').evaluateAll((texts) =>
        texts.map((text) => {
          const svg = text.closest('svg')!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Number.parseFloat(getComputedStyle(text).fontSize) * scale;
        }),
      );
      expect(renderedSizes.length).toBeGreaterThan(10);
      expect(Math.min(...renderedSizes)).toBeGreaterThanOrEqual(12);
    }
    await page.setViewportSize({ width: 1400, height: 900 });

    // From the keyboard, in place (issue 9 item 16): M turns the row's MT into a read-only field,
    // Shift+Ctrl+→ selects words, Enter opens the form, typing picks category and severity, Enter saves.
    await page.goto(articlePath);
    await row.locator('.segment-number').click();
    await page.keyboard.press('m');
    const field = row.locator('textarea.mqm-keyboard');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('Enter');
    const keyboardForm = row.locator('.mqm-popover form');
    await keyboardForm.waitFor();
    expect(await keyboardForm.locator('.mqm-form-span').textContent()).toBe('“The couple”');
    expect(await keyboardForm.getByLabel('Category').evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('gr');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mi');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.locator('.mqm-label').count()).toBe(2);
    const segmentId = await row.getAttribute('data-segment-id');
    const { annotations } = (await (await page.request.get(`/api/segments/${segmentId}/annotations`)).json()) as {
      annotations: { start: number; end: number; category: string; severity: string }[];
    };
    expect(annotations.map(({ start, end, category, severity }) => ({ start, end, category, severity }))).toContainEqual({
      start: 0,
      end: 'The couple'.length,
      category: 'fluency/grammar',
      severity: 'minor',
    });
    // The focus is back on the row: the next key works there.
    expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);

    // Enter with nothing selected marks an omission at the caret (here between "couple" and "provides").
    await page.keyboard.press('m');
    for (let step = 0; step < 'The couple'.length; step++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await keyboardForm.waitFor();
    expect(await keyboardForm.locator('.mqm-form-span').textContent()).toBe(`Omission at character ${'The couple'.length}`);
    await page.keyboard.type('om');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.locator('.mqm-label').count()).toBe(3);
    const withOmission = (await (await page.request.get(`/api/segments/${segmentId}/annotations`)).json()) as {
      annotations: { start: number; end: number; category: string }[];
    };
    expect(withOmission.annotations.map(({ start, end, category }) => ({ start, end, category }))).toContainEqual({
      start: 'The couple'.length,
      end: 'The couple'.length,
      category: 'accuracy/omission',
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);
});
