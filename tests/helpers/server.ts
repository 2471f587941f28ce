import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths';

export interface RunningServer {
  url: string;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the built server (dist/server.js) on a free port with its own database file. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const databasePath = env.REDLINE_DB ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'redline-server-')), 'redline.sqlite');
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'dist', 'server.js')], {
    env: { ...process.env, PORT: '0', REDLINE_DB: databasePath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start within 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    databasePath,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'server.js')], {
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Creates an account with the CLI, as an operator would (`redline user add`), password on stdin. */
export function addUser(
  databasePath: string,
  username: string,
  role: 'editor' | 'reviewer' | 'admin',
  displayName: string,
  password: string,
): void {
  execFileSync(
    process.execPath,
    [path.join(projectRoot, 'dist', 'cli.js'), 'user', 'add', username, '--role', role, '--display-name', displayName],
    {
      env: { ...process.env, REDLINE_DB: databasePath },
      input: `${password}\n`,
    },
  );
}
