import { describe, expect, it } from 'vitest';
import { createFirstAdmin, signIn, skipBrowserTests, useBrowserFixture, watchForProblems } from '../helpers/browser';

describe.skipIf(skipBrowserTests)('First run and accounts in a real browser', () => {
  const e2e = useBrowserFixture({ env: { REDLINE_SAMPLE: '0' } });

  it('when the first person opens the printed setup link, then they become admin, add an editor, and the editor signs in with the generated password', async () => {
    // Arrange: the link the server printed on its console.
    const printedLink = () => /http:\/\/localhost:\d+(\/setup\?token=[\w-]+)/.exec(e2e.server.output())?.[1];
    await expect.poll(printedLink).toBeDefined();
    const link = printedLink();
    const adminContext = await e2e.newContext();
    const admin = await adminContext.newPage();
    const problems = watchForProblems(admin);

    // Act: create the first admin.
    await createFirstAdmin(admin, link!, 'ada', 'Ada Admin', 'first admin password');
    expect(await admin.getByTestId('signed-in-as').textContent()).toBe('Ada Admin');

    // The link is spent.
    expect((await admin.request.get(link!)).status()).toBe(404);

    // Add an editor with a generated password.
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByLabel('Username').fill('ed');
    await admin.getByLabel('Display name').fill('Ed Itor');
    await admin.getByRole('button', { name: 'Add user' }).click();
    const notice = (await admin.getByTestId('notice').textContent())!;
    const password = /Their password is (\S+) —/.exec(notice)?.[1];
    expect(password).toBeDefined();
    expect(await admin.locator('tr[data-username="ed"] td').nth(3).textContent()).toBe('active');

    // Assert: the editor signs in; a wrong password gets the generic message.
    const editorContext = await e2e.newContext();
    const editor = await editorContext.newPage();
    await editor.goto('/login');
    await editor.getByLabel('Username').fill('ed');
    await editor.getByLabel('Password').fill('not the password');
    await editor.getByRole('button', { name: 'Sign in' }).click();
    expect(await editor.getByTestId('error-message').textContent()).toBe('Wrong username or password.');
    await signIn(editor, 'ed', password);
    expect(await editor.getByTestId('signed-in-as').textContent()).toBe('Ed Itor');
    expect(await editor.getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect((await editor.goto('/admin/users'))!.status()).toBe(403);

    // The admin disables the editor: the editor's next page asks them to sign in.
    await admin.locator('tr[data-username="ed"]').getByRole('button', { name: 'Disable' }).click();
    expect(await admin.getByTestId('notice').textContent()).toContain('ed is disabled');
    await editor.goto('/');
    expect(new URL(editor.url()).pathname).toBe('/login');

    // The audit log shows what happened.
    await admin.getByRole('link', { name: 'Audit log' }).click();
    const actions = await admin.locator('table.audit tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['setup_admin_created', 'user_created', 'login', 'login_failed', 'user_disabled']));
    expect(problems).toEqual([]);
    await adminContext.close();
    await editorContext.close();
  }, 45_000);
});
