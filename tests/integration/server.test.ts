import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { projectRoot } from '../../src/paths';
import { runServerToExit, startServer, type RunningServer } from '../helpers/server';
import { SAMPLE_TITLE } from '../../src/startup';

describe('Server start', () => {
  let server: RunningServer | undefined;
  beforeAll(() => {
    if (!fs.existsSync(path.join(projectRoot, 'dist', 'server.js'))) execFileSync('npm', ['run', 'build'], { cwd: projectRoot });
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('when started on a new database, then the sample article is imported once and served', async () => {
    server = await startServer();
    const list = await (await fetch(`${server.url}/api/articles`)).json();
    expect(list.articles.map((a: { title: string }) => a.title)).toEqual([SAMPLE_TITLE]);
    const page = await fetch(`${server.url}/articles/${list.articles[0].id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('comfort force');
    const databasePath = server.databasePath;
    await server.stop();
    server = await startServer({ REDLINE_DB: databasePath });
    const again = await (await fetch(`${server.url}/api/articles`)).json();
    expect(again.articles).toHaveLength(1);
  });

  it('when REDLINE_SAMPLE=0, then no article is imported', async () => {
    server = await startServer({ REDLINE_SAMPLE: '0' });
    const list = await (await fetch(`${server.url}/api/articles`)).json();
    expect(list.articles).toEqual([]);
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
