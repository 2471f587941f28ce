/**
 * The HTTP side of the benchmark: servers in child processes (so the load
 * generator never shares their event loop), a keep-alive client on node:http
 * (fetch's own overhead would dominate sub-millisecond requests), and a
 * concurrent load loop bounded in count and time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface ChildServer {
  pid: number;
  port: number;
  /** Peak resident memory (VmHWM) in MB so far; undefined where /proc is missing. */
  peakRssMb: () => number | undefined;
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();
// A crash or Ctrl+C of the benchmark must not leave servers behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Runs `script` with node and waits for it to print the URL it listens on. */
export function startChildServer(script: string, env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  child.once('exit', () => running.delete(child));

  return new Promise((resolve, reject) => {
    let started = false;
    const fail = (error: Error) => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const timer = setTimeout(() => fail(new Error(`${script} did not start within 20 s:\n${output}`)), 20_000);
    child.stdout.on('data', () => {
      // Both servers print "... at http://<host>:<port>"; the benchmark always dials 127.0.0.1.
      const match = /at http:\/\/[^\s:]+:(\d+)/.exec(output);
      if (started || !match) return;
      started = true;
      clearTimeout(timer);
      resolve({ pid: child.pid!, port: Number(match[1]), peakRssMb: () => peakRssMb(child.pid!), stop });
    });
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

function peakRssMb(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface Response {
  status: number;
  body: string;
  ms: number;
}

/** A keep-alive client for one server on 127.0.0.1; `headers` go with every request (credentials). */
export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    private readonly headers: http.OutgoingHttpHeaders = {},
    maxSockets = 50,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, json?: unknown): Promise<Response> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const headers: http.OutgoingHttpHeaders = { ...this.headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const request = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
        );
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  /** `count` sequential GETs after `warmUp` untimed ones; the latency of each in ms. Non-2xx throws. */
  async timeGets(path: string, count: number, warmUp = 3): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < warmUp + count; i++) {
      const response = await this.request('GET', path);
      if (response.status < 200 || response.status >= 300)
        throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 300)}`);
      if (i >= warmUp) times.push(response.ms);
    }
    return times;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadResult {
  latencies: number[];
  errors: number;
  perSecond: number;
}

/**
 * `concurrency` workers each send one request at a time until `total` requests
 * were started or `maxMs` passed. `send(worker)` returns the response; a non-2xx
 * answer (its latency still recorded) or a failed request counts as an error.
 */
export async function runLoad(
  concurrency: number,
  limits: { total: number; maxMs: number },
  send: (worker: number) => Promise<Response>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const worker = async (index: number) => {
    while (started < limits.total && performance.now() - begin < limits.maxMs) {
      started++;
      try {
        const response = await send(index);
        latencies.push(response.ms);
        if (response.status < 200 || response.status >= 300) errors++;
      } catch {
        errors++; // a reset connection is reported, not fatal: the table shows it
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  return { latencies, errors, perSecond: latencies.length / ((performance.now() - begin) / 1000) };
}
