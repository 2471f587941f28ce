import { describe, expect, it } from 'vitest';
import { readReal } from '../integration/bilingual/helpers';
import { signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

const FILE = 'okapi-RB-12-Test02.xlf';

describe.skipIf(skipBrowserTests)('Bilingual review in a real browser', () => {
  const e2e = useBrowserFixture({ env: { REDLINE_SAMPLE: '0' }, users: [['cleo', 'admin', 'Cleo Admin']] });

  it('when an admin imports an XLIFF file and corrects a sentence with inline codes, then the source is shown, the codes stay protected chips and the exported file has their markup', async () => {
    // Arrange: the XLIFF file (windows-1252, en → fr) imported through the form.
    const context = await e2e.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await signIn(page, 'cleo');
    await page.goto('/articles/new');
    await page.locator('#file').setInputFiles({ name: FILE, mimeType: 'application/xliff+xml', buffer: readReal(FILE) });
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.getByRole('button', { name: 'Import' }).click()]);
    const articleId = /\/articles\/(\d+)$/.exec(page.url())![1];
    await page.waitForLoadState('domcontentloaded');
    const row = page.locator('li.segment', { has: page.locator('.segment-source', { hasText: /Text with.*code.*and.*bold/ }) });

    // The source above the MT, each in its language; the four codes as chips with their labels.
    const source = row.locator('.segment-source');
    expect(await source.getAttribute('lang')).toBe('en');
    expect(await row.locator('.segment-mt-text').getAttribute('lang')).toBe('fr');
    await expect
      .poll(() => source.locator('.code-chip').evaluateAll((chips) => chips.map((chip) => (chip as HTMLElement).dataset.label)))
      .toEqual(['<1>', '</1>', '<2>', '</2>']);
    expect(await row.locator('.segment-mt-text .code-chip').count()).toBe(4);

    // Act: edit. Typed marker characters are refused; deleted codes come back from the source or with Alt+C.
    await row.locator('.segment-text').click();
    const editor = row.locator('.code-editor');
    await expect.poll(() => editor.locator('.code-chip').count()).toBe(4);
    expect(await editor.getAttribute('contenteditable')).toBe('true');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Texte avec ');
    await page.keyboard.insertText('\ue000');
    expect(await editor.locator('.code-chip').count()).toBe(0);
    expect(await row.locator('.code-toolbar button').count()).toBe(4);
    await source.locator('.code-chip[data-label="<1>"]').click();
    await page.keyboard.type('code');
    await source.locator('.code-chip[data-label="</1>"]').click();
    await page.keyboard.type(' et ');
    await page.keyboard.press('Alt+c');
    await page.keyboard.type('gras');
    await page.keyboard.press('Alt+c');
    await page.keyboard.type('.');
    expect(await row.locator('.code-toolbar button').count()).toBe(0);
    await page.keyboard.press('Control+Enter');

    // Assert: the saved correction shows the text with its four chips; the export has the markup, in the file's encoding.
    const saved = page.locator(`#${await row.getAttribute('id')}`);
    await expect.poll(() => saved.locator('[data-testid="segment-status"]').textContent()).toBe('edited');
    expect(await saved.locator('.segment-text').innerText()).toContain('Texte avec');
    expect(await saved.locator('.segment-text .code-chip').count()).toBe(4);
    const exported = await page.request.get(`/api/articles/${articleId}/export?format=xliff`);
    expect(exported.status()).toBe(200);
    const xml = new TextDecoder('windows-1252').decode(await exported.body());
    expect(xml).toContain('Texte avec <g id="1">code</g> et <g id="2">gras</g>.');
    expect(xml).toMatch(/<target[^>]*state="translated"/);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
