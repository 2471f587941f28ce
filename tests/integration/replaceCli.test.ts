import { runCliInProcess } from '../helpers/cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sampleArticlePath } from '../../src/paths';

const run = runCliInProcess;

describe('redline replace', () => {
  let env: Record<string, string>;
  let id: string;
  beforeAll(async () => {
    env = { REDLINE_DB: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-replace-')), 'cli.sqlite') };
    id = (await run(['import', sampleArticlePath, '--title', 'Sample'], env)).stdout.trim();
  });

  const texts = () => {
    const db = new Database(env.REDLINE_DB, { readonly: true });
    try {
      return (db.prepare('SELECT text FROM segments WHERE article_id = ? ORDER BY block, slot').all(Number(id)) as { text: string }[]).map(
        (row) => row.text,
      );
    } finally {
      db.close();
    }
  };

  it('when it is a dry run, then every match is printed as a word diff and nothing changes', async () => {
    const before = texts();
    const result = await run(['replace', id, '--find', 'comfort force', '--replace', 'reassurance force', '--dry-run'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^sentence \d+: .*\[-comfort-\]\{\+reassurance\+\} force/);
    expect(lines.at(-1)).toBe('1 match in 1 sentence (dry run: nothing changed).');
    expect(texts()).toEqual(before);
  });

  it('when it is run for real with a regular expression, then the matches change as one batch attributed to --author', async () => {
    const result = await run(
      ['replace', id, '--find', '(\\d+) ?%prices', '--replace', '$1% tariffs', '--regex', '--author', 'Operator'],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^1 match in 1 sentence: 1 sentence changed as batch \d+\.$/);
    expect(texts().join(' ')).toContain('10% tariffs');
    const db = new Database(env.REDLINE_DB, { readonly: true });
    const revision = db
      .prepare("SELECT author, user_id AS userId, action, batch_id AS batchId FROM revisions WHERE action = 'replace'")
      .get();
    db.close();
    expect(revision).toEqual({ author: 'Operator', userId: null, action: 'replace', batchId: expect.any(Number) });
  });

  it('when the usage or the data is wrong, then a one-line reason and exit 2 or 1', async () => {
    const missing = await run(['replace', id, '--find', 'x'], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('replace needs --find TEXT and --replace TEXT.');
    const badId = await run(['replace', 'abc', '--find', 'x', '--replace', 'y'], env);
    expect(badId.status).toBe(2);
    const unknown = await run(['replace', '4242', '--find', 'x', '--replace', 'y'], env);
    expect(unknown).toMatchObject({ status: 1, stderr: 'redline: Article 4242 does not exist.\n' });
    const invalid = await run(['replace', id, '--find', '(x', '--replace', 'y', '--regex'], env);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^redline: The regular expression is not valid: .+\.\n$/);
  });
});
