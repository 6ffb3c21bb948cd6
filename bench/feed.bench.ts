// GET /v1/feeds/:feedId from cache (the database; Instagram is never called per request), full body and
// 304 revalidation, beside the bare node:http baseline measured in the same run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type IncomingMessage, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchServer, printTable, runLoad, startBaseline, startBenchScript, startServer } from './lib.js';

const mediaDir = await mkdtemp(join(tmpdir(), 'vitrine-bench-media-'));
const [server, baseline] = await Promise.all([startServer({ VITRINE_MEDIA_DIR: mediaDir }), startBaseline()]);
let sameBytes: BenchServer | undefined;
try {
  const url = `${server.url}/v1/feeds/maison-lumiere`;
  const first = await fetch(url);
  const size = (await first.arrayBuffer()).byteLength;
  if (first.status !== 200) throw new Error(`feed not ready: HTTP ${first.status}`);
  const etag = first.headers.get('etag')!;
  // What a browser sends: the feed comes brotli-compressed (compressed once per version, not per request).
  const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };

  // A second baseline: bare node:http answering the very bytes and headers of the brotli response, so the
  // ratio against it measures the server's own work and not the kernel writing the body. The sample is read
  // with node:http, not fetch, which would decompress it.
  const sample = await new Promise<IncomingMessage>(resolve => get(url, { headers: browser }, resolve));
  const bodyFile = join(mediaDir, 'baseline-body');
  await writeFile(bodyFile, Buffer.concat(await sample.toArray()));
  const kept = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary'];
  const sameHeaders = Object.fromEntries(kept.flatMap(name => (typeof sample.headers[name] === 'string' ? [[name, sample.headers[name]]] : [])));
  sameBytes = await startBenchScript('./baseline-server.ts', { BASELINE_BODY_FILE: bodyFile, BASELINE_HEADERS: JSON.stringify(sameHeaders) });

  const base = await runLoad({ url: `${baseline.url}/`, label: 'node:http baseline (204)', serverPid: baseline.pid });
  const same = await runLoad({ url: `${sameBytes.url}/`, label: 'node:http answering the brotli response\'s bytes (200)', serverPid: sameBytes.pid });
  const brotli = await runLoad({ url, headers: browser, label: `GET /v1/feeds/maison-lumiere (200, brotli as browsers ask)`, serverPid: server.pid });
  const full = await runLoad({ url, headers: { 'accept-encoding': 'identity' }, label: `GET /v1/feeds/maison-lumiere (200, ${(size / 1024).toFixed(1)} KB uncompressed)`, serverPid: server.pid });
  const revalidated = await runLoad({ url, headers: { 'if-none-match': etag }, label: 'GET /v1/feeds/maison-lumiere If-None-Match (304)', serverPid: server.pid });
  printTable([same, brotli, full, revalidated], base);
  const ratio = (run: { requestsPerSec: number }, to = base) => (run.requestsPerSec / to.requestsPerSec).toFixed(2);
  console.log(`\nfeed from cache / baseline (goal ≥ 0.50): 200 brotli ${ratio(brotli)}, 200 uncompressed ${ratio(full)}, 304 ${ratio(revalidated)}`);
  console.log(`feed 200 brotli / node:http answering the same bytes: ${ratio(brotli, same)}`);
  if (same.errors || brotli.non2xx || brotli.errors || full.non2xx || full.errors || revalidated.errors) process.exitCode = 1;
} finally {
  await Promise.all([server.stop(), baseline.stop(), sameBytes?.stop()]);
  await rm(mediaDir, { recursive: true, force: true });
}
