#!/usr/bin/env node
// Size report and budgets, brotli (quality 11) and gzip (level 9), of what a storefront downloads.
// Measured as the browser downloads it: each file compressed on its own, then summed (a concatenation
// compressed at once would share one window across files and understate the cost).
// Each widget's cost is its entry plus the shared chunks it imports that the loader and runtime don't.
// Exits 1 when a budget is exceeded. `--json` prints machine-readable figures (for the bench report).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = 'dist';
const cdn = join(dist, 'cdn');
const KB = 1024;

/** Budgets from the issues, in brotli bytes. */
const budgets = {
  loader: 4 * KB,
  'reporter (runtime and what it imports)': 3 * KB,
  'vitrine-share': 4 * KB,
  'vitrine-feed': 9 * KB,
  'vitrine-wishlist + vitrine-wishlist-button': 9 * KB,
  'vitrine-login': 5 * KB,
  'page: share buttons only (loader + runtime + Lit + share)': 14 * KB,
  'page: share only, with network list (Firefox desktop)': 14 * KB,
  'page: every widget (loader + runtime + all widgets + network list)': 35 * KB,
};

if (!existsSync(join(dist, 'vitrine.js'))) {
  console.error('dist/vitrine.js is missing: run npm run build first');
  process.exit(1);
}

const brotli = buffer => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = buffer => gzipSync(buffer, { level: 9 }).length;

/** A module and every static import it pulls in, transitively (dynamic imports excluded). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.[^"']+)["']/g)) {
    closure(join(dirname(file), specifier), seen);
  }
  return seen;
}

const sizeOf = files =>
  [...files].reduce(
    (total, file) => {
      const buffer = readFileSync(file);
      return { raw: total.raw + buffer.length, gzip: total.gzip + gzip(buffer), brotli: total.brotli + brotli(buffer) };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );

const runtime = existsSync(join(cdn, 'runtime.js')) ? closure(join(cdn, 'runtime.js')) : new Set();
const entries = existsSync(cdn) ? readdirSync(cdn).filter(file => /^vitrine-.*\.js$/.test(file)).map(file => file.replace(/\.js$/, '')) : [];
/** Which widget entries import each file. */
const importers = new Map();
for (const tag of entries) for (const file of closure(join(cdn, `${tag}.js`))) importers.set(file, [...(importers.get(file) ?? []), tag]);
/** What a widget adds on its own: its modules that neither the runtime nor another widget imports. */
const widgetOnly = tags => [...new Set(tags.flatMap(tag => [...closure(join(cdn, `${tag}.js`))]))].filter(
  file => !runtime.has(file) && importers.get(file).every(importer => tags.includes(importer)),
);

const rows = [];
const add = (name, files) => rows.push({ name, files: [...files].map(file => relative(dist, file)), ...sizeOf(files), budget: budgets[name] });
add('loader', [join(dist, 'vitrine.js')]);
if (runtime.size) add('reporter (runtime and what it imports)', runtime);
const groups = { 'vitrine-wishlist + vitrine-wishlist-button': ['vitrine-wishlist', 'vitrine-wishlist-button'] };
const grouped = new Set(Object.values(groups).flat());
for (const tag of entries) if (!grouped.has(tag)) add(tag, widgetOnly([tag]));
for (const [name, tags] of Object.entries(groups)) if (tags.every(tag => entries.includes(tag))) add(name, widgetOnly(tags));
const shared = [...importers].filter(([file, tags]) => tags.length > 1 && !runtime.has(file)).map(([file]) => file);
if (shared.length) add('shared by widgets (Lit, element base), once per page', shared);
if (entries.includes('vitrine-share')) {
  // The network list is imported only where no system share sheet stands in for it: both pages are budgeted.
  const networkList = join(cdn, 'share-networks.js');
  add('vitrine-share network list (no share sheet)', [networkList]);
  const sharePage = [join(dist, 'vitrine.js'), ...runtime, ...closure(join(cdn, 'vitrine-share.js'))];
  add('page: share buttons only (loader + runtime + Lit + share)', new Set(sharePage));
  add('page: share only, with network list (Firefox desktop)', new Set([...sharePage, networkList]));
  const everything = [join(dist, 'vitrine.js'), ...runtime, ...entries.flatMap(tag => [...closure(join(cdn, `${tag}.js`))]), networkList];
  add('page: every widget (loader + runtime + all widgets + network list)', new Set(everything));
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const pad = (value, width) => String(value).padStart(width);
  console.log(`${'what (each file compressed on its own, summed)'.padEnd(60)} ${pad('raw', 8)} ${pad('gzip', 8)} ${pad('brotli', 8)} ${pad('budget', 8)}`);
  for (const row of rows) {
    const over = row.budget !== undefined && row.brotli > row.budget;
    console.log(`${row.name.padEnd(60)} ${pad(row.raw, 8)} ${pad(row.gzip, 8)} ${pad(row.brotli, 8)} ${pad(row.budget ?? '-', 8)}${over ? '  OVER BUDGET' : ''}`);
  }
}
const over = rows.filter(row => row.budget !== undefined && row.brotli > row.budget);
if (over.length) {
  console.error(`\n${over.length} budget(s) exceeded: ${over.map(row => row.name).join(', ')}`);
  process.exit(1);
}
