import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from './config.js';
import { $config } from './config.js';
import type { Catalog, MessageArgs, Messages } from './i18n.js';
import { formatPrice, resolveLocale } from './i18n.js';
import { $localeOverride } from './locale.js';

/**
 * Gives an element its strings and prices in the locale it resolves to, and
 * re-renders it when that changes: its `lang` attribute, `<html lang>`,
 * `setLocale()` or the configured default. Counts, dates and plurals: the
 * functions of `format.ts`, called with `controller.locale`.
 */
export class LocalizeController<M extends Messages> implements ReactiveController {
  /** Created on connect: a server rendering the element (Lit SSR) has no MutationObserver. */
  #observer?: MutationObserver;
  #unsubscribers: Array<() => void> = [];
  #current: Locale;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #catalog: Catalog<M>;

  constructor(host: ReactiveControllerHost & HTMLElement, catalog: Catalog<M>) {
    this.#host = host;
    this.#catalog = catalog;
    this.#current = resolveLocale(host);
    host.addController(this);
  }

  get locale(): Locale {
    return this.#current;
  }

  hostConnected(): void {
    if (typeof MutationObserver === 'function') {
      this.#observer ??= new MutationObserver(() => this.#refresh());
      this.#observer.observe(this.#host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'] });
      this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    }
    this.#unsubscribers = [$localeOverride.listen(() => this.#refresh()), $config.listen(() => this.#refresh())];
    this.#refresh();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#unsubscribers.forEach(unsubscribe => unsubscribe());
    this.#unsubscribers = [];
  }

  /** The string for `key`, with its arguments when it is a function. */
  t<K extends keyof M>(key: K, ...args: MessageArgs<M[K]>): string {
    const message = this.#catalog[this.#current][key];
    return typeof message === 'function' ? (message as (...a: unknown[]) => string)(...args) : (message as string);
  }

  price(amount: number, currency: string): string {
    return formatPrice(this.#current, amount, currency);
  }

  #refresh(): void {
    const next = resolveLocale(this.#host);
    if (next !== this.#current) {
      this.#current = next;
      this.#host.requestUpdate();
    }
  }
}
