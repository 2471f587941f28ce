import { describe, expect, it } from 'vitest';
import { SAMPLE_TITLE } from '../../src/startup';
import { createFirstAdmin, signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

/**
 * A desk opens Redline under the machine's name over plain HTTP. Chromium treats
 * localhost as secure and never upgrades it, so only another name shows whether
 * the pages still load their styles and scripts and whether the forms still post.
 */
const HOST_NAME = 'redline.test';

describe.skipIf(skipBrowserTests)('Served on a LAN over plain HTTP, opened under a host name', () => {
  const e2e = useBrowserFixture({ browserArgs: [`--host-resolver-rules=MAP ${HOST_NAME} 127.0.0.1`] });

  it('when the first admin is created and signs in again at http://redline.test, then pages are styled, scripts run and no CSP error is logged', async () => {
    // Arrange: the setup link the server printed, opened under the host name instead of localhost.
    const printed = () => /http:\/\/localhost:(\d+)(\/setup\?token=[\w-]+)/.exec(e2e.server.output());
    await expect.poll(printed).not.toBeNull();
    const [, port, setupPath] = printed()!;
    const baseURL = `http://${HOST_NAME}:${port}`;
    const context = await e2e.newContext({ baseURL });
    const page = await context.newPage();
    const problems = watchForProblems(page);

    // Act: create the first admin through the form, sign out, sign in through the form.
    await createFirstAdmin(page, setupPath!, 'ada', 'Ada Admin', 'first admin password');
    expect(page.url()).toBe(`${baseURL}/`);
    await Promise.all([page.waitForURL(/\/login/), page.getByRole('button', { name: 'Sign out' }).click()]);
    await signIn(page, 'ada', 'first admin password');

    // Assert: signed in, styled by our stylesheet (the brand's accent colour), and review.js answers the keyboard.
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Ada Admin');
    expect(await page.locator('.brand').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(179, 38, 30)');
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('link', { name: SAMPLE_TITLE }).click()]);
    const rows = page.locator('li.segment');
    await rows.nth(0).locator('.segment-number').click();
    await page.keyboard.press('j');
    await expect.poll(() => rows.nth(1).evaluate((row) => row.classList.contains('current'))).toBe(true);
    await page.evaluate(() => undefined); // flush console events sent before this round trip
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000);
});
