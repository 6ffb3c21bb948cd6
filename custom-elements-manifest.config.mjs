// `npm run analyze`: custom-elements.json from the components' JSDoc, for Storybook controls and IDEs.
export default {
  globs: ['src/components/**/*.element.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
