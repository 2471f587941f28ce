import { runCliInProcess, withoutProgress } from '../../helpers/cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { interchangeDir, readReal } from './helpers';

/** Runs `redline ARGS` in this process; stdout as bytes (an XLIFF keeps its encoding). */
async function run(args: string[], env: Record<string, string>) {
  const { status, bytes, stderr } = await runCliInProcess(args, env);
  return { status, stdout: bytes, stderr };
}

describe('CLI with bilingual files', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-cli-bi-'));
    env = { REDLINE_DB: path.join(dir, 'cli.sqlite') };
  });

  it('when an XLIFF file in windows-1252 is imported and exported, then the export is the same bytes', async () => {
    const file = path.join(interchangeDir, 'files', 'okapi-RB-12-Test02.xlf');
    const imported = await run(['import', file], env);
    expect(imported.status).toBe(0);
    const id = imported.stdout.toString().trim();
    const exported = await run(['export', id, '--format', 'xliff'], env);
    expect(exported.status).toBe(0);
    expect(Buffer.compare(exported.stdout, readReal('okapi-RB-12-Test02.xlf'))).toBe(0);
  });

  it('when two text files are imported with --source, then the post-editing data carries each sentence source', async () => {
    const mt = path.join(dir, 'talks.txt');
    const source = path.join(dir, 'talks.fr.txt');
    fs.writeFileSync(mt, 'The couple provides for a comfort force. It works.\n');
    fs.writeFileSync(source, 'Le couple prévoit une force de réassurance. Ça marche.\n');
    const imported = await run(['import', mt, '--source', source, '--source-language', 'fr'], env);
    expect(withoutProgress(imported.stderr)).toBe('');
    const id = imported.stdout.toString().trim();
    const lines = (await run(['export', id, '--format', 'pe-jsonl'], env)).stdout.toString().trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { source: string }).source)).toEqual([
      'Le couple prévoit une force de réassurance.',
      'Ça marche.',
    ]);
  });

  it('when a language is not BCP 47, then exit 1 with a message naming the option', async () => {
    const mt = path.join(dir, 'one.txt');
    fs.writeFileSync(mt, 'One sentence.\n');
    const result = await run(['import', mt, '--target-language', 'english'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--target-language "english"');
  });
});
