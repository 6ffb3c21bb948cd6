import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';

export { startStorefront as startServer } from '../test/e2e/harness.js';

export interface LoadResult {
  label: string;
  requestsPerSec: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

/** The bare node:http baseline in its own process, so it and the load generator use different cores. */
export async function startBaseline(): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL('./baseline-server.ts', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', chunk => {
      const match = /LISTENING (\S+)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once('exit', code => reject(new Error(`baseline exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface LoadOptions {
  url: string;
  label: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Called per request to vary the body (unique ids); when given, `body` is ignored. */
  makeBody?: () => string;
  connections?: number;
  seconds?: number;
  /** Bounded request count instead of a duration. */
  amount?: number;
}

/** autocannon against 127.0.0.1 only, bounded in time or count. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    connections: options.connections ?? 10,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    requests: [
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ...(options.makeBody ? { setupRequest: (request: object) => ({ ...request, body: options.makeBody!() }) } : { body: options.body }),
      },
    ],
  });
  return {
    label: options.label,
    requestsPerSec: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

export function printTable(results: LoadResult[], baseline: LoadResult): void {
  console.log(`${'run'.padEnd(48)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'ratio'.padStart(7)} ${'non2xx'.padStart(7)} ${'errors'.padStart(7)}`);
  for (const row of [baseline, ...results]) {
    const ratio = (row.requestsPerSec / baseline.requestsPerSec).toFixed(2);
    console.log(
      `${row.label.padEnd(48)} ${String(row.requestsPerSec).padStart(9)} ${String(row.p99Ms).padStart(8)} ${ratio.padStart(7)} ${String(row.non2xx).padStart(7)} ${String(row.errors).padStart(7)}`,
    );
  }
}
