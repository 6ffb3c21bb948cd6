// Copies the built SDK (`npm run build` → dist/) into the extension's assets/ folder, which Shopify keeps
// flat ("Assets can't be added to subdirectories") and serves from its CDN. The script-tag build looks for its
// chunks in cdn/ beside the loader and imports shared chunks from cdn/chunks/, so every file gets a flat name
// and every relative import is rewritten to it, found through the parsed module (never a text search).
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAst } from 'rollup/parseAst';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

interface Edit {
  start: number;
  end: number;
  text: string;
}
interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is AstNode => typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

function walk(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(child => isNode(child) && walk(child, visit));
    else if (isNode(value)) walk(value, visit);
  }
}

function applyEdits(code: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), code);
}

/** `chunks/core-X.js` → `chunk-core-X.js`; entries keep their names, which the loader asks for. */
export const flatName = (path: string): string => (path.startsWith('chunks/') ? `chunk-${path.slice('chunks/'.length)}` : path);

async function files(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry => (entry.isDirectory() ? files(dir, posix.join(prefix, entry.name)) : Promise.resolve([posix.join(prefix, entry.name)]))),
  );
  return nested.flat();
}

/** A chunk with each relative import pointing at the flat name of its target. */
function rewriteChunk(code: string, path: string, known: Set<string>): string {
  const edits: Edit[] = [];
  walk(parseAst(code) as unknown as AstNode, node => {
    if (!['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].includes(node.type)) return;
    const source = node.source as AstNode | null | undefined;
    if (!source) return;
    if (source.type !== 'Literal' || typeof source.value !== 'string') {
      throw new Error(`${path}: an import whose address is computed (${code.slice(source.start, source.end)}) cannot be flattened`);
    }
    if (!source.value.startsWith('.')) throw new Error(`${path}: bare import "${source.value}" in a CDN chunk`);
    const target = posix.normalize(posix.join(posix.dirname(path), source.value));
    if (!known.has(target)) throw new Error(`${path}: imports ${source.value}, which is not in dist/cdn`);
    edits.push({ start: source.start, end: source.end, text: JSON.stringify(`./${flatName(target)}`) });
  });
  return applyEdits(code, edits);
}

/** The loader with its chunk folder, `new URL("cdn/", <script src>)`, turned into its own folder. */
function rewriteLoader(code: string): string {
  const edits: Edit[] = [];
  walk(parseAst(code) as unknown as AstNode, node => {
    if (node.type !== 'NewExpression') return;
    const callee = node.callee as AstNode & { name?: string };
    const [first] = node.arguments as AstNode[];
    if (callee.type === 'Identifier' && callee.name === 'URL' && first?.type === 'Literal' && first.value === 'cdn/') {
      edits.push({ start: first.start, end: first.end, text: '"./"' });
    }
  });
  if (edits.length !== 1) {
    throw new Error(`dist/vitrine.js: expected one new URL("cdn/", …) naming the chunk folder, found ${edits.length}; the loader changed, update package-assets.ts`);
  }
  return applyEdits(code, edits);
}

/** Writes the extension's assets: the loader, every CDN file with a flat name, and the Shopify bridge. */
export async function packageAssets(dist = join(root, 'dist'), out = join(here, 'assets')): Promise<string[]> {
  const cdn = join(dist, 'cdn');
  const paths = (await files(cdn)).filter(path => path.endsWith('.js'));
  const known = new Set(paths);
  const names = new Map<string, string>();
  for (const path of paths) {
    const name = flatName(path);
    if (name === 'vitrine.js' || name === 'vitrine-shopify.js' || names.has(name)) throw new Error(`two assets would be named ${name}`);
    names.set(name, path);
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const [name, path] of names) await writeFile(join(out, name), rewriteChunk(await readFile(join(cdn, path), 'utf8'), path, known));
  await writeFile(join(out, 'vitrine.js'), rewriteLoader(await readFile(join(dist, 'vitrine.js'), 'utf8')));
  await cp(join(here, 'src', 'vitrine-shopify.js'), join(out, 'vitrine-shopify.js'));
  return (await readdir(out)).sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const written = await packageAssets(undefined, out);
  console.log(`${written.length} files in ${relative(process.cwd(), out ?? join(here, 'assets')) || '.'}: ${written.map(name => basename(name)).join(', ')}`);
}
