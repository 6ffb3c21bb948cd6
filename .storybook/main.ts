import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The demo storefront's pictures, served as files (dev and static build) at the relative `images/…` paths the
  // recorded feed uses: an inlined `data:` URL would be refused by the widgets' http(s)-only URL check.
  staticDirs: [{ from: '../examples/storefront/images', to: '/images' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Stories ship Lit in dev mode's production build: same code a storefront runs.
  viteFinal: async viteConfig => ({
    ...viteConfig,
    define: { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('production') },
    // Vite inlines small assets as data: URLs; the widgets refuse those (see staticDirs).
    build: { ...viteConfig.build, assetsInlineLimit: 0 },
  }),
};

export default config;
