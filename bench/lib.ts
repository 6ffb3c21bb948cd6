import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpuSecondsOfStat, runWrk } from './wrk.js';

export { UNIQUE_ID } from './wrk.js';

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
  /** CPU time of the load generator (wrk, all its threads) during the run, in % of one core. */
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
  /** The server's origin and the path of the request (the path is ignored when `requests` is given). */
  url: string;
  label: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** The body; every UNIQUE_ID in it becomes a new UUID per request. */
  body?: string;
  /** Requests picked at random, one per request (a voter and an item, say); `method` applies to each. */
  requests?: Array<{ path: string; headers?: Record<string, string>; body?: string }>;
  connections?: number;
  seconds?: number;
  /** The server's process id: its CPU time is reported beside the load generator's. */
  serverPid?: number;
}

/** CPU seconds a process has used so far (user + system, all threads), from /proc; undefined elsewhere. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields start after its closing parenthesis.
    return cpuSecondsOfStat(stat.slice(stat.lastIndexOf(')') + 2));
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

/** wrk against 127.0.0.1 only, bounded in time. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const method = options.method ?? 'GET';
  const target = new URL(options.url);
  const machineBefore = machineCpuTicks();
  const serverCpuBefore = options.serverPid ? processCpuSeconds(options.serverPid) : undefined;
  const result = await runWrk({
    url: options.url,
    requests: options.requests?.map(request => ({ method, ...request })) ?? [
      { method, path: `${target.pathname}${target.search}`, headers: options.headers, body: options.body },
    ],
    connections: options.connections ?? 10,
    seconds: options.seconds ?? 10,
  });
  const serverCpuAfter = options.serverPid ? processCpuSeconds(options.serverPid) : undefined;
  const machineAfter = machineCpuTicks();
  const percentOfRun = (cpuSeconds: number) => Math.round((cpuSeconds / result.seconds) * 100);
  return {
    label: options.label,
    serverCpu: serverCpuBefore !== undefined && serverCpuAfter !== undefined ? percentOfRun(serverCpuAfter - serverCpuBefore) : undefined,
    loadCpu: result.cpuSeconds === undefined ? undefined : percentOfRun(result.cpuSeconds),
    machineCpu:
      machineBefore && machineAfter ? Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100) : undefined,
    requestsPerSec: Math.round(result.requests / result.seconds),
    p99Ms: result.p99Ms,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests,
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
