import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <vitrine-*> are custom elements, not Vue components: Vue leaves them to the browser.
      template: { compilerOptions: { isCustomElement: tag => tag.startsWith('vitrine-') } },
    }),
  ],
});
