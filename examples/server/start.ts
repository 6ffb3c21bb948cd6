import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/db.js';
import { startDemoIdp } from './dev/demo-idp/index.js';
import { startFakeInstagram } from './dev/fake-instagram/server.js';
import { hasRealProvider } from './modules/auth/providers.js';
import { seedDemoCatalog } from './dev/seed.js';
import { migrate } from './db/migrate.js';

/** `npm start`: the demo server on PORT (8080), embedded database unless DATABASE_URL is set. */
let config = loadConfig();
// No real sign-in provider configured: run the local demo OpenID Connect provider, so sign-in works out of the box.
const demoIdp =
  !hasRealProvider(process.env) && !process.env.DEMO_IDP_ISSUER && process.env.DEMO_IDP !== 'off'
    ? await startDemoIdp({ redirectUris: [`${config.publicUrl}/auth/demo/callback`], port: Number(process.env.DEMO_IDP_PORT ?? 0) })
    : undefined;
if (demoIdp) {
  config = loadConfig({ ...process.env, DEMO_IDP_ISSUER: demoIdp.issuer, DEMO_IDP_CLIENT_ID: demoIdp.clientId, DEMO_IDP_CLIENT_SECRET: demoIdp.clientSecret });
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(db);
await seedDemoCatalog(db, config.storefrontDir, config.publicUrl);
// DEMO ONLY: with no real Instagram configured, a local fake serving recorded payloads stands in for it.
const fakeInstagram = config.instagram.graphUrl ? undefined : await startFakeInstagram({ port: Number(process.env.FAKE_INSTAGRAM_PORT ?? 0) });
if (fakeInstagram) {
  config.instagram = { ...config.instagram, graphUrl: fakeInstagram.url, apiUrl: fakeInstagram.url, authorizeUrl: `${fakeInstagram.url}/oauth/authorize`, appId: 'demo-app', appSecret: 'demo-secret' };
}
// Request logs never carry an OAuth code or state (the callback's query string).
const redactOAuth = (url: string) => url.replace(/([?&](?:code|state)=)[^&]*/g, '$1[redacted]');
const app = await buildApp({
  db,
  config,
  logger: {
    level: config.logLevel,
    serializers: {
      req: request => ({ method: request.method, url: redactOAuth(request.url), host: request.host, remoteAddress: request.ip }),
    },
  },
});
if (fakeInstagram) {
  app.addHook('onClose', () => fakeInstagram.close());
  // The fake forgets its tokens between runs: connect the demo account again (code → long-lived token), as a merchant would.
  await app.feeds.connect('maison-lumiere', fakeInstagram.issueCode(), `${config.publicUrl}/v1/instagram/callback`);
  // First fetch before listening, so the demo's first page view already has its feed (later ones come from the scheduler).
  await app.feeds.sync('maison-lumiere');
  app.log.warn(`Instagram: DEMO FAKE at ${fakeInstagram.url} (recorded payloads). Set INSTAGRAM_GRAPH_URL, INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET for a real account.`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining: /readyz answers 503, in-flight requests finish');
    // Stops accepting, lets in-flight requests finish and ends the live streams, then closes the app (and the database).
    Promise.all([app.drain(), demoIdp?.close()]).then(
      () => process.exit(0),
      error => {
        app.log.error(error);
        process.exit(1);
      },
    );
  });
}

await app.listen({ host: config.host, port: config.port });
app.log.info(`Storefront: ${config.publicUrl}/  ·  API docs: ${config.publicUrl}/openapi.json  ·  database: ${db.kind}`);
if (demoIdp) app.log.info(`Sign-in: demo OpenID Connect provider at ${demoIdp.issuer} (set GOOGLE_CLIENT_ID/SECRET etc. for real providers)`);
