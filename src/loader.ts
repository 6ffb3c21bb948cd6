/**
 * The script-tag build (`dist/vitrine.js`). Deliberately tiny and free of Lit:
 * it reads its configuration from its own `<script>` tag, exposes
 * `window.Vitrine`, and imports a widget's chunk only when that widget's tag
 * first appears in the page, so a page pays only for the widgets it uses.
 */
import type * as Runtime from './core/runtime.js';
import type * as ShareAttribution from './features/share/share-attribution.js';
import type * as ShareRegistration from './features/share/register-share-network.js';
import type * as SetMessages from './set-messages.js';
import type { ConfigAttributes } from './core/config.js';
import type {} from './vitrine-global.js';

/** Replaced at build time with the tags found under `src/components/`. */
declare const __VITRINE_TAGS__: string[];
declare const __VITRINE_VERSION__: string;

type RuntimeModule = typeof Runtime;

const warn = (message: string) => console.warn(`[vitrine] ${message}`);

/** `${api}v1/events`, resolved against the page; empty when `api` is not a URL (the runtime then warns about it). */
const apiCollector = (api: string): string => {
  try {
    return new URL('v1/events', new URL(api.endsWith('/') ? api : `${api}/`, location.href)).href;
  } catch {
    return '';
  }
};

(() => {
  // Imported on a server (server-side rendering): no page to watch.
  if (typeof document === 'undefined') return;
  const script = document.currentScript as HTMLScriptElement | null;
  if (window.Vitrine) {
    warn(`Vitrine ${window.Vitrine.version} is already on this page; this second <script> tag is ignored. Keep one tag.`);
    return;
  }

  const base = new URL('cdn/', script?.src || location.href).href;
  const data = script?.dataset ?? {};
  const scriptConfig: ConfigAttributes = {};
  // data-vitals-sample-rate arrives in `dataset` as vitalsSampleRate: the configuration's own key.
  for (const key of ['endpoint', 'api', 'locale', 'consent', 'vitalsSampleRate', 'utm', 'dataLayer', 'tcfVendorId'] as const) {
    if (data[key] !== undefined) scriptConfig[key] = data[key];
  }
  // The collector lives on the API: with data-api alone, events go to its /v1/events, not to the page's own host.
  if (!data.endpoint && data.api) scriptConfig.endpoint = apiCollector(data.api);
  if (!scriptConfig.endpoint) {
    warn('data-endpoint is missing on the <script> tag: analytics events stay on the page. Expected an http(s) URL such as data-endpoint="/v1/events", or a data-api whose collector is used.');
  }

  let runtime: Promise<RuntimeModule> | undefined;
  const loadRuntime = (): Promise<RuntimeModule> =>
    (runtime ??= (import(/* @vite-ignore */ `${base}runtime.js`) as Promise<RuntimeModule>).then(module => {
      module.init(scriptConfig);
      // Only a visit through a shared link pays for attribution; after the engine started, so the event queues like any other.
      if (/[?&]vt_sid=/.test(location.search)) {
        void (import(/* @vite-ignore */ `${base}share-attribution.js`) as Promise<typeof ShareAttribution>).then(attribution => attribution.recordShareVisit());
      }
      return module;
    }));
  /** A method of `module` (the runtime, or a chunk loaded on use), called once the module has loaded. */
  const forward = <M, K extends keyof M>(module: () => Promise<M>, method: K) =>
    (async (...args: unknown[]) => ((await module())[method] as (...a: unknown[]) => unknown)(...args)) as M[K] extends (...a: infer A) => infer R
      ? (...args: A) => Promise<Awaited<R>>
      : never;
  const onUse = <M>(file: string) => () => import(/* @vite-ignore */ `${base}${file}.js`) as Promise<M>;

  const tags: string[] = __VITRINE_TAGS__;
  const pending = new Set(tags);
  const selector = tags.join(',');
  const preload = (href: string) => document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
  const load = (tag: string) => {
    if (!pending.delete(tag)) return;
    const chunk = `${base}${tag}.js`;
    // The widget's chunk (and its imports) download now, alongside the runtime: one round trip, not two.
    // A preloaded module does not run until imported, after the runtime has applied the page's configuration.
    preload(chunk);
    // Without a system share sheet (Firefox desktop), <vitrine-share> draws its network list, a chunk of its own.
    if (tag === 'vitrine-share' && !navigator.share) preload(`${base}share-networks.js`);
    loadRuntime()
      .then(() => import(/* @vite-ignore */ chunk))
      .catch(error => warn(`could not load <${tag}>: ${error}`));
    if (pending.size === 0) observer.disconnect();
  };
  const scan = (root: ParentNode) => {
    if (root instanceof Element && pending.has(root.localName)) load(root.localName);
    if (selector) root.querySelectorAll(selector).forEach(element => load(element.localName));
  };
  const observer = new MutationObserver(records => {
    for (const record of records) record.addedNodes.forEach(node => node instanceof Element && scan(node));
  });

  window.Vitrine = {
    version: __VITRINE_VERSION__,
    init: forward(loadRuntime, 'init'),
    configure: forward(loadRuntime, 'configure'),
    setLocale: forward(loadRuntime, 'setLocale'),
    setConsent: forward(loadRuntime, 'setConsent'),
    deliveryStats: forward(loadRuntime, 'deliveryStats'),
    // Its own module, loaded on use: most pages never call it.
    registerShareNetwork: forward(onUse<typeof ShareRegistration>('register-share-network'), 'registerShareNetwork'),
    // Its own module too; it brings the widgets' shared chunk, which the widgets it words need anyway.
    setMessages: forward(onUse<typeof SetMessages>('set-messages'), 'setMessages'),
    scan,
  };

  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);
  // With an endpoint, the engine runs on every page (web vitals, shared-link visits) once the page is idle.
  if (scriptConfig.endpoint) (window.requestIdleCallback ?? setTimeout)(() => void loadRuntime());
})();
