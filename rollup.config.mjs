// Three builds from one source tree:
//  1. npm ESM (dist/core, dist/components): unbundled modules and .d.ts, Lit and nanostores left to the app's bundler;
//  2. CDN chunks (dist/cdn): the runtime and one entry per tag, Lit bundled once into shared chunks, minified;
//  3. the script-tag loader (dist/vitrine.js): a tiny IIFE that imports CDN chunks on demand.
import { readdirSync, readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8'));

/** Every `src/components/<folder>/vitrine-<tag>.ts` entry: the tag, and its file. */
const elements = readdirSync('src/components', { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .flatMap(folder =>
    readdirSync(`src/components/${folder.name}`)
      .filter(file => /^vitrine-[a-z-]+\.ts$/.test(file))
      .map(file => ({ tag: file.replace(/\.ts$/, ''), file: `src/components/${folder.name}/${file}` })),
  );

const terserOptions = { ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } };
const onwarn = (warning, warn) => {
  // Lit's decorators compile to `this` at module level in some helpers; harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: ['src/core/index.ts', ...elements.map(element => element.file)],
    external: id => /^(lit|@lit|nanostores|web-vitals)(\/|$)/.test(id),
    plugins: [
      nodeResolve(),
      typescript({ tsconfig: './tsconfig.json', declaration: true, declarationDir: 'dist/types', outDir: 'dist' }),
    ],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    onwarn,
  },
  {
    input: {
      runtime: 'src/core/runtime.ts',
      ...Object.fromEntries(elements.map(element => [element.tag, element.file])),
    },
    plugins: [
      nodeResolve(),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: 'dist/cdn' }),
      terser(terserOptions),
    ],
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    onwarn,
  },
  {
    input: 'src/loader.ts',
    plugins: [
      typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: 'dist' }),
      // After TypeScript: the plugin compiles from disk, so earlier transforms would be lost.
      replace({
        preventAssignment: true,
        values: {
          __VITRINE_TAGS__: JSON.stringify(elements.map(element => element.tag)),
          __VITRINE_VERSION__: JSON.stringify(version),
        },
      }),
      terser({ ...terserOptions, module: false }),
    ],
    output: { file: 'dist/vitrine.js', format: 'iife' },
    onwarn,
  },
];
