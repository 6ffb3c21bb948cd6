import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Stories ship Lit in dev mode's production build: same code a storefront runs.
  viteFinal: async viteConfig => ({
    ...viteConfig,
    define: { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('production') },
  }),
};

export default config;
