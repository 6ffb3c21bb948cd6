// N instances of the `npm start` server on one PostgreSQL, as a fleet behind a load balancer would run them:
// the same database and the same media folder (the re-hosted Instagram images, which a real fleet keeps on
// shared storage), nothing else in common.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Storefront, startStorefront } from '../e2e/harness.js';

export interface Fleet {
  instances: Storefront[];
  stop(): Promise<void>;
}

export async function startFleet(databaseUrl: string, { size = 2, env = {} }: { size?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Fleet> {
  const mediaDir = await mkdtemp(join(tmpdir(), 'vitrine-fleet-media-'));
  // One after the other, as a rolling deploy starts them: the first migrates, seeds the demo and re-hosts the demo
  // feed's images (sharp, seconds of CPU); the next find all of it done. Started at once on 2 cores, each did the
  // images' work itself and the start took over a minute.
  const instances: Storefront[] = [];
  for (let index = 0; index < size; index++) {
    instances.push(await startStorefront({ DATABASE_URL: databaseUrl, VITRINE_MEDIA_DIR: mediaDir, ...env }));
  }
  return {
    instances,
    async stop() {
      await Promise.all(instances.map(instance => instance.stop()));
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
