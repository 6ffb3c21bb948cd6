import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export { startStorefront as startServer } from '../test/e2e/harness.js';

export interface LoadResult {
  label: string;
  requestsPerSec: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
  /** CPU time of the server's process (all its threads) during the run, in % of one core; undefined where /proc is missing. */
  serverCpu?: number;
  /** CPU time of the load generator (this process) during the run, in % of one core. */
  loadCpu?: number;
  /** CPU time of the whole machine during the run, in % of all its cores (a database server's processes count here). */
  machineCpu?: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The bare node:http baseline in its own process, so it and the load generator use different cores. */
export const startBaseline = (): Promise<BenchServer> => startBenchScript('./baseline-server.ts');

/** A bench server script (it prints `LISTENING <url>`) in its own process, with `env` added to this one's. */
export async function startBenchScript(script: string, env: NodeJS.ProcessEnv = {}): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL(script, import.meta.url).pathname], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', chunk => {
      const match = /LISTENING (\S+)/.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once('exit', code => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
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
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  /** Called per request to vary the body (unique ids); when given, `body` is ignored. */
  makeBody?: () => string;
  /** Called per request to vary its path, headers and body; when given, `makeBody` and `body` are ignored. */
  makeRequest?: () => { path?: string; headers?: Record<string, string>; body?: string };
  connections?: number;
  seconds?: number;
  /** Bounded request count instead of a duration. */
  amount?: number;
  /** The server's process id: its CPU time is reported beside the load generator's. */
  serverPid?: number;
}

let ticksPerSecond: number | undefined;
/** CPU seconds a process has used so far (user + system, all threads), from /proc; undefined elsewhere. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Busy and total time of all the machine's cores so far, from /proc/stat; undefined elsewhere. */
function machineCpuTicks(): { busy: number; total: number } | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: total - ticks[3] - ticks[4], total };
  } catch {
    return undefined;
  }
}

/** autocannon against 127.0.0.1 only, bounded in time or count. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const machineBefore = machineCpuTicks();
  const serverCpuBefore = options.serverPid ? processCpuSeconds(options.serverPid) : undefined;
  const loadCpuBefore = process.cpuUsage();
  const startedAt = performance.now();
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
        ...(options.makeRequest
          ? { setupRequest: (request: object) => ({ ...request, ...options.makeRequest!() }) }
          : options.makeBody
            ? { setupRequest: (request: object) => ({ ...request, body: options.makeBody!() }) }
            : { body: options.body }),
      },
    ],
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const serverCpuAfter = options.serverPid ? processCpuSeconds(options.serverPid) : undefined;
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const machineAfter = machineCpuTicks();
  return {
    label: options.label,
    serverCpu: serverCpuBefore !== undefined && serverCpuAfter !== undefined ? Math.round(((serverCpuAfter - serverCpuBefore) / seconds) * 100) : undefined,
    loadCpu: Math.round(((loadCpu.user + loadCpu.system) / 1e6 / seconds) * 100),
    machineCpu:
      machineBefore && machineAfter ? Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100) : undefined,
    requestsPerSec: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/**
 * One line per run, the baseline first. Server and load CPU are in % of one core: a server near 100% is the limit
 * of its run; a load generator near 100% is the limit of the run instead (the server had time to spare). Machine
 * CPU is in % of all cores: near 100%, the run is bound by the machine itself.
 */
export function printTable(results: LoadResult[], baseline: LoadResult): void {
  const cpu = (value: number | undefined) => (value === undefined ? '–' : `${value}%`);
  console.log(
    `${'run'.padEnd(60)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'ratio'.padStart(7)} ${'non2xx'.padStart(7)} ${'errors'.padStart(7)} ${'server CPU'.padStart(11)} ${'load CPU'.padStart(9)} ${'machine'.padStart(8)}`,
  );
  for (const row of [baseline, ...results]) {
    const ratio = (row.requestsPerSec / baseline.requestsPerSec).toFixed(2);
    console.log(
      `${row.label.padEnd(60)} ${String(row.requestsPerSec).padStart(9)} ${String(row.p99Ms).padStart(8)} ${ratio.padStart(7)} ${String(row.non2xx).padStart(7)} ${String(row.errors).padStart(7)} ${cpu(row.serverCpu).padStart(11)} ${cpu(row.loadCpu).padStart(9)} ${cpu(row.machineCpu).padStart(8)}`,
    );
  }
}
