import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtml = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never render data as HTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never render data as HTML.' },
];
/** src/core knows no widget: no element name and no address of a network it could share to. */
const widgetFree = [
  ['Literal', 'value'],
  ['TemplateElement', 'value.raw'],
].flatMap(([node, value]) => [
  { selector: `${node}[${value}=/vitrine-(share|feed|login|wishlist)/]`, message: 'src/core names no widget: this belongs in src/features or src/components.' },
  { selector: `${node}[${value}=/https?:\\/\\/[a-z]/]`, message: 'src/core holds no network or service address.' },
]);

export default tseslint.config(
  { ignores: ['**/dist/', 'storybook-static/', '**/node_modules/', '**/.next/', '**/.svelte-kit/', '**/.astro/', '**/.nuxt/', '**/.output/', '**/.angular/', 'examples/frameworks/sveltekit/build/', '.data/', '.tmp/', 'custom-elements.json', 'coverage/', 'integrations/shopify/assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noHtml],
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Never render data as HTML.' }] }],
    },
  },
  // Layers: components → features → core, never the other way.
  ...[
    {
      files: ['src/components/**/*.ts'],
      // A regex, not a gitignore group: `../*/*` also matches `../../core`, and a negation cannot re-include below it.
      patterns: [{ regex: '^\\.\\./(?!\\.\\./)', message: 'Components depend on src/features and src/core, never on each other.' }],
    },
    {
      files: ['src/features/**/*.ts'],
      patterns: [{ regex: '^\\.\\./\\.\\./(?!core/)', message: 'Features depend on src/core (and on each other), never on components or the loader.' }],
    },
    {
      files: ['src/core/**/*.ts'],
      patterns: [{ regex: '^\\.\\./', message: 'src/core is the engine: it imports nothing from features, components or the loader.' }],
      syntax: widgetFree,
    },
  ].map(({ files, ignores = [], patterns, syntax = [] }) => ({
    files,
    ignores: [...ignores, 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Never render data as HTML.' }], patterns }],
      'no-restricted-syntax': ['error', ...noHtml, ...syntax],
    },
  })),
);
