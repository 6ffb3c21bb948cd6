import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  // A Node server: every request is rendered on the server, the elements upgrading in the browser.
  kit: { adapter: adapter() },
};
