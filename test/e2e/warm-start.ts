// What every demo server makes the same way on its first start, made once per machine and copied into each
// new server's folders: the migrated embedded database (PGlite's initdb) and the demo feed's re-hosted pictures
// (sharp encoding WebP and JPEG at three widths). The server then starts as `npm start` does on a second run:
// migrations find nothing to apply, and pictures already on disk, named by their source's hash, are not encoded
// again. A test of the first start asks for empty folders (startStorefront's `firstStart`).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, cp, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migratedTemplateFile } from '../../examples/server/db/migrated-template.js';

const exists = (path: string) => access(path).then(() => true, () => false);

/** The migrated database's files, unpacked into the server's empty data folder. */
export async function warmDatabase(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await promisify(execFile)('tar', ['-xf', await migratedTemplateFile(), '-C', dataDir]);
}

/** The kept pictures depend on the encoder's code and version and on the fake Instagram's payloads. */
async function mediaCache(): Promise<string> {
  const hash = createHash('sha256');
  // Its main file is dist/index.cjs: the package folder is two up.
  const sharp = dirname(dirname(createRequire(import.meta.url).resolve('sharp')));
  const sources = ['modules/feeds/media.ts', 'dev/fake-instagram/server.ts', 'dev/fake-instagram/recorded/media.json'].map(file => fileURLToPath(new URL(`../../examples/server/${file}`, import.meta.url)));
  for (const file of [join(sharp, 'package.json'), ...sources]) hash.update(await readFile(file));
  return join(tmpdir(), `vitrine-e2e-media-${hash.digest('hex').slice(0, 16)}`);
}

/** Copies the kept pictures, if any, into the server's empty media folder. */
export async function warmMedia(mediaDir: string): Promise<void> {
  const cache = await mediaCache();
  if (await exists(cache)) await cp(cache, mediaDir, { recursive: true });
}

/** After a server's first start: keeps the pictures it made, copied aside and then renamed, so no reader sees half. */
export async function keepMedia(mediaDir: string): Promise<void> {
  const cache = await mediaCache();
  if ((await exists(cache)) || !(await exists(mediaDir)) || (await readdir(mediaDir)).length === 0) return;
  const partial = `${cache}.${process.pid}`;
  await cp(mediaDir, partial, { recursive: true });
  // Another server may have kept its copy first: the same pictures, so this one goes.
  await rename(partial, cache).catch(() => rm(partial, { recursive: true, force: true }));
}
