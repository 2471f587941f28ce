import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sampleArticlePath } from '../../src/paths';
import { SAMPLE_TITLE } from '../../src/startup';
import { artifactsDir, csrfToken, signIn, skipBrowserTests, watchForProblems, useBrowserFixture, correction } from '../helpers/browser';

declare global {
  interface Window {
    __marker?: string;
    __xss?: number;
  }
}

const sample = fs.readFileSync(sampleArticlePath, 'utf8');

/** The page changes after a background request; poll what the user sees until it settles. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000 });

/** Texts of every match, without waiting for one to appear (an absent element reads as []). */
const texts = async (locator: Locator) => (await locator.allTextContents()).map((text) => text.trim());

const count = async (page: Page, status: string) => Number(await page.locator(`.progress [data-count="${status}"]`).textContent());

/** The row whose machine translation contains `mt`, addressed by its id so it survives the row being re-rendered. */
async function rowByMt(page: Page, mt: string): Promise<{ row: Locator; id: string }> {
  // The page's scripts are ES modules (deferred, with imports to fetch): they have run once the DOM is loaded.
  await page.waitForLoadState('domcontentloaded');
  const id = await page.locator('li.segment', { has: page.locator('.segment-mt', { hasText: mt }) }).getAttribute('data-segment-id');
  return { row: page.locator(`#segment-${id}`), id: id! };
}

describe.skipIf(skipBrowserTests)('Review journeys in a real browser', () => {
  // The people in these journeys, made by an operator with the CLI.
  const e2e = useBrowserFixture({
    users: [
      ['rita', 'reviewer', 'Rita Reviewer'],
      ['cleo', 'admin', 'Cleo First'],
      ['dan', 'editor', 'Dan Second'],
    ],
  });

  it('when an editor corrects a sample sentence with the keyboard, approves it and exports, then diff, progress, history and the download all carry the change', async () => {
    // Arrange: a named editor on the sample article that the server imported on its first start.
    expect(sample.split('comfort force')).toHaveLength(2);
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'rita');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Rita Reviewer');
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
    const total = await count(page, 'total');
    const newBefore = await count(page, 'new');
    const rowIds = await page.locator('li.segment').evaluateAll((rows) => rows.map((row) => row.id));
    const { row, id } = await rowByMt(page, 'comfort force');
    const index = rowIds.indexOf(`segment-${id}`);
    const rowAbove = page.locator(`#${rowIds[index - 1]}`);
    const rowBelow = page.locator(`#${rowIds[index + 1]}`);
    // A full reload would drop this; finding it after the save proves the row was swapped in place.
    await page.evaluate(() => (window.__marker = 'still the same document'));

    // Act: J from the row above, Enter to edit, replace the word in the textarea, Ctrl+Enter.
    await rowAbove.locator('.segment-number').click();
    await page.keyboard.press('j');
    expect(await row.evaluate((element) => element === document.activeElement && element.classList.contains('current'))).toBe(true);
    await page.keyboard.press('Enter');
    const textarea = row.locator('textarea');
    expect(await textarea.evaluate((element) => element === document.activeElement)).toBe(true);
    await textarea.evaluate((element: HTMLTextAreaElement) => {
      const start = element.value.indexOf('comfort');
      element.setSelectionRange(start, start + 'comfort'.length);
    });
    await page.keyboard.type('reassurance');
    await page.keyboard.press('Control+Enter');

    // Assert: the row shows the change, progress moved, and the editor went on to the next sentence.
    const nextEditor = rowBelow.locator('textarea');
    await nextEditor.waitFor();
    expect(await nextEditor.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await correction(row)).toBe(
      'The couple provides for a “reassurance force” of international troops to dissuade new Russian incursions into a post-conflict scenario.',
    );
    expect(await texts(row.locator('.segment-current del'))).toEqual(['comfort']);
    expect(await texts(row.locator('.segment-current ins'))).toEqual(['reassurance']);
    expect(await row.getByTestId('segment-status').textContent()).toBe('edited');
    expect({ edited: await count(page, 'edited'), new: await count(page, 'new') }).toEqual({ edited: 1, new: newBefore - 1 });
    expect(Number(await page.locator('.progress-bar rect[data-status="edited"]').getAttribute('width'))).toBeCloseTo(100 / total);
    expect(await page.evaluate(() => window.__marker)).toBe('still the same document');
    await page.screenshot({ path: path.join(artifactsDir, 'review-after-edit.png') });

    // Esc leaves the next sentence unedited. From the end of the page, K brings the corrected row
    // back into view below the sticky header (not underneath it), and A approves it (and moves on; K comes back).
    await page.keyboard.press('Escape');
    expect(await rowBelow.locator('textarea').count()).toBe(0);
    expect(await texts(rowBelow.getByTestId('segment-status'))).toEqual(['new']);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.keyboard.press('k');
    const placement = await row.evaluate((element) => ({
      current: element.classList.contains('current'),
      rowTop: element.getBoundingClientRect().top,
      headerBottom: document.querySelector('.article-header')!.getBoundingClientRect().bottom,
    }));
    expect(placement.current).toBe(true);
    expect(placement.rowTop).toBeGreaterThanOrEqual(placement.headerBottom - 1);
    await page.keyboard.press('a');
    await eventually(() => row.getByTestId('segment-status').textContent()).toBe('approved');
    expect(await rowBelow.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('k');
    expect({ approved: await count(page, 'approved'), edited: await count(page, 'edited') }).toEqual({ approved: 1, edited: 0 });
    expect(await page.evaluate(() => window.__marker)).toBe('still the same document');

    // H opens the history: import, the edit, the approval.
    await Promise.all([page.waitForURL(`**/segments/${id}/history`), page.keyboard.press('h')]);
    expect(await page.locator('h1').textContent()).toBe(`History of sentence ${index + 1}`);
    expect(await page.locator('li.revision').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.version))).toEqual([
      '3',
      '2',
      '1',
    ]);
    const version3 = page.locator('li.revision[data-version="3"] header');
    expect((await version3.textContent())!.replace(/\s+/g, ' ')).toMatch(/^ ?Version 3 · status · approved · Rita Reviewer · /);
    expect(await texts(page.locator('li.revision[data-version="2"] del'))).toEqual(['comfort']);
    expect(await texts(page.locator('li.revision[data-version="2"] ins'))).toEqual(['reassurance']);

    // Export: the warning counts what is not approved, and the text file has exactly the one change.
    await Promise.all([page.waitForURL(/\/articles\/\d+\?page=1#segment-/), page.getByRole('link', { name: `← ${SAMPLE_TITLE}` }).click()]);
    await page.locator('.article-menu summary').click();
    await Promise.all([page.waitForURL(/\/export$/), page.getByRole('link', { name: 'Export', exact: true }).click()]);
    expect(await page.getByTestId('not-approved').textContent()).toBe(
      `${total - 1} of ${total} segments are not approved yet. The export uses their current text.`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Plain text' }).click()]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    expect(exported).toContain('reassurance force');
    expect(exported).not.toContain('comfort force');
    expect(exported).toBe(sample.replace('comfort force', 'reassurance force'));
    expect(problems).toEqual([]);
    await context.close();
  }, 45_000);

  it('when two editors import, reject and save the same sentence, then pasted markup stays text, the reason shows, and the later save meets an inline conflict it can win', async () => {
    // Arrange: Cleo (an admin) pastes an article with markup in it.
    const cleoContext = await e2e.newContext();
    const cleo = await cleoContext.newPage();
    const cleoProblems = watchForProblems(cleo);
    await signIn(cleo, 'cleo');
    await cleo.getByRole('link', { name: 'Import', exact: true }).click();
    await cleo.getByLabel('Title').fill('Paris talks, pasted');
    await cleo
      .getByLabel('Text', { exact: true })
      .fill(
        [
          'The couple provides for a “comfort force” of international troops. The Kremlin criticized the initiative as a provocation.',
          '',
          'Someone pasted <script>window.__xss = 1</script> into the article.',
        ].join('\n'),
      );
    await Promise.all([cleo.waitForURL(/\/articles\/\d+$/), cleo.getByRole('button', { name: 'Import' }).click()]);
    expect(await cleo.getByTestId('article-title').textContent()).toBe('Paris talks, pasted');

    // The markup is shown as text. (CSP would block an inline script anyway, so the DOM is what proves the escaping.)
    expect(await texts(cleo.locator('.segment-mt .mqm-text', { hasText: 'Someone pasted' }))).toEqual([
      'Someone pasted <script>window.__xss = 1</script> into the article.',
    ]);
    expect(await cleo.locator('ol.segments script').count()).toBe(0);
    expect(await cleo.evaluate(() => window.__xss)).toBeUndefined();

    // Reject with a reason.
    const kremlin = await rowByMt(cleo, 'The Kremlin criticized');
    await kremlin.row.locator('summary', { hasText: 'Reject' }).click();
    await kremlin.row.getByLabel('Reason').fill('“criticized” is too weak: the Kremlin condemned it.');
    await kremlin.row.getByRole('button', { name: 'Reject' }).click();
    await eventually(() => kremlin.row.getByTestId('segment-status').textContent()).toBe('rejected');
    expect(await texts(kremlin.row.locator('.segment-note'))).toEqual(['“criticized” is too weak: the Kremlin condemned it.']);

    // Both open the same sentence; Dan got there second.
    const danContext = await e2e.newContext();
    const dan = await danContext.newPage();
    // Dan's page gets no live updates here (as after a dropped connection): his save must meet the conflict itself.
    await dan.route('**/api/articles/*/events', (route) => route.fulfill({ status: 204 }));
    const danProblems = watchForProblems(dan);
    await signIn(dan, 'dan');
    await dan.goto(new URL(cleo.url()).pathname);
    const cleoRow = (await rowByMt(cleo, 'comfort force')).row;
    const { row: danRow, id } = await rowByMt(dan, 'comfort force');
    await cleoRow.locator('.segment-text').click();
    await danRow.locator('.segment-text').click();
    // Each sees who else has the sentence open (the page reports its editor every few seconds).
    await expect.poll(() => danRow.locator('[data-presence]').textContent(), { timeout: 8_000 }).toBe('Cleo First is editing this');
    await expect.poll(() => cleoRow.locator('[data-presence]').textContent(), { timeout: 8_000 }).toBe('Dan Second is editing this');
    const cleoText = 'The couple provides for a “reassurance force” of international troops.';
    const danText = 'The couple plans a “reassurance force” of international troops.';

    // Act: Cleo saves first, then Dan.
    await cleoRow.locator('textarea').fill(cleoText);
    await cleoRow.locator('textarea').press('Control+Enter');
    await eventually(() => cleoRow.getByTestId('segment-status').textContent()).toBe('edited');
    await danRow.locator('textarea').fill(danText);
    await danRow.locator('textarea').press('Control+Enter');

    // Assert: an inline conflict with Cleo's text, Dan's text still in his editor.
    const conflict = danRow.locator('.inline-message.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('This sentence was changed by Cleo First (now version 2) after you opened it.');
    expect(await texts(conflict.getByTestId('their-text'))).toEqual([cleoText]);
    // The word diff from their text to Dan's.
    expect(await texts(conflict.locator('del'))).toEqual(['provides for']);
    expect(await texts(conflict.locator('ins'))).toEqual(['plans']);
    expect(await danRow.locator('textarea').inputValue()).toBe(danText);
    await dan.screenshot({ path: path.join(artifactsDir, 'review-conflict.png') });

    // Dan keeps his text; the stored segment is his, on top of Cleo's revision.
    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await eventually(() => correction(danRow)).toBe(danText);
    expect(await danRow.locator('.inline-message').count()).toBe(0);
    const stored = await (await dan.request.get(`/api/segments/${id}`)).json();
    expect(stored).toMatchObject({ text: danText, status: 'edited', version: 3, updatedBy: 'Dan Second' });
    const history = await (await dan.request.get(`/api/segments/${id}/history`)).json();
    expect(
      history.revisions.map((revision: { version: number; author: string; text: string }) => [
        revision.version,
        revision.author,
        revision.text,
      ]),
    ).toEqual([
      [1, 'Cleo First', 'The couple provides for a “comfort force” of international troops.'],
      [2, 'Cleo First', cleoText],
      [3, 'Dan Second', danText],
    ]);

    expect(cleoProblems).toEqual([]);
    // The refused save is a 409 answer to fetch, which Chromium logs; nothing else may be.
    expect(danProblems.map((problem) => problem.text)).toEqual([
      'Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await cleoContext.close();
    await danContext.close();
  }, 45_000);

  it('when the page is reloaded in the middle of an edit, then the unsaved text comes back in the editor', async () => {
    // Arrange
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signIn(page, 'dan');
    await page.getByRole('link', { name: SAMPLE_TITLE }).click();
    const { row } = await rowByMt(page, 'three -year war');
    await row.locator('.segment-text').click();
    await row.locator('textarea').fill('Unsaved: the three-year war.');

    // Act: the page goes away (a crash, a closed tab, an expired session) before the save.
    let warned = false;
    page.on('dialog', async (dialog) => {
      warned = dialog.type() === 'beforeunload';
      await dialog.accept();
    });
    await page.reload();
    await row.locator('.segment-text').click();

    // Assert: the draft is back, with a note; Esc discards it for good.
    expect(warned).toBe(true);
    expect(await row.locator('textarea').inputValue()).toBe('Unsaved: the three-year war.');
    expect(await row.locator('.inline-message.draft').textContent()).toContain('Restored your unsaved text');
    await page.keyboard.press('Escape');
    await row.locator('.segment-text').click();
    expect(await row.locator('textarea').inputValue()).not.toContain('Unsaved');
    await context.close();
  }, 30_000);

  it('when JavaScript is off, then the edit form saves with a plain post, the review page shows the diff, and the reject form works', async () => {
    // Arrange
    const context = await e2e.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'cleo');
    const created = await page.request.post('/api/articles', {
      headers: { 'X-CSRF-Token': await csrfToken(page) },
      data: {
        title: 'Without scripts',
        text: 'The couple provides for a “comfort force” of international troops. The Kremlin criticized the initiative.',
      },
    });
    // The 201 carries the article's counts and links; its segments are paged by GET.
    const { id } = (await created.json()) as { id: number };
    const article = (await (await page.request.get(`/api/articles/${id}`)).json()) as {
      id: number;
      segments: { id: number; mt: string }[];
    };
    const first = article.segments[0]!;
    await page.goto(`/articles/${article.id}`);

    // Act
    await page.locator(`#segment-${first.id} .segment-menu > summary`).click();
    await Promise.all([
      page.waitForURL(`**/segments/${first.id}/edit?**`),
      page.locator(`#segment-${first.id}`).getByRole('link', { name: 'Edit' }).click(),
    ]);
    await page.getByLabel('Correction').fill(first.mt.replace('comfort', 'reassurance'));
    await Promise.all([
      page.waitForURL(`**/articles/${article.id}#segment-${first.id}`),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);

    // Assert
    const row = page.locator(`#segment-${first.id}`);
    expect(await page.getByTestId('article-title').textContent()).toBe('Without scripts');
    expect(await texts(row.locator('.segment-current del'))).toEqual(['comfort']);
    expect(await texts(row.locator('.segment-current ins'))).toEqual(['reassurance']);
    expect(await row.getByTestId('segment-status').textContent()).toBe('edited');
    expect(await row.locator('.segment-meta .version').textContent()).toBe('v2 · Cleo First');

    // The reject form waits in a <noscript> block for scripts (lib/deferred.js); without them it is a plain form.
    const second = page.locator(`#segment-${article.segments[1]!.id}`);
    await second.locator('details.reject > summary').click();
    await second.getByLabel('Reason').fill('Names the wrong agency.');
    await Promise.all([page.waitForURL(`**/articles/${article.id}**`), second.getByRole('button', { name: 'Reject' }).click()]);
    expect(await page.locator(`#segment-${article.segments[1]!.id}`).getByTestId('segment-status').textContent()).toBe('rejected');
    await context.close();
  }, 30_000);
});
