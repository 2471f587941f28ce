import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SAMPLE_TITLE } from '../../src/startup';
import { artifactsDir, signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

/** Issue 9 item 10: the budget of navigation and command keys for the post-editing journey below. */
const KEY_BUDGET = 25;

/**
 * A keyboard that counts. Navigation and command keys (J/K/N/G and its digits, Tab, Esc, Enter,
 * A, R, Ctrl+Enter, Alt+↓ ...) count; typing text and moving the caret inside the editor do not.
 */
function countingKeyboard(page: Page) {
  const counted: string[] = [];
  return {
    counted,
    /** A navigation or command key: counted. */
    command: async (key: string) => {
      counted.push(key);
      await page.keyboard.press(key);
    },
    /** Text typed into the editor or the reason field: not counted. */
    type: (text: string) => page.keyboard.type(text),
    /** Caret moves and deletions inside the editor: not counted. */
    edit: async (key: string, times = 1) => {
      for (let index = 0; index < times; index++) await page.keyboard.press(key);
    },
  };
}

/** The open editor's text field, checked to be the given sentence's. */
async function editorOf(page: Page, sentence: number) {
  const editor = page.locator('li.segment textarea:focus');
  await editor.waitFor();
  expect(await editor.getAttribute('aria-label')).toBe(`Correction of sentence ${sentence}`);
  return editor;
}

describe.skipIf(skipBrowserTests)('Keystrokes of a post-editing session (issue 9 item 10)', () => {
  const e2e = useBrowserFixture({ users: [['rita', 'reviewer', 'Rita Reviewer']] });

  it(`when a reviewer fixes 5 sentences, approves 3 and rejects 1 of the sample at 1400×900 with the keyboard only, then it takes at most ${KEY_BUDGET} navigation and command keys`, async () => {
    // Arrange: the sample article, as the reviewer had it.
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'rita');
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
    await page.waitForLoadState('domcontentloaded');
    const keys = countingKeyboard(page);

    /** In the open editor of `sentence`: puts the caret right after `before`, deletes `remove` characters, types `insert`. */
    async function fix(sentence: number, before: string, remove: number, insert: string) {
      const editor = await editorOf(page, sentence);
      const value = await editor.inputValue();
      const at = value.indexOf(before) + before.length;
      expect(value.indexOf(before)).toBeGreaterThanOrEqual(0);
      // The editor opened from the keyboard has the caret at the start.
      expect(await editor.evaluate((element: HTMLTextAreaElement) => element.selectionStart)).toBe(0);
      await keys.edit('ArrowRight', at);
      await keys.edit('Delete', remove);
      await keys.type(insert);
    }

    // Act: the journey. G and a number go to a sentence; Enter edits; Alt+↓ saves and moves on;
    // A approves and goes to the next sentence that needs review; R asks for the reason, Enter sends it.
    await keys.command('g');
    await keys.command('3');
    await keys.command('Enter');
    await fix(3, 'three', 1, '');
    await keys.command('Alt+ArrowDown');
    await keys.command('a'); // approves sentence 4

    await keys.command('g');
    await keys.command('9');
    await keys.command('Enter');
    await fix(9, 'a large', 1, '');
    await keys.command('Alt+ArrowDown');
    await keys.command('a'); // approves sentence 10

    await keys.command('g');
    await keys.command('2');
    await keys.command('1');
    await keys.command('Enter');
    await fix(21, 'with 10%', 'prices'.length, ' tariffs on');
    await keys.command('Alt+ArrowDown');
    await keys.command('a'); // approves sentence 22, moves on to 23
    await keys.command('Enter');
    await fix(23, "with Trump's ", 'prices'.length, 'tariffs');
    await keys.command('Alt+ArrowDown');

    await keys.command('g');
    await keys.command('2');
    await keys.command('8');
    await keys.command('Enter');
    await fix(28, 'a “', 'comfort'.length, 'reassurance');
    await keys.command('Alt+ArrowDown');
    await keys.command('r'); // rejects sentence 29
    await keys.type('“criticized” is too weak: the Kremlin condemned it.');
    await keys.command('Enter');

    // Assert: what was stored, then the count.
    const statusOf = (sentence: number) => page.locator(`li.segment[data-position="${sentence - 1}"]`).getAttribute('data-status');
    await expect.poll(() => statusOf(29), { timeout: 5_000 }).toBe('rejected');
    const articleId = /\/articles\/(\d+)/.exec(page.url())![1];
    const { segments } = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
      segments: { position: number; text: string; status: string }[];
    };
    const at = (sentence: number) => segments.find((segment) => segment.position === sentence - 1)!;
    expect(at(3).text).toContain('the three-year war.');
    expect(at(9).text).toContain('launched a large-scale invasion');
    expect(at(21).text).toContain('with 10% tariffs on, almost all goods');
    expect(at(23).text).toContain("with Trump's tariffs and");
    expect(at(28).text).toContain('a “reassurance force” of international troops');
    expect([3, 9, 21, 23, 28].map((sentence) => at(sentence).status)).toEqual(['edited', 'edited', 'edited', 'edited', 'edited']);
    expect([4, 10, 22].map((sentence) => at(sentence).status)).toEqual(['approved', 'approved', 'approved']);
    expect(at(29).status).toBe('rejected');
    expect(segments.filter((segment) => segment.status !== 'new')).toHaveLength(9);

    fs.writeFileSync(
      path.join(artifactsDir, 'keystrokes.json'),
      JSON.stringify({ count: keys.counted.length, budget: KEY_BUDGET, keys: keys.counted }, null, 2),
    );
    console.log(`Keystroke journey: ${keys.counted.length} navigation/command keys (budget ${KEY_BUDGET}): ${keys.counted.join(' ')}`);
    expect(keys.counted.length).toBeLessThanOrEqual(KEY_BUDGET);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
