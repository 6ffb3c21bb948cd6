// Server-rendered on every request (Nuxt's default), the elements registering in the browser (plugins/vitrine.client.ts).
export default defineNuxtConfig({
  compatibilityDate: '2026-01-01',
  devtools: { enabled: false },
  telemetry: false,
  // <vitrine-*> are custom elements, not Vue components: Vue leaves them to the browser.
  vue: { compilerOptions: { isCustomElement: tag => tag.startsWith('vitrine-') } },
  // vue-tsc and the editor know every <vitrine-*>, its attributes and typed @vitrine-* handlers.
  typescript: { strict: true, tsConfig: { compilerOptions: { types: ['vitrine/vue'] } } },
  app: {
    head: {
      title: 'Vitrine with Nuxt',
      htmlAttrs: { lang: 'en' },
      link: [{ rel: 'icon', href: 'data:,' }],
    },
  },
});
