import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { $config } from './config.js';
import type { Catalog, MessageArgs, MessageOverrides, Messages } from './i18n.js';
import { $messages, formatPrice, resolveLocale } from './i18n.js';
import { $localeOverride, addedLocales, language } from './locale.js';

/** An element's own wording, by language: `el.messages = { fr: { share: 'Partager ce look' } }`. */
export type ElementMessages<M extends Messages> = Record<string, MessageOverrides<M> | undefined>;
/** Each shipped language's strings once fetched, by loader: a page with ten product cards fetches German once. */
const fetched = new WeakMap<object, Messages | Promise<unknown>>();

type Host<M extends Messages> = ReactiveControllerHost & HTMLElement & { messages?: ElementMessages<M> };

/**
 * Gives an element its strings and prices in the locale it resolves to, and
 * re-renders it when that changes: its `lang` attribute, `<html lang>`,
 * `setLocale()` or the configured default. Counts, dates and plurals: the
 * functions of `format.ts`, called with `controller.locale`.
 *
 * Each key comes from the first that has it: the element's `messages`, then
 * `setMessages()`, then the built-in catalog of that language (fetched on first
 * use for German, Spanish and Italian), then English.
 */
export class LocalizeController<M extends Messages> implements ReactiveController {
  /** Created on connect: a server rendering the element (Lit SSR) has no MutationObserver. */
  #observer?: MutationObserver;
  #unsubscribers: Array<() => void> = [];
  #current: string;
  /** The overrides last seen, so each is checked once, not on every render. */
  #own?: ElementMessages<M>;
  #global?: Record<string, Record<string, unknown> | undefined>;
  /** The language whose strings are on their way, so one render waits for them once. */
  #waiting?: string;
  readonly #host: Host<M>;
  readonly #widget: string;
  readonly #catalog: Catalog<M>;

  /** `widget` is the name `setMessages()` takes: the tag without `vitrine-`. */
  constructor(host: Host<M>, widget: string, catalog: Catalog<M>) {
    this.#host = host;
    this.#widget = widget;
    this.#catalog = catalog;
    this.#current = resolveLocale(host);
    host.addController(this);
  }

  get locale(): string {
    return this.#current;
  }

  hostConnected(): void {
    if (typeof MutationObserver === 'function') {
      this.#observer ??= new MutationObserver(() => this.#refresh());
      this.#observer.observe(this.#host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
      this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    }
    this.#unsubscribers = [
      $localeOverride.listen(() => this.#refresh()),
      $config.listen(() => this.#refresh()),
      $messages.listen(() => this.#host.requestUpdate()),
    ];
    this.#refresh();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#unsubscribers.forEach(unsubscribe => unsubscribe());
    this.#unsubscribers = [];
  }

  /** Before each render: the element's own languages become usable, and a page that overrides wording gets its mistakes warned. */
  hostUpdate(): void {
    const own = this.#host.messages;
    const global = $messages.get()[this.#widget];
    if (own === this.#own && global === this.#global) return;
    this.#own = own;
    this.#global = global;
    for (const locale in own) addedLocales.add(language(locale));
    this.#refresh();
    const en = this.#catalog.en;
    void import('./messages-check.js').then(({ checkMessages }) => {
      checkMessages(en, own, locale => `<${this.#host.localName}>.messages.${locale}`);
      checkMessages(en, global, locale => `setMessages(${JSON.stringify(locale)}, ${JSON.stringify(this.#widget)})`);
    });
  }

  /** The string for `key`, with its arguments when it is a function. */
  t<K extends keyof M>(key: K, ...args: MessageArgs<M[K]>): string {
    const locale = this.#current;
    const builtIn = this.#catalog.en[key];
    // A value of the wrong type (warned) is skipped, as a missing one is.
    const valid = (message: unknown) => (typeof message === 'string' || typeof message === typeof builtIn ? message : undefined);
    const message =
      valid(this.#host.messages?.[locale]?.[key]) ?? valid($messages.get()[this.#widget]?.[locale]?.[key as string]) ?? valid(this.#builtIn(locale)?.[key]) ?? builtIn;
    if (typeof message === 'function') return message(...args);
    // A merchant's string for a message with arguments: `{1}` is the first.
    return (message as string).replace(/\{(\d)\}/g, (placeholder, n: number) => String(args[n - 1] ?? placeholder));
  }

  price(amount: number, currency: string): string {
    return formatPrice(this.#current, amount, currency);
  }

  /** The shipped strings of `locale`: at hand for French and English, fetched once for the others (English until then). */
  #builtIn(locale: string): Partial<M> | undefined {
    const entry = (this.#catalog as Record<string, M | (() => Promise<{ default: M }>)>)[locale];
    if (typeof entry !== 'function') return entry;
    let strings = fetched.get(entry);
    if (!strings) fetched.set(entry, (strings = entry().then(module => fetched.set(entry, module.default), () => undefined)));
    if (!(strings instanceof Promise)) return strings as M;
    if (this.#waiting !== locale) {
      this.#waiting = locale;
      void strings.then(() => this.#host.requestUpdate());
    }
    return undefined;
  }

  #refresh(): void {
    const next = resolveLocale(this.#host);
    if (next !== this.#current) {
      this.#current = next;
      this.#host.requestUpdate();
    }
  }
}
