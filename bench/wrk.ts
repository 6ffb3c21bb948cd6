// wrk as the benches' load generator: a C load generator with a Lua script, so the baseline measures node:http and
// not the generator (autocannon building a body per request in JavaScript topped out near 17K req/s here, wrk at 41K).
// Each run writes a small Lua script: either one fixed request (wrk sends it prebuilt), or requests picked at random
// from a list, with every UNIQUE_ID in a body replaced by a new UUID per occurrence.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Written in a request body, stands for a UUID new to every occurrence (messageId, anonymousId…). */
export const UNIQUE_ID = '{{unique-id}}';

export interface WrkRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface WrkOptions {
  /** Origin (and path for a single request) the connections open to. */
  url: string;
  /** One fixed request, or several picked at random per request. */
  requests: WrkRequest[];
  connections: number;
  seconds: number;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  p99Ms: number;
  /** Answers with a status of 400 or more (wrk counts no other kind). */
  non2xx: number;
  /** Connect, read, write errors and timeouts. */
  errors: number;
  /** CPU seconds wrk used (user + system, all threads), read from /proc by the script itself before it exits. */
  cpuSeconds?: number;
}

/** A Lua string literal holding `text` exactly: printable ASCII as is, every other byte as a decimal escape. */
function luaString(text: string): string {
  let literal = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    literal += byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${literal}"`;
}

const luaTable = (headers: Record<string, string> = {}) => `{ ${Object.entries(headers).map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`).join(', ')} }`;

/** The Lua script for one run. */
function wrkScript(requests: WrkRequest[]): string {
  const prefix = randomBytes(8).toString('hex');
  // Unique within a run: the thread's number and a counter; across runs: 64 random bits; version-4 shaped.
  const idFormat = `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-4${prefix.slice(13, 16)}-a%03x-%04x%08x`;
  const fixed = requests.length === 1 && !(requests[0].body ?? '').includes(UNIQUE_ID);
  const head = fixed
    ? [
        `wrk.method = ${luaString(requests[0].method)}`,
        `wrk.path = ${luaString(requests[0].path)}`,
        `wrk.headers = ${luaTable(requests[0].headers)}`,
        ...(requests[0].body === undefined ? [] : [`wrk.body = ${luaString(requests[0].body)}`]),
      ]
    : [
        'local requests = {',
        ...requests.map(
          request =>
            `  { method = ${luaString(request.method)}, path = ${luaString(request.path)}, headers = ${luaTable(request.headers)}, ` +
            `parts = { ${(request.body ?? '').split(UNIQUE_ID).map(luaString).join(', ')} }, body = ${request.body === undefined ? 'nil' : 'true'} },`,
        ),
        '}',
        'local counter = 0',
        'local function unique_id()',
        '  counter = counter + 1',
        `  return string.format(${luaString(idFormat)}, math.floor(counter / 4294967296) % 4096, thread_number, counter % 4294967296)`,
        'end',
        'function init(args) math.randomseed(thread_number * 7919 + os.time()) end',
        'function request()',
        '  local r = requests[#requests == 1 and 1 or math.random(#requests)]',
        '  local body = nil',
        '  if r.body then',
        '    local pieces = { r.parts[1] }',
        '    for i = 2, #r.parts do pieces[#pieces + 1] = unique_id(); pieces[#pieces + 1] = r.parts[i] end',
        '    body = table.concat(pieces)',
        '  end',
        '  return wrk.format(r.method, r.path, r.headers, body)',
        'end',
      ];
  return [
    ...head,
    'local threads = 0',
    // Runs in the main state: each thread's own state gets its number as a global.
    'function setup(thread) threads = threads + 1; thread:set("thread_number", threads) end',
    'function done(summary, latency)',
    '  local file = io.open("/proc/self/stat", "r")',
    '  local stat = file and file:read("*a") or ""',
    '  if file then file:close() end',
    '  local e = summary.errors',
    '  io.write(string.format("\\nWRK_RESULT {\\"requests\\":%d,\\"durationUs\\":%d,\\"p99Us\\":%d,\\"status\\":%d,\\"errors\\":%d,\\"stat\\":\\"%s\\"}\\n",',
    '    summary.requests, summary.duration, latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout,',
    '    ((stat:match("%) (.*)$") or ""):gsub("%s+$", ""))))',
    'end',
    '',
  ].join('\n');
}

let ticksPerSecond: number | undefined;
/**
 * CPU seconds (user + system, all threads) in the fields of /proc/<pid>/stat that follow the command name
 * (state first, then utime 12th and stime 13th, in clock ticks); undefined when they are missing.
 */
export function cpuSecondsOfStat(fieldsAfterCommand: string): number | undefined {
  const fields = fieldsAfterCommand.trim().split(' ');
  if (fields.length < 13) return undefined;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Runs wrk once against 127.0.0.1, bounded in time, and reads the line its script prints at the end. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-wrk-'));
  try {
    const script = join(dir, 'load.lua');
    await writeFile(script, wrkScript(options.requests));
    const args = ['-t', String(Math.min(2, options.connections)), '-c', String(options.connections), '-d', `${options.seconds}s`, '--timeout', '10s', '-s', script, options.url];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', chunk => (text += chunk));
      child.stderr.on('data', chunk => (text += chunk));
      child.once('error', error =>
        reject((error as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('wrk is not installed (Debian: apt-get install wrk)') : error),
      );
      child.once('exit', code => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
    });
    const line = /WRK_RESULT (\{.*\})/.exec(output);
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const result = JSON.parse(line[1]) as { requests: number; durationUs: number; p99Us: number; status: number; errors: number; stat: string };
    return {
      requests: result.requests,
      seconds: result.durationUs / 1e6,
      p99Ms: Math.round(result.p99Us / 100) / 10,
      non2xx: result.status,
      errors: result.errors,
      cpuSeconds: cpuSecondsOfStat(result.stat),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
