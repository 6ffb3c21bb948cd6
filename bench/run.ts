// `npm run bench`: the size report, then every bench/*.bench.ts in turn (each prints its own table,
// with the bare node:http baseline measured in the same run). `npm run bench -- collector` runs matching ones.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2];
console.log('== size (brotli) ==');
const size = spawnSync(process.execPath, ['scripts/size.mjs'], { stdio: 'inherit' });
let failed = size.status !== 0;

const benches = readdirSync(new URL('.', import.meta.url))
  .filter(file => file.endsWith('.bench.ts') && (!filter || file.includes(filter)))
  .sort();
for (const file of benches) {
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(file, import.meta.url).pathname], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
