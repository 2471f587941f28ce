import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths';
import { startServer, type RunningServer } from '../helpers/server';

const cli = path.join(projectRoot, 'dist', 'cli.js');
const runCliProcess = promisify(execFile);

/** The operator's account and API token, made with the CLI while the server runs. */
function tokenFor(databasePath: string): string {
  const env = { ...process.env, REDLINE_DB: databasePath };
  execFileSync(process.execPath, [cli, 'user', 'add', 'ops', '--role', 'admin'], { env, input: 'a long enough password\n' });
  return execFileSync(process.execPath, [cli, 'token', 'create', 'ops'], { env, encoding: 'utf8' }).trim();
}

interface SegmentRow {
  id: number;
  version: number;
  text: string;
}

/** Saves one segment after another, each with the version the last answer gave, until stopped; records every acknowledged save. */
function saveStorm(server: RunningServer, token: string, segments: SegmentRow[]) {
  const acknowledged = new Map<number, { version: number; text: string }>(segments.map((segment) => [segment.id, segment]));
  const failures: string[] = [];
  let running = true;
  let saves = 0;
  const writer = async (segment: SegmentRow) => {
    let version = segment.version;
    while (running) {
      const text = `Saved as version ${version + 1} of segment ${segment.id}.`;
      const response = await fetch(`${server.url}/api/segments/${segment.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, version }),
      });
      if (response.status !== 200) {
        failures.push(`${response.status} ${await response.text()}`);
        return;
      }
      version = ((await response.json()) as SegmentRow).version;
      acknowledged.set(segment.id, { version, text });
      saves++;
    }
  };
  const writers = Promise.all(segments.map(writer));
  return {
    /** A copy of what was acknowledged so far. */
    snapshot: () => new Map(acknowledged),
    saves: () => saves,
    stop: async () => {
      running = false;
      await writers;
      return failures;
    },
  };
}

describe('Beside the running server', () => {
  let server: RunningServer | undefined;
  beforeAll(() => {
    if (!fs.existsSync(path.join(projectRoot, 'dist', 'server.js'))) execFileSync('npm', ['run', 'build'], { cwd: projectRoot });
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  async function sampleSegments(token: string, count: number): Promise<SegmentRow[]> {
    const headers = { Authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${server!.url}/api/articles`, { headers })).json()) as { articles: { id: number }[] };
    const article = (await (await fetch(`${server!.url}/api/articles/${list.articles[0]!.id}?limit=${count}`, { headers })).json()) as {
      segments: (SegmentRow & { kind: string })[];
    };
    return article.segments.filter((segment) => segment.kind === 'sentence').slice(0, count);
  }

  it('when `redline import` runs while people save, then both succeed: the import writes in short steps and no save fails', async () => {
    server = await startServer();
    const token = tokenFor(server.databasePath);
    const storm = saveStorm(server, token, await sampleSegments(token, 4));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-cli-import-')), 'big.txt');
    fs.writeFileSync(file, Array.from({ length: 8_000 }, (_, index) => `Sentence number ${index + 1} is here.`).join(' '));

    const imported = await runCliProcess(process.execPath, [cli, 'import', file, '--title', 'Imported beside the server'], {
      env: { ...process.env, REDLINE_DB: server.databasePath },
    });
    const savesDuringImport = storm.saves();
    expect(await storm.stop()).toEqual([]);
    expect(savesDuringImport).toBeGreaterThan(0);

    const id = Number(imported.stdout.trim());
    const article = await (await fetch(`${server.url}/api/articles/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(article).toMatchObject({ title: 'Imported beside the server', segmentCount: 8_000 });
  }, 90_000);

  it('when `redline backup` runs during a save storm, then the copy is sound and holds every save acknowledged before it started', async () => {
    server = await startServer();
    const token = tokenFor(server.databasePath);
    const storm = saveStorm(server, token, await sampleSegments(token, 6));
    while (storm.saves() < 30) await new Promise((resolve) => setTimeout(resolve, 10));

    const before = storm.snapshot();
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-backup-')), 'copy.sqlite');
    const backup = await runCliProcess(process.execPath, [cli, 'backup', copy], {
      env: { ...process.env, REDLINE_DB: server.databasePath },
    });
    expect(backup.stdout).toMatch(/^Backed up .* to .*copy\.sqlite \(\d+ pages\)\.\n$/);
    expect(await storm.stop()).toEqual([]);

    const restored = new Database(copy, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = restored.prepare('SELECT version, text FROM segments WHERE id = ?');
    for (const [id, saved] of before) {
      const row = stored.get(id) as { version: number; text: string };
      expect(row.version).toBeGreaterThanOrEqual(saved.version);
      if (row.version === saved.version) expect(row.text).toBe(saved.text);
    }
    // The copy is a whole database: its stored figures and revisions agree with its segments.
    const revisions = restored.prepare('SELECT count(*) AS n FROM revisions WHERE segment_id = ? AND version <= ?');
    for (const [id] of before) {
      const { version } = stored.get(id) as { version: number };
      expect(revisions.get(id, version)).toEqual({ n: version });
    }
    restored.close();
  }, 60_000);
});
