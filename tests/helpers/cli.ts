import { runCli } from '../../src/cli';
import { TEST_PASSWORD_COST } from './app';

/**
 * Runs the CLI in this process, as `redline ARGS` would with that environment and piped
 * input, and collects what it prints: stdout as text and as bytes (an export keeps its
 * file's encoding), stderr as text.
 */
export async function runCliInProcess(args: string[], env: Record<string, string | undefined>, input?: string) {
  const stdout: Buffer[] = [];
  let stderr = '';
  const status = await runCli(
    args,
    {
      stdout: (chunk) => void stdout.push(Buffer.from(chunk)),
      stderr: (text) => (stderr += text),
      stdin: () => input,
      env: { ...process.env, ...env },
    },
    { passwordCost: TEST_PASSWORD_COST },
  );
  const bytes = Buffer.concat(stdout);
  return { status, stdout: bytes.toString('utf8'), bytes, stderr };
}

/**
 * What an import printed on stderr besides its progress, which the CLI prints only when the import
 * takes over a second: on a loaded machine even the sample may, and that is no error.
 */
export function withoutProgress(stderr: string): string {
  return stderr.replace(/^redline: (imported [\d,]+ segments \(\d+ % of the text\)…|done in [\d.]+ s\.)\n/gm, '');
}
