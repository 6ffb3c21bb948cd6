// Three builds from one source tree:
//  1. npm ESM (dist/index.js, dist/events.js, dist/components): unbundled modules and .d.ts (dist/types, with
//     vitrine-global.d.ts for the script tag's window.Vitrine), Lit and nanostores left to the app's bundler;
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

/** CSS without comments and the whitespace CSS ignores: around `{ } ; , >` and after `:` (a space before `:` can be a descendant combinator). */
const minifyCss = text =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    // Odd parts are quoted strings ('Segoe UI'), kept as written.
    .split(/('[^']*'|"[^"]*")/)
    .map((part, index) => (index % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}')))
    .join('')
    .trim();

/**
 * Lit `css` literals minified (terser leaves template text as is); only literals without `${…}`. Each becomes
 * `unsafeCSS` of the same text (an untagged literal cooks escapes as the tag's strings do), which is what `css`
 * returns for a literal without values: Lit's `css`, with its check of interpolated values and that check's
 * message, then leaves the page.
 */
const minifyCssLiterals = () => ({
  name: 'vitrine-minify-css-literals',
  transform(code) {
    if (!/\bcss\s*`/.test(code)) return null;
    const styles = code.replace(/\bcss\s*`([^`$]*)`/g, (_, text) => `vitrineStaticCss(\`${minifyCss(text)}\`)`);
    return styles === code ? null : `import { unsafeCSS as vitrineStaticCss } from 'lit';\n${styles}`;
  },
});

/** The script-tag build's stores: src/core/atom.ts instead of nanostores (why: that file's comment). */
const privateStores = () => ({
  name: 'vitrine-private-stores',
  resolveId: id => (id === 'nanostores' ? new URL('src/core/atom.ts', import.meta.url).pathname : null),
});

// keep_fargs off: no code reads a function's length.
const terserOptions = { ecma: 2022, module: true, compress: { passes: 5, keep_fargs: false }, format: { comments: false } };

export default [
  {
    input: ['src/index.ts', 'src/events.ts', ...elements.map(element => element.file)],
    external: id => /^(lit|@lit|nanostores|web-vitals)(\/|$)/.test(id),
    plugins: [
      nodeResolve(),
      typescript({ tsconfig: './tsconfig.json', declaration: true, declarationDir: 'dist/types', outDir: 'dist' }),
    ],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
  },
  {
    input: {
      runtime: 'src/core/runtime.ts',
      // Loaded by the script tag on use only: a visit through a shared link, a call to Vitrine.registerShareNetwork or Vitrine.setMessages.
      'share-attribution': 'src/features/share/share-attribution.ts',
      'register-share-network': 'src/features/share/register-share-network.ts',
      'set-messages': 'src/set-messages.ts',
      // <vitrine-share>'s network list, imported only where no system share sheet stands in for it (Firefox desktop).
      'share-networks': 'src/features/share/share-networks.ts',
      // Imported by the runtime on condition only (data-consent="tcf", data-data-layer, a sampled page view, consent
      // granted): stable names, since a content hash in each import() is bytes every page pays for in runtime.js.
      'delivery-send': 'src/core/delivery-send.ts',
      // The taxonomy check: fetched as the runtime starts.
      'event-check': 'src/core/event-check.ts',
      tcf: 'src/core/tcf.ts',
      'consent-mode': 'src/core/consent-mode.ts',
      vitals: 'src/core/vitals.ts',
      ...Object.fromEntries(elements.map(element => [element.tag, element.file])),
    },
    plugins: [
      privateStores(),
      nodeResolve(),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: 'dist/cdn' }),
      minifyCssLiterals(),
      terser(terserOptions),
    ],
    // Entries may export more than their own module (what lazy chunks import from them): no facade files.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Few files instead of many small ones: each is compressed on its own, and every file costs its own window.
      // The engine modules every page runs join the runtime entry itself (one file: runtime.js, the reporter);
      // `element` is Lit, the widget base and the product and share data every widget loads.
      manualChunks: id =>
        /\/src\/core\/(runtime|atom|config|environment|locale|track|url|version|warn)\.ts$/.test(id)
          ? 'core'
          : /\/src\/core\/(element|i18n|localize-controller|store-controller|attribute-warning)\.ts$|\/src\/features\/(product\/page-product|product\/json-ld|share\/share-registry)\.ts$|\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id)
            ? 'element'
            : undefined,
    },
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
  },
];
