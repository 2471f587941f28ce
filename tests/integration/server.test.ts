import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { projectRoot } from '../../src/paths';
import { runServerToExit, startServer, type RunningServer } from '../helpers/server';
import { SAMPLE_TITLE } from '../../src/startup';

/** Uses the CLI, as an operator would, to make an account and an API token. */
function createUserAndToken(databasePath: string): string {
  const cli = path.join(projectRoot, 'dist', 'cli.js');
  const env = { ...process.env, REDLINE_DB: databasePath };
  execFileSync(process.execPath, [cli, 'user', 'add', 'ops', '--role', 'admin'], { env, input: 'a long enough password\n' });
  return execFileSync(process.execPath, [cli, 'token', 'create', 'ops'], { env, encoding: 'utf8' }).trim();
}

describe('Server start', () => {
  let server: RunningServer | undefined;
  beforeAll(() => {
    if (!fs.existsSync(path.join(projectRoot, 'dist', 'server.js'))) execFileSync('npm', ['run', 'build'], { cwd: projectRoot });
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('when started on a new database, then the sample is imported once and a one-time setup link is printed', async () => {
    server = await startServer();
    const printedLink = () => /(http:\/\/localhost:\d+\/setup\?token=[\w-]+)/.exec(server!.output())?.[1];
    await expect.poll(printedLink).toBeDefined();
    const link = printedLink();
    expect((await fetch(link!)).status).toBe(200);
    expect((await fetch(link!.replace(/token=.*/, 'token=guess'))).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/articles`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');

    const token = createUserAndToken(server.databasePath);
    const list = await (await fetch(`${server.url}/api/articles`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(list.articles.map((a: { title: string }) => a.title)).toEqual([SAMPLE_TITLE]);

    const databasePath = server.databasePath;
    await server.stop();
    server = await startServer({ REDLINE_DB: databasePath });
    expect(server.output()).not.toContain('/setup?token=');
    const again = await (await fetch(`${server.url}/api/articles`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(again.articles).toHaveLength(1);
  });

  it('when REDLINE_SAMPLE=0, then no article is imported', async () => {
    server = await startServer({ REDLINE_SAMPLE: '0' });
    const token = createUserAndToken(server.databasePath);
    const list = await (await fetch(`${server.url}/api/articles`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(list.articles).toEqual([]);
  });

  it('when the port is taken, then the server says so and exits 1, without claiming to serve or printing a setup link', async () => {
    server = await startServer({ REDLINE_SAMPLE: '0' });
    const port = new URL(server.url).port;
    const otherDatabase = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-busy-')), 'db.sqlite');
    const { code, output } = await runServerToExit({ PORT: port, REDLINE_SAMPLE: '0', REDLINE_DB: otherDatabase });
    expect(code).toBe(1);
    expect(output).toContain(`Redline cannot listen on 127.0.0.1:${port}: the port is already in use`);
    expect(output).not.toContain('is serving');
    expect(output).not.toContain('/setup?token=');
  });

  it('when HOST is 0.0.0.0, then it warns about plain HTTP and prints a setup link that others can open', async () => {
    server = await startServer({ HOST: '0.0.0.0', REDLINE_SAMPLE: '0' });
    const link = () => /create the first admin:\n {2}(http:\/\/[^/\s]+)\/setup\?token=/.exec(server!.output())?.[1];
    await expect.poll(link).toBeDefined();
    expect(link()).not.toContain('localhost');
    await expect.poll(() => server!.output()).toContain('Warning: Redline listens on 0.0.0.0 over plain HTTP');
    // The link works: the server answers on the address it printed.
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });

  it('when the database is newer than the migrations, then the server refuses to start and says why', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-newer-')), 'db.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 42');
    db.close();
    const { code, output } = await runServerToExit({ REDLINE_DB: file });
    expect(code).toBe(1);
    expect(output).toContain('Redline cannot start: The database is at schema version 42');
  });

  it('when a setting is invalid, then the server names it and exits', async () => {
    const { code, output } = await runServerToExit({ PORT: 'eighty', REDLINE_DB: ':memory:' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid configuration: PORT/);
  });
});
