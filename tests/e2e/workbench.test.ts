import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { generateArticle } from '../../src/bench/generateArticle';
import { SAMPLE_TITLE } from '../../src/startup';
import { artifactsDir, csrfToken, signIn, skipBrowserTests, useBrowserFixture, watchForProblems, correction } from '../helpers/browser';

/** The review page's rows (issue 9 items 1–9 and 17) in Chromium: layout, caret, keys, undo, pages, live changes. */

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000 });

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** The row of sentence N (1-based) on the page. */
const sentence = (page: Page, number: number) => page.locator(`li.segment[data-position="${number - 1}"]`);

async function openSample(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, username);
  await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
  await page.waitForLoadState('domcontentloaded');
  return page;
}

async function importArticle(page: Page, title: string, text: string): Promise<number> {
  // Importing 10,000 sentences is set-up, not what is measured: on a busy machine it may take longer than a click.
  const response = await page.request.post('/api/articles', {
    headers: { 'X-CSRF-Token': await csrfToken(page) },
    data: { title, text },
    timeout: 60_000,
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

describe.skipIf(skipBrowserTests)('The post-editor’s workbench in a real browser', () => {
  const e2e = useBrowserFixture({
    users: [
      ['rita', 'reviewer', 'Rita Reviewer'],
      ['ada', 'admin', 'Ada Admin'],
      ['dan', 'editor', 'Dan Editor'],
    ],
  });

  it('when the review page is shown at 1400, 1024 and 390 px, then the header is one short line (not sticky on a phone), nothing overflows, stacked columns are labelled, and screenshots are kept', async () => {
    const context = await e2e.newContext();
    const page = await openSample(context, 'rita');
    const measures: Record<number, unknown> = {};
    for (const [width, height] of [
      [1400, 900],
      [1024, 768],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(artifactsDir, `review-${width}.png`) });
      measures[width] = await page.evaluate(() => {
        const header = document.querySelector('.article-header')!;
        const signOut = Array.from(document.querySelectorAll('button')).find((button) => button.textContent === 'Sign out')!;
        const label = document.querySelector('li.segment .segment-mt .cell-label')!;
        // The row's actions (Approve, Reject, More) on one line: their tops differ by less than a line.
        const actionTops = Array.from(document.querySelectorAll('li.segment .segment-actions')[0]!.children).map(
          (action) => action.getBoundingClientRect().top,
        );
        return {
          actionsOnOneLine: actionTops.length === 3 && Math.max(...actionTops) - Math.min(...actionTops) < 10,
          overflow: document.documentElement.scrollWidth > window.innerWidth,
          headerHeight: Math.round(header.getBoundingClientRect().height),
          sticky: getComputedStyle(header).position === 'sticky',
          signOutVisible: signOut.getBoundingClientRect().right <= window.innerWidth,
          columnLabelsShown: label.getBoundingClientRect().width > 1,
          rowsInView: Array.from(document.querySelectorAll('li.segment')).filter(
            (row) => row.getBoundingClientRect().bottom <= window.innerHeight,
          ).length,
        };
      });
    }
    console.log('Review page layout:', JSON.stringify(measures));
    expect(measures[1400]).toMatchObject({
      actionsOnOneLine: true,
      overflow: false,
      sticky: true,
      signOutVisible: true,
      columnLabelsShown: false,
    });
    expect(measures[1024]).toMatchObject({
      actionsOnOneLine: true,
      overflow: false,
      sticky: true,
      signOutVisible: true,
      columnLabelsShown: false,
    });
    expect(measures[390]).toMatchObject({
      actionsOnOneLine: true,
      overflow: false,
      sticky: false,
      signOutVisible: true,
      columnLabelsShown: true,
    });
    for (const width of [1400, 1024]) expect((measures[width] as { headerHeight: number }).headerHeight).toBeLessThanOrEqual(64);
    // Three sentences fitted at 1400×900 before: now every row is one copy of each text.
    expect((measures[1400] as { rowsInView: number }).rowsInView).toBeGreaterThanOrEqual(6);

    // On a phone, with an editor open and the key list shown, axe still finds nothing.
    await page.keyboard.press('Enter');
    await page.locator('li.segment textarea').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.locator('#key-help[open]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, 'review-keys-390.png') });
    await context.close();
  }, 60_000);

  it('when a sentence is corrected, then the correction column shows the change inline, labelled for screen readers, copies as the new text, and the clean toggle hides the marks', async () => {
    const context = await e2e.newContext();
    const page = await openSample(context, 'rita');
    const problems = watchForProblems(page);
    const row = sentence(page, 3);
    await row.locator('.segment-number').click();
    await page.keyboard.press('Enter');
    const editor = row.locator('textarea');
    await editor.evaluate((element: HTMLTextAreaElement) => {
      const at = element.value.indexOf('three -year') + 'three'.length;
      element.setSelectionRange(at, at + 1);
    });
    await page.keyboard.press('Delete');
    // The live diff under the editor follows the typing.
    await eventually(() => row.locator('.live-diff del').allTextContents()).toEqual([' ']);
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(() => row.getAttribute('data-status')).toBe('edited');

    // The change is shown inside the word, and screen readers hear the columns and the change.
    expect(await row.locator('.segment-current del.in-word').allTextContents()).toEqual([' ']);
    const spoken = await row.ariaSnapshot();
    for (const words of ['Machine translation', 'Correction', 'deleted space']) expect(spoken).toContain(words);
    expect(await page.locator('#announcer').textContent()).toBe('Saved sentence 3.');

    // Copying the correction gives the new text: the deleted space is not selectable.
    const copied = await row.locator('.segment-current').evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(copied.replace(/\s+/g, ' ').trim()).toBe(await correction(row));
    expect(copied).toContain('three-year war');

    // "Clean text" hides the marks (no script needed: a checkbox and CSS).
    await page.getByLabel('Clean text').check();
    expect(await row.locator('.segment-current del').isVisible()).toBe(false);
    expect(await row.locator('.segment-current').innerText()).toContain('three-year war');

    // An inserted word is announced as inserted.
    await page.getByLabel('Clean text').uncheck();
    const comfort = sentence(page, 28);
    await comfort.locator('.segment-number').click();
    await page.keyboard.press('Enter');
    await comfort.locator('textarea').fill((await comfort.locator('textarea').inputValue()).replace('comfort', 'reassurance'));
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(() => comfort.getAttribute('data-status')).toBe('edited');
    const spokenChange = await comfort.ariaSnapshot();
    expect(spokenChange).toMatch(/deleted\s*- deletion: comfort\s*- text: inserted\s*- insertion: reassurance/);
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);

  it('when a word is clicked in the MT or the correction, then the editor opens with the caret at that word (a double-click selects it), as tall as its text', async () => {
    const context = await e2e.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await openSample(context, 'dan');
    const row = sentence(page, 28);
    await row.scrollIntoViewIfNeeded();
    // Coordinates are only good once nothing moves any more: the row's QA marks are drawn (they wrap
    // words in spans) and the rows around it have rendered (content-visibility) for two frames.
    const settled = async () => {
      await eventually(() => row.getAttribute('data-qa-decorated')).toBe('true');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    };
    await settled();

    // A click on "force" in the MT.
    const mtWord = await row.locator('.mqm-text').evaluate((block) => {
      const node = Array.from(block.querySelectorAll('[data-offset]')).find((piece) => piece.textContent.includes('force'))!.firstChild!;
      const at = node.textContent!.indexOf('force');
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.click(mtWord.x, mtWord.y);
    const editor = row.locator('textarea');
    await editor.waitFor();
    const value = await editor.inputValue();
    const caret = await editor.evaluate((element: HTMLTextAreaElement) => [element.selectionStart, element.selectionEnd]);
    expect(caret).toEqual([value.indexOf('force'), value.indexOf('force')]);
    // The whole sentence shows: the editor is as tall as its text, without a scroll bar.
    expect(await editor.evaluate((element) => element.scrollHeight <= element.clientHeight + 2)).toBe(true);
    await page.keyboard.type('X');
    expect(await editor.evaluate((element) => element.scrollHeight <= element.clientHeight + 2)).toBe(true);
    await page.keyboard.press('Escape');

    // A double-click on "troops" in the correction selects it in the editor.
    // (An earlier test corrected this sentence, so its text is in several parts: click in the one with the word.)
    await settled();
    const textWord = await row.locator('.segment-current').evaluate((cell) => {
      const node = Array.from(cell.querySelectorAll('[data-after-at]')).find((part) => part.textContent.includes('troops'))!.firstChild!;
      const at = node.textContent!.indexOf('troops');
      const range = document.createRange();
      range.setStart(node, at + 2);
      range.setEnd(node, at + 3);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.dblclick(textWord.x, textWord.y);
    await eventually(() =>
      editor.evaluate((element: HTMLTextAreaElement) => element.value.slice(element.selectionStart, element.selectionEnd)),
    ).toBe('troops');
    await context.close();
  }, 30_000);

  it('when keys are pressed, then they act on the focused row, in any case, and A, R, N, U, G, / and ? do their jobs', async () => {
    const context = await e2e.newContext();
    const page = await openSample(context, 'rita');
    const problems = watchForProblems(page);

    // Tabbing into row 5's buttons makes A act on row 5, not on the row before.
    await sentence(page, 4).locator('.segment-number').click();
    await sentence(page, 5).getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('a');
    await eventually(() => sentence(page, 5).getAttribute('data-status')).toBe('approved');
    expect(await sentence(page, 4).getAttribute('data-status')).toBe('new');
    // ... and goes on to the next sentence that needs review, announcing what it did.
    expect(await isFocused(sentence(page, 6))).toBe(true);
    await eventually(() => page.locator('#announcer').textContent()).toBe('Approved sentence 5.');

    // Caps Lock: an upper-case J without Shift still moves; Shift+N goes back to the previous sentence not approved (skipping 5).
    await page.keyboard.press('J');
    expect(await isFocused(sentence(page, 7))).toBe(true);
    await page.keyboard.press('k');
    await page.keyboard.press('Shift+N');
    expect(await isFocused(sentence(page, 4))).toBe(true);
    await page.keyboard.press('n');
    expect(await isFocused(sentence(page, 6))).toBe(true);

    // U takes the approval back as a new revision; the toast's button does the same for the next one.
    await page.keyboard.press('u');
    await eventually(() => sentence(page, 5).getAttribute('data-status')).toBe('new');
    const segmentId = await sentence(page, 5).getAttribute('data-segment-id');
    const history = (await (await page.request.get(`/api/segments/${segmentId}/history`)).json()) as { revisions: { action: string }[] };
    expect(history.revisions.map((revision) => revision.action)).toEqual(['import', 'status', 'undo']);
    await sentence(page, 6).locator('.segment-number').click();
    await page.keyboard.press('a');
    await eventually(() => sentence(page, 6).getAttribute('data-status')).toBe('approved');
    await page.locator('.toast').getByRole('button', { name: 'Undo (U)' }).click();
    await eventually(() => sentence(page, 6).getAttribute('data-status')).toBe('new');

    // R opens the reason with the focus in it; Enter sends it.
    await sentence(page, 6).locator('.segment-number').click();
    await page.keyboard.press('R');
    const reason = sentence(page, 6).getByLabel('Reason');
    expect(await isFocused(reason)).toBe(true);
    await page.keyboard.type('Not idiomatic.');
    await page.keyboard.press('Enter');
    await eventually(() => sentence(page, 6).getAttribute('data-status')).toBe('rejected');
    expect(await sentence(page, 6).locator('.segment-note').textContent()).toBe('Not idiomatic.');

    // G and a number go to that sentence, / goes to the search field, ? lists every key from the one table.
    await page.keyboard.press('g');
    await page.keyboard.press('2');
    await page.keyboard.press('0');
    expect(await isFocused(sentence(page, 20))).toBe(true);
    // The current row sits in the upper third below the sticky header, with the next rows visible under it.
    const placement = await sentence(page, 20).evaluate((row) => {
      const headerBottom = document.querySelector('.article-header')!.getBoundingClientRect().bottom;
      const next = [1, 2].map((step) => document.querySelector(`li.segment[data-position="${19 + step}"]`)!.getBoundingClientRect().bottom);
      return {
        inUpperThird:
          row.getBoundingClientRect().top >= headerBottom &&
          row.getBoundingClientRect().top <= headerBottom + (window.innerHeight - headerBottom) / 3,
        nextTwoVisible: next.every((bottom) => bottom <= window.innerHeight),
      };
    });
    expect(placement).toEqual({ inUpperThird: true, nextTwoVisible: true });
    await page.keyboard.press('Escape');
    expect(await isFocused(sentence(page, 6))).toBe(true);
    await page.keyboard.press('/');
    expect(await isFocused(page.getByLabel('Search this article'))).toBe(true);
    await sentence(page, 6).locator('.segment-number').click();
    await page.keyboard.press('?');
    const help = page.locator('#key-help');
    await help.waitFor();
    const listed = await help.locator('dd').allTextContents();
    for (const label of [
      'Approve, then go to the next sentence that needs review',
      'Go to sentence: G, then its number',
      'Save and edit the next sentence',
    ])
      expect(listed).toContain(label);
    await page.keyboard.press('Escape');
    expect(await help.evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);

  it('when the keyboard moves past the last row of a page, then the next page continues where it was heading: J, Ctrl+Enter and A', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signIn(page, 'ada');
    const text = Array.from({ length: 150 }, (_, index) => `Sentence number ${index + 1} is here.`).join('\n\n');
    const articleId = await importArticle(page, 'Long enough for two pages', text);
    await page.goto(`/articles/${articleId}?page=1`);
    await page.waitForLoadState('domcontentloaded');

    // J on sentence 100 opens page 2 at sentence 101.
    await sentence(page, 100).locator('.segment-number').click();
    await Promise.all([page.waitForURL(/page=2/), page.keyboard.press('j')]);
    await page.waitForLoadState('domcontentloaded');
    await eventually(() => isFocused(sentence(page, 101))).toBe(true);

    // Ctrl+Enter in sentence 100's editor saves it and opens sentence 101's editor on page 2.
    await page.goto(`/articles/${articleId}?page=1`);
    await sentence(page, 100).locator('.segment-number').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(' Corrected.');
    await Promise.all([page.waitForURL(/page=2/), page.keyboard.press('Control+Enter')]);
    await page.waitForLoadState('domcontentloaded');
    const nextEditor = sentence(page, 101).locator('textarea');
    await nextEditor.waitFor();
    expect(await isFocused(nextEditor)).toBe(true);
    await page.keyboard.press('Escape');

    // Under the "new" filter, A on the page's last row (sentence 101: sentence 100 is edited now) approves it; the
    // row leaves the filter, so the next sentence that needs review (102) is now on the same page number.
    await page.goto(`/articles/${articleId}?status=new&page=1`);
    const last = page.locator('li.segment').last();
    expect(await last.getAttribute('data-position')).toBe('100');
    await last.locator('.segment-number').click();
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('a')]);
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toContain(`/articles/${articleId}?status=new&page=1`);
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-position'))).toBe('101');
    const approved = await (await page.request.get(`/api/segments/${await sentence(page, 102).getAttribute('data-segment-id')}`)).json();
    expect(approved.status).toBe('new');
    const stored = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
      segments: { position: number; status: string }[];
    };
    expect(stored.segments.find((segment) => segment.position === 100)!.status).toBe('approved');
    await context.close();
  }, 45_000);

  it('when someone else saves a sentence, then its row changes at once; while I edit it, the editor shows their change instead of a conflict later', async () => {
    const context = await e2e.newContext();
    const page = await openSample(context, 'rita');
    const other = await e2e.newContext();
    const adaPage = await other.newPage();
    await signIn(adaPage, 'ada');
    const row = sentence(page, 2);
    const id = await row.getAttribute('data-segment-id');

    /** What live.js does on an event of the article's stream: the changed row, rendered by the server. */
    async function announceChange(version: number) {
      const html = await (await adaPage.request.get(`/segments/${id}/row`)).text();
      await page.evaluate(
        ([segmentId, changed, rendered]) =>
          document.dispatchEvent(
            new CustomEvent('redline:segment-changed', {
              detail: { segmentId: Number(segmentId), version: changed, html: rendered, by: 'Ada Admin' },
            }),
          ),
        [id, version, html] as const,
      );
    }

    const token = await csrfToken(adaPage);
    await adaPage.request.patch(`/api/segments/${id}`, {
      headers: { 'X-CSRF-Token': token },
      data: { text: 'Ada’s first text.', version: 1 },
    });
    await announceChange(2);
    expect(await correction(row)).toBe('Ada’s first text.');

    await row.locator('.segment-number').click();
    await page.keyboard.press('Enter');
    await adaPage.request.patch(`/api/segments/${id}`, {
      headers: { 'X-CSRF-Token': token },
      data: { text: 'Ada’s second text.', version: 2 },
    });
    await announceChange(3);
    expect(await row.locator('textarea').inputValue()).toBe('Ada’s second text.');
    expect(await row.locator('.inline-message').textContent()).toContain('Ada Admin just changed this sentence');
    // Saving from there is based on her version: no conflict.
    await page.keyboard.press('End');
    await page.keyboard.type(' Rita adds.');
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(() => correction(row)).toBe('Ada’s second text. Rita adds.');
    expect(await row.getAttribute('data-version')).toBe('4');
    await context.close();
    await other.close();
  }, 30_000);

  it('when the 10,000-sentence article is opened, then an editor is open soon after the navigation (measured)', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signIn(page, 'ada');
    const articleId = await importArticle(page, 'Ten thousand sentences', generateArticle(10_000).text);
    const timings: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = Date.now();
      await page.goto(`/articles/${articleId}`, { waitUntil: 'commit' });
      await page.waitForLoadState('domcontentloaded');
      await page.locator('li.segment.current').waitFor();
      await page.keyboard.press('Enter');
      await page.locator('li.segment textarea:focus').waitFor();
      timings.push(Date.now() - started);
    }
    timings.sort((a, b) => a - b);
    // The rows' closed forms (reject, split / merge, dismiss) wait as text until opened: browsers scan
    // every form field at load, a few ms each, which was a second for these 100 rows.
    expect(await page.locator('li.segment input:not([type="hidden"])').count()).toBe(0);
    const reject = page.locator('li.segment.current details.reject');
    await page.keyboard.press('Escape');
    await reject.locator('summary').click();
    await expect.poll(() => reject.locator('input[name="note"]').isVisible()).toBe(true);
    fs.writeFileSync(path.join(artifactsDir, 'open-editor.json'), JSON.stringify({ timings }, null, 2));
    console.log(`Opening the 10,000-sentence article to an open editor: ${timings.join(', ')} ms (median ${timings[1]} ms)`);
    // The bound only catches a page that renders far too much; the figure is what the report gives.
    expect(timings[1]).toBeLessThan(3_000);
    await context.close();
  }, 90_000);
});
