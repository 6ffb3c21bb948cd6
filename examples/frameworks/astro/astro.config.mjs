import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Rendered on the server for every request (a Node server), the elements upgrading in the browser.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
});
