import { atom } from 'nanostores';
import type { Locale } from './config.js';
import { $config } from './config.js';
import { $localeOverride, expectedLocales, matchLanguage } from './locale.js';
import { warnOnce } from './warn.js';

/** A component's strings for one locale: plain strings, or functions for plurals and interpolation. */
export type Messages = Record<string, string | ((...args: never[]) => string)>;
/** The languages every widget's chunk carries; the others are fetched when a widget first speaks them. */
export type BundledLocale = 'fr' | 'en';
/**
 * A widget's strings: French and English in full, and a loader for each other shipped language (its own chunk),
 * so the compiler checks that every widget ships every language with every key.
 */
export type Catalog<M extends Messages> = Record<BundledLocale, M> & Record<Exclude<Locale, BundledLocale>, () => Promise<{ default: M }>>;
export type MessageArgs<F> = F extends (...args: infer A) => string ? A : [];
/**
 * A merchant's wording for some keys of a widget: a string for a string; for a message with arguments, a
 * function taking them or a string where `{1}`, `{2}`… stand for them (`shareOn: 'Teilen auf {1}'`).
 */
export type MessageOverrides<M extends Messages> = { [K in keyof M]?: M[K] extends string ? string : M[K] | string };

/** What `setMessages()` was given (src/set-messages.ts): by widget, then language, then key. */
export const $messages = atom<Record<string, Record<string, Record<string, unknown> | undefined> | undefined>>({});

function supported(tag: string | null | undefined, where: string): string | undefined {
  if (!tag) return undefined;
  const locale = matchLanguage(tag);
  if (!locale) warnOnce(`locale:${tag}`, `${where} lang="${tag}" is not supported; expected ${expectedLocales}. Falling back.`);
  return locale;
}

/**
 * The language an element renders in: its own `lang` (or the nearest ancestor's
 * below `<html>`), then `setLocale()`, then `<html lang>`, then the configured default.
 * A shipped language, or one a merchant gave strings for.
 */
export function resolveLocale(element?: Element): string {
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
export function formatPrice(locale: string, amount: number, currency: string): string {
  try {
    return cached(`price:${locale}:${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(amount);
  } catch {
    // An unknown ISO 4217 code throws a RangeError: show the number rather than nothing.
    return `${cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(amount)} ${currency}`;
  }
}
