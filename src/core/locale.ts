import { atom } from 'nanostores';
import { LOCALES, language, matchLocale } from './config.js';
import { warnOnce } from './warn.js';

/** Set by `setLocale()`: wins over `<html lang>` and the configured default, not over an element's own `lang`. */
export const $localeOverride = atom<string | undefined>(undefined);

/** Languages a merchant gave strings for (`setMessages()`, an element's `messages`): accepted like the shipped ones. */
export const addedLocales = new Set<string>();

// The language part of a tag: one helper for the configuration and the locale.
export { language };

/** A shipped language, or one a merchant added, for `tag` (`fr-FR`, `nl`); undefined otherwise. */
export const matchLanguage = (tag: string): string | undefined => matchLocale(tag) ?? (addedLocales.has(language(tag)) ? language(tag) : undefined);

/** How a warning names what is accepted. */
export const expectedLocales = `one of ${LOCALES.join(', ')}, or a language given to setMessages() first`;

export function setLocale(tag: string | undefined): void {
  if (tag === undefined) {
    $localeOverride.set(undefined);
    return;
  }
  const locale = matchLanguage(tag);
  if (!locale) {
    warnOnce(`locale:${tag}`, `setLocale("${tag}"): unsupported locale; expected ${expectedLocales}.`);
    return;
  }
  $localeOverride.set(locale);
}
