import { runCliInProcess, withoutProgress } from '../helpers/cli';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { projectRoot, sampleArticlePath } from '../../src/paths';

const run = runCliInProcess;

describe('CLI', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    env = { REDLINE_DB: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-cli-')), 'cli.sqlite') };
  });

  it('when a file is imported and exported, then the id is printed and the text comes back unchanged', async () => {
    const imported = await run(['import', sampleArticlePath, '--title', 'From the CLI'], env);
    expect(withoutProgress(imported.stderr)).toBe('');
    expect(imported.status).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const exported = await run(['export', id, '--format', 'txt'], env);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toBe(fs.readFileSync(sampleArticlePath, 'utf8'));
    const json = JSON.parse((await run(['export', id, '--format', 'json'], env)).stdout);
    expect(json.article.title).toBe('From the CLI');
    expect((await run(['list'], env)).stdout).toContain('From the CLI');
  });

  it('when the input is wrong, then a one-line reason and a non-zero exit, never a stack trace', async () => {
    const missing = await run(['import', '/no/such/file.txt'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('redline: No such file: /no/such/file.txt\n');
    const badFormat = await run(['export', '1', '--format', 'pdf'], env);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of txt, md, html, json');
    const unknown = await run(['export', '4242'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('redline: Article 4242 does not exist.\n');
    const nul = path.join(os.tmpdir(), `redline-nul-${process.pid}.txt`);
    fs.writeFileSync(nul, 'a\u0000b');
    expect((await run(['import', nul], env)).stderr).toContain('NUL bytes');
    expect((await run(['frobnicate'], env)).status).toBe(2);
  });

  it('when the database is newer than this Redline, then the CLI refuses to touch it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-new-')), 'new.sqlite');
    execFileSync(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('user_version = 99');d.close()`],
      { cwd: projectRoot },
    );
    const result = await run(['list'], { REDLINE_DB: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/schema version 99/);
  });

  it('when a user is added with a piped password, then they exist with that role and can get an API token', async () => {
    const added = await run(['user', 'add', 'rita', '--role', 'reviewer', '--display-name', 'Rita Reviewer'], env, 'piped password 123\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Created reviewer rita \(id \d+\)\.\n$/);
    const token = await run(['token', 'create', 'rita', '--label', 'script'], env);
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^rl_[\w-]{43}$/);
    const db = new Database(env.REDLINE_DB, { readonly: true });
    expect(db.prepare('SELECT username, display_name AS displayName, role FROM users WHERE username = ?').get('rita')).toEqual({
      username: 'rita',
      displayName: 'Rita Reviewer',
      role: 'reviewer',
    });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('user_created', 'token_created')").get()).toEqual({ n: 2 });
    db.close();
  });

  it('when no password is piped, then a generated one is printed; bad input is refused', async () => {
    const generated = await run(['user', 'add', 'gen', '--role', 'editor'], env, '');
    expect(generated.stdout).toMatch(/Password: [\w-]{20}\n$/);
    expect((await run(['user', 'add', 'x', '--role', 'owner'], env, 'long enough pass\n')).stderr).toContain(
      'must be one of editor, reviewer, admin',
    );
    expect((await run(['user', 'add', 'gen', '--role', 'editor'], env, 'long enough pass\n')).stderr).toContain('is taken');
    expect((await run(['user', 'add', 'short', '--role', 'editor'], env, 'short\n')).stderr).toContain('at least 10 characters');
    expect((await run(['token', 'create', 'nobody'], env)).stderr).toBe('redline: No user named nobody.\n');
  });

  it('when a title, author or label on the command line has control characters, then it is refused and nothing is stored', async () => {
    const db = new Database(env.REDLINE_DB, { readonly: true });
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get();
    const title = await run(['import', sampleArticlePath, '--title', 'Evil\u001b[2J title'], env);
    expect(title.status).toBe(1);
    expect(title.stderr).toBe('redline: A title cannot contain control characters (U+001B).\n');
    const author = await run(['import', sampleArticlePath, '--author', 'Bell\u0007'], env);
    expect(author.stderr).toBe('redline: An author name cannot contain control characters (U+0007).\n');
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(articles);
    const label = await run(['token', 'create', 'rita', '--label', 'tab\there'], env);
    expect(label.stderr).toBe('redline: A label cannot contain control characters (U+0009).\n');
    db.close();
  });

  it('when a stored title holds control characters, then `redline list` prints them escaped, never raw', async () => {
    const imported = await run(['import', sampleArticlePath, '--title', 'Plain title'], env);
    const id = Number(imported.stdout.trim());
    // A title stored before titles were checked, or derived from a file's name.
    const db = new Database(env.REDLINE_DB);
    db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Clear\u001b[2J\u001b]0;pwned\u0007 screen', id);
    db.close();
    const listed = await run(['list'], env);
    const line = listed.stdout.split('\n').find((candidate) => candidate.startsWith(`${id}\t`));
    expect(line).toMatch(/\tClear\\x1b\[2J\\x1b\]0;pwned\\x07 screen$/);
    // eslint-disable-next-line no-control-regex -- asserting that no control character reaches the terminal
    expect(listed.stdout.replace(/[\t\n]/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('when run through npx in the checkout, as the README shows, then the same CLI answers', () => {
    const npx = (args: string[]) =>
      spawnSync('npx', ['redline', ...args], { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8' });
    const imported = npx(['import', sampleArticlePath, '--title', 'Via npx']);
    expect(withoutProgress(imported.stderr)).toBe('');
    expect(imported.stdout).toMatch(/^\d+\n$/);
    expect(npx(['list']).stdout).toContain('Via npx');
  }, 120_000);
});
