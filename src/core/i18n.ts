import type { Locale } from './config.js';
import { $config, matchLocale } from './config.js';
import { $localeOverride } from './locale.js';
import { warnOnce } from './warn.js';

/** A component's strings for one locale: plain strings, or functions for plurals and interpolation. */
export type Messages = Record<string, string | ((...args: never[]) => string)>;
/** Every supported locale must provide every key: the compiler checks French and English stay in step. */
export type Catalog<M extends Messages> = Record<Locale, M>;
export type MessageArgs<F> = F extends (...args: infer A) => string ? A : [];

function supported(tag: string | null | undefined, where: string): Locale | undefined {
  if (!tag) return undefined;
  const locale = matchLocale(tag);
  if (!locale) warnOnce(`locale:${tag}`, `${where} lang="${tag}" is not supported; expected fr or en. Falling back.`);
  return locale;
}

/**
 * The locale an element renders in: its own `lang` (or the nearest ancestor's
 * below `<html>`), then `setLocale()`, then `<html lang>`, then the configured default.
 */
export function resolveLocale(element?: Element): Locale {
  const root = element?.ownerDocument?.documentElement ?? globalThis.document?.documentElement;
  // No closest() on a server-rendered element (Lit SSR's DOM shim): only the page's and the configured locale apply.
  const scoped = element?.closest?.('[lang]');
  if (scoped && scoped !== root) {
    const own = supported(scoped.getAttribute('lang'), `<${scoped.localName}>`);
    if (own) return own;
  }
  return $localeOverride.get() ?? supported(root?.getAttribute('lang'), '<html>') ?? $config.get().locale;
}

/** Intl formatters are costly to build: one per locale and options, kept for the page's lifetime. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
export function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** `49,90 €` in French, `€49.90` in English. Amounts are major units (euros, not cents). */
export function formatPrice(locale: Locale, amount: number, currency: string): string {
  try {
    return cached(`price:${locale}:${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(amount);
  } catch {
    // An unknown ISO 4217 code throws a RangeError: show the number rather than nothing.
    return `${cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(amount)} ${currency}`;
  }
}
