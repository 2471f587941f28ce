import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths';
import { addUser, startServer, type RunningServer } from './server';

/**
 * Browser tests drive the system's Chromium with playwright-core; nothing is
 * downloaded. CHROMIUM_PATH, when set, is the only place looked at, so a wrong
 * value is noticed instead of silently falling back to another browser.
 */
const candidatePaths = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath: string | undefined = candidatePaths.find((candidate) => fs.existsSync(candidate));

/** On CI a missing browser must fail the run; a green build that ran no browser test would lie. */
const onCi = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!.toLowerCase());

/** True only locally without a browser: then the e2e suites are skipped (`describe.skipIf`). */
export const skipBrowserTests = !chromiumPath && !onCi;

if (skipBrowserTests) {
  console.warn(
    `Skipping the browser tests: no Chromium at ${candidatePaths.join(' or ')}. ` +
      'Install it (apt-get install chromium) or set CHROMIUM_PATH. With CI set, a missing browser fails the run instead.',
  );
}

// Running as root needs --no-sandbox; the network flags stop Chromium calling home on a closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraArgs`: more Chromium flags, e.g. `--host-resolver-rules` to open the app under another host name. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!chromiumPath) {
    throw new Error(`CI is set but no Chromium was found at ${candidatePaths.join(' or ')}: install it or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Starts dist/server.js with its own database, building it first when a bare `vitest` run has no build yet. */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'server.js')))
    execFileSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  return startServer(env);
}

export const artifactsDir = path.join(projectRoot, 'tests', 'e2e', 'artifacts');

/** A fresh context (own cookies) whose actions fail well before vitest's test timeout, with Playwright's message. */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 }, ...options });
  context.setDefaultTimeout(8_000);
  return context;
}

export const E2E_PASSWORD = 'a long test password';

/** Signs in the way a person does: through the form on /login. */
export async function signIn(page: Page, username: string, password = E2E_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** Creates the first admin the way a person does: through the form behind the setup link the server printed. */
export async function createFirstAdmin(
  page: Page,
  setupLink: string,
  username: string,
  displayName: string,
  password: string,
): Promise<void> {
  await page.goto(setupLink);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Display name').fill(displayName);
  await page.locator('#password').fill(password);
  await page.locator('#passwordAgain').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Create admin account' }).click()]);
}

/** The CSRF token of the page's session, for requests a test sends beside the page. */
export async function csrfToken(page: Page): Promise<string> {
  return (await page.locator('meta[name="csrf-token"]').getAttribute('content'))!;
}

/** What a review row's correction column reads as (the current text): deleted words and screen-reader labels left out. */
export const correction = (row: Locator) =>
  row.locator('.segment-current').evaluate((cell) => {
    const copy = cell.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('del, .diff-label, .sr-only').forEach((element) => element.remove());
    return copy.textContent.trim();
  });

export interface PageProblem {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
}

/**
 * Collects console errors and uncaught exceptions. A Content-Security-Policy
 * violation (an inline script, say) reaches the console as an error too.
 */
export function watchForProblems(page: Page): PageProblem[] {
  const problems: PageProblem[] = [];
  page.on('console', (message) => {
    const url = message.location().url;
    // Chromium asks for /favicon.ico on its own and the app has none; that 404 is not the page misbehaving.
    if (message.type() === 'error' && !url.endsWith('/favicon.ico')) problems.push({ kind: 'console', text: message.text(), url });
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message, url: page.url() }));
  return problems;
}

/** An account an operator makes with the CLI before a journey: [username, role, display name]; the password is E2E_PASSWORD. */
export type E2eUser = [username: string, role: 'editor' | 'reviewer' | 'admin', displayName: string];

export interface BrowserFixture {
  /** The built server, with its own database (filled in before the first test). */
  readonly server: RunningServer;
  /** A fresh context (own cookies) on the server. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}

/**
 * The set-up every browser suite shares: Chromium and the built server start once
 * before the suite's tests (with the given accounts), and both stop after them.
 */
export function useBrowserFixture(
  options: { env?: Record<string, string>; users?: E2eUser[]; browserArgs?: string[] } = {},
): BrowserFixture {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(options.browserArgs);
    server = await startBuiltServer(options.env);
    for (const [username, role, displayName] of options.users ?? [])
      addUser(server.databasePath, username, role, displayName, E2E_PASSWORD);
    fs.mkdirSync(artifactsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The browser fixture has not started yet: use it inside a test.');
      return server;
    },
    newContext: (contextOptions) => newContext(browser!, server!.url, contextOptions),
  };
}
