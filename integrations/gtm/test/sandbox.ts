// A small stand-in for GTM's template sandbox: runs a template's ___SANDBOXED_JS_FOR_WEB_TEMPLATE___ in a
// fresh V8 context whose only globals are `require` and `data`, with the sandboxed APIs the template uses,
// each checked against the template's ___WEB_PERMISSIONS___ as GTM checks them. Syntax the sandbox refuses
// (this, new, classes, template literals, regular expressions…) fails before anything runs.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { parseAst } from 'rollup/parseAst';

export const gtmDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The `___NAME___` sections of a .tpl file. */
export function sections(tpl: string): Record<string, string> {
  const result: Record<string, string> = {};
  const parts = tpl.split(/^___([A-Z_]+)___$/m);
  for (let index = 1; index < parts.length; index += 2) result[parts[index]] = parts[index + 1].trim();
  return result;
}

export const readTemplate = async () => readFile(join(gtmDir, 'template.tpl'), 'utf8');

interface PermissionValue {
  type: number;
  string?: string;
  boolean?: boolean;
  listItem?: PermissionValue[];
  mapKey?: PermissionValue[];
  mapValue?: PermissionValue[];
}
interface Permission {
  instance: { key: { publicId: string }; param: Array<{ key: string; value: PermissionValue }> };
}

/** A permission value as plain JSON: type 1 string, 2 list, 3 map, 8 boolean. */
function plain(value: PermissionValue): unknown {
  if (value.type === 1) return value.string;
  if (value.type === 8) return value.boolean;
  if (value.type === 2) return (value.listItem ?? []).map(plain);
  if (value.type === 3) return Object.fromEntries((value.mapKey ?? []).map((key, index) => [plain(key), plain(value.mapValue![index])]));
  throw new Error(`permission value of unknown type ${value.type}`);
}

export type Permissions = Record<string, Record<string, unknown>>;
export function permissions(tpl: string): Permissions {
  const list = JSON.parse(sections(tpl).WEB_PERMISSIONS) as Permission[];
  return Object.fromEntries(list.map(({ instance }) => [instance.key.publicId, Object.fromEntries(instance.param.map(param => [param.key, plain(param.value)]))]));
}

/** GTM's URL match patterns: exact scheme, `*` or `*.domain` host, `*` anywhere in the path. */
export function urlMatches(pattern: string, url: string): boolean {
  const target = new URL(url);
  const [, scheme, host, path = '/'] = /^(https?):\/\/([^/]+)(\/.*)?$/.exec(pattern) ?? [];
  if (!scheme || target.protocol !== `${scheme}:`) return false;
  const hostOk = host === '*' || (host.startsWith('*.') ? target.host.endsWith(host.slice(1)) : target.host === host);
  const glob = new RegExp(`^${path.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return hostOk && glob.test(target.pathname + target.search);
}

const REFUSED: Record<string, string> = {
  ThisExpression: 'this',
  NewExpression: 'new',
  ClassDeclaration: 'class',
  ClassExpression: 'class',
  TemplateLiteral: 'template literals',
  AwaitExpression: 'await',
  YieldExpression: 'generators',
  SpreadElement: 'spread',
  ForOfStatement: 'for…of',
  ImportExpression: 'import()',
};

/** The syntax GTM's sandbox (ES5.1 with const, let and arrow functions) refuses, found in the parsed code. */
export function refusedSyntax(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const { type } = node as { type?: string };
    if (type && REFUSED[type]) found.push(REFUSED[type]);
    if (type === 'Literal' && (node as { regex?: unknown }).regex) found.push('regular expression literals');
    Object.values(node).forEach(visit);
  };
  visit(parseAst(code));
  return [...new Set(found)];
}

export type DataLayerEvent = Record<string, unknown>;

export interface Page {
  /** What the page's window holds: `Vitrine`, `dataLayer`. */
  window: Record<string, unknown>;
  consent: Record<string, boolean>;
  /** Scripts injected, in order; `load()` runs their success callbacks as the browser would on load. */
  injected: Array<{ url: string; onSuccess: () => void; onFailure: () => void; cacheToken?: string }>;
  consentListeners: Array<{ type: string; listener: (type: string, granted: boolean) => void }>;
  logs: unknown[][];
  /** GTM's view of the data layer: the push that fired the tag, and every push so far (for version 2). */
  currentPush?: DataLayerEvent;
  /** A consent update, as gtag('consent', 'update', …) makes it. */
  updateConsent(type: string, granted: boolean): void;
}

export function newPage(window: Record<string, unknown> = {}): Page {
  const page: Page = {
    window,
    consent: {},
    injected: [],
    consentListeners: [],
    logs: [],
    updateConsent(type, granted) {
      page.consent[type] = granted;
      for (const entry of page.consentListeners) if (entry.type === type) entry.listener(type, granted);
    },
  };
  return page;
}

const getType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Values crossing into the page are copied, as GTM copies them out of the sandbox. */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function resolve(root: Record<string, unknown>, path: string): { parent: Record<string, unknown>; key: string } {
  const keys = path.split('.');
  const key = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((node, part) => (node?.[part] as Record<string, unknown>) ?? undefined!, root);
  return { parent, key };
}

export interface Run {
  succeeded: number;
  failed: number;
}

/** Runs the template once, as a tag firing with `parameters`, against `page`. */
export function runTemplate(tpl: string, parameters: Record<string, unknown>, page: Page): Run {
  const code = sections(tpl).SANDBOXED_JS_FOR_WEB_TEMPLATE;
  const refused = refusedSyntax(code);
  if (refused.length) throw new Error(`the GTM sandbox refuses: ${refused.join(', ')}`);
  const allowed = permissions(tpl);
  const deny = (api: string, detail: string): never => {
    throw new Error(`permission denied: ${api} ${detail} is not allowed by ___WEB_PERMISSIONS___`);
  };
  const globalRights = (key: string) =>
    ((allowed.access_globals?.keys as Array<Record<string, unknown>> | undefined) ?? []).find(entry => entry.key === key) ?? {};
  const consentRights = (type: string) =>
    ((allowed.access_consent?.consentTypes as Array<Record<string, unknown>> | undefined) ?? []).find(entry => entry.consentType === type) ?? {};

  const run: Run = { succeeded: 0, failed: 0 };
  const apis: Record<string, unknown> = {
    getType,
    logToConsole: (...args: unknown[]) => {
      if (!allowed.logging) deny('logToConsole', '');
      page.logs.push(args);
    },
    injectScript: (url: string, onSuccess: () => void, onFailure: () => void, cacheToken?: string) => {
      const patterns = (allowed.inject_script?.urls as string[] | undefined) ?? [];
      if (!patterns.some(pattern => urlMatches(pattern, url))) deny('injectScript', url);
      page.injected.push({ url, onSuccess, onFailure, cacheToken });
    },
    callInWindow: (path: string, ...args: unknown[]) => {
      if (globalRights(path).execute !== true) deny('callInWindow', path);
      const { parent, key } = resolve(page.window, path);
      const target = parent?.[key];
      if (typeof target !== 'function') return undefined;
      return copy(target.apply(parent, args.map(copy)));
    },
    copyFromDataLayer: (key: string, version = 2) => {
      const rules = allowed.read_data_layer;
      if (!rules || (rules.allowedKeys !== 'any' && !((rules.keyPatterns as string[]) ?? []).includes(key))) deny('copyFromDataLayer', key);
      if (version === 1) return copy(page.currentPush?.[key]);
      // Version 2: the data layer's merged model, recursively, up to the push that fired the tag.
      const merge = (into: Record<string, unknown>, from: Record<string, unknown>) => {
        for (const [name, value] of Object.entries(from)) {
          if (getType(value) === 'object' && getType(into[name]) === 'object') merge(into[name] as Record<string, unknown>, value as Record<string, unknown>);
          else into[name] = copy(value);
        }
        return into;
      };
      const model = ((page.window.dataLayer as DataLayerEvent[] | undefined) ?? []).reduce<Record<string, unknown>>((state, push) => merge(state, push), {});
      return copy(model[key]);
    },
    createQueue: (name: string) => {
      const rights = globalRights(name);
      if (rights.read !== true || rights.write !== true) deny('createQueue', name);
      const queue = ((page.window[name] as unknown[] | undefined) ??= []);
      return (value: unknown) => queue.push(copy(value));
    },
    isConsentGranted: (type: string) => {
      if (consentRights(type).read !== true) deny('isConsentGranted', type);
      return page.consent[type] === true;
    },
    addConsentListener: (type: string, listener: (type: string, granted: boolean) => void) => {
      if (consentRights(type).read !== true) deny('addConsentListener', type);
      page.consentListeners.push({ type, listener });
    },
  };
  const data = {
    ...parameters,
    gtmOnSuccess: () => void run.succeeded++,
    gtmOnFailure: () => void run.failed++,
  };
  const requireApi = (name: string) => {
    if (!(name in apis)) throw new Error(`require('${name}'): this stand-in does not provide that API`);
    return apis[name];
  };
  runInNewContext(code, { require: requireApi, data }, { timeout: 1000 });
  return run;
}

/** Fires the GA4 tag the way GTM does for a Vitrine push: the push lands in the data layer, then the tag runs. */
export function pushAndFire(tpl: string, page: Page, push: DataLayerEvent, parameters: Record<string, unknown> = {}): DataLayerEvent[] {
  const dataLayer = ((page.window.dataLayer as DataLayerEvent[] | undefined) ??= []);
  dataLayer.push(push);
  page.currentPush = push;
  const before = dataLayer.length;
  runTemplate(tpl, { action: 'ga4', customEvents: false, ...parameters }, page);
  return dataLayer.slice(before);
}
