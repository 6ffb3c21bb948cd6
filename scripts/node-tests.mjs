#!/usr/bin/env node
// Runs node:test over the given *.test.ts files and every *.test.ts below the given folders (Node 20's --test has no globs).
// `--concurrency=N` runs N files at once (default 1): for suites whose files each start their own servers and browser.
// Files start in the order given (a folder's files sorted), each once: name the longest first, so they do not start last.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const find = dir =>
  readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.name === 'node_modules' ? [] : entry.isDirectory() ? find(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
const args = process.argv.slice(2);
const concurrency = args.find(arg => arg.startsWith('--concurrency='))?.split('=')[1] ?? '1';
const files = [
  ...new Set(
    args
      .filter(arg => !arg.startsWith('--'))
      .flatMap(path => (statSync(path).isFile() ? [join(path)] : find(path).sort())),
  ),
];
if (files.length === 0) {
  console.error(`no *.test.ts files under ${args.join(', ')}`);
  process.exit(1);
}
const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
process.exit(status ?? 1);
