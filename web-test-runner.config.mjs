// Browser tests for src/: real headless Chromium (Debian's), TypeScript through esbuild,
// and a real example server (migrated in-memory database) on 127.0.0.1 for tests that talk HTTP.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';

register();
const { startTestServer } = await import('./examples/server/test-server.ts');
const { freePort } = await import('./test/e2e/harness.ts');

const port = await freePort();
const api = await startTestServer({ ALLOWED_ORIGINS: `http://localhost:${port},http://127.0.0.1:${port}` });

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  port,
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    { name: 'vitrine-test-api', serverStop: () => api.close() },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  testRunnerHtml: testFramework => `<!doctype html>
<html lang="en">
  <head><script>
    window.VITRINE_TEST_API = ${JSON.stringify(api.url)};
    // nanostores' development build reads process.env.NODE_ENV (bundlers replace it).
    window.process = { env: { NODE_ENV: 'development' } };
  </script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  // Lit's dev-mode notice is expected in tests (dev mode adds checks); every other log is shown.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
