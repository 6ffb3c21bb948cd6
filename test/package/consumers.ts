// The packed package as a storefront developer gets it: `npm pack`, then installed from the tarball into the
// framework example apps (examples/frameworks/, one npm workspace with its own lockfile, installed here so a
// clean clone works). Each test file calls `installPackedVitrine()`; the install runs once per tarball.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const examples = `${root}examples/frameworks/`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command, failing with its output. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** The tarball of what `dist/` holds now (run after `npm run build`). */
export function packVitrine(): string {
  const destination = `${root}.tmp/package/`;
  mkdirSync(destination, { recursive: true });
  const [{ filename }] = JSON.parse(run(npm, ['pack', '--json', '--silent', '--pack-destination', destination], root)) as Array<{ filename: string }>;
  return destination + filename;
}

/**
 * Installs the example apps' dependencies from their lockfile (once, and again when the lockfile changes),
 * then the packed Vitrine (when its tarball changed), the way `npm install vitrine-x.tgz` does.
 */
export function installPackedVitrine(): string {
  const tarball = packVitrine();
  const installed = `${examples}node_modules/.package-lock.json`;
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(`${examples}package-lock.json`).mtimeMs) {
    run(npm, ['ci', '--no-audit', '--no-fund'], examples);
  }
  const stamp = `${examples}node_modules/.vitrine-tarball`;
  const digest = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== digest) {
    run(npm, ['install', '--no-save', '--no-audit', '--no-fund', tarball], examples);
    writeFileSync(stamp, digest);
  }
  return tarball;
}

export interface Served {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/** Starts a long-running command (a `next start`, a preview server) and waits until `url` answers. */
export async function serve(command: string, args: string[], cwd: string, url: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child: ChildProcess = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', chunk => output.push(String(chunk)));
  child.stderr?.on('data', chunk => output.push(String(chunk)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited early:\n${output.join('')}`);
    try {
      await fetch(url);
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${command} did not start:\n${output.join('')}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return {
    url,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
