import { atom } from 'nanostores';
import type { Locale } from './config.js';
import { matchLocale } from './config.js';
import { warnOnce } from './warn.js';

/** Set by `setLocale()`: wins over `<html lang>` and the configured default, not over an element's own `lang`. */
export const $localeOverride = atom<Locale | undefined>(undefined);

export function setLocale(tag: string | undefined): void {
  if (tag === undefined) {
    $localeOverride.set(undefined);
    return;
  }
  const locale = matchLocale(tag);
  if (!locale) {
    warnOnce(`locale:${tag}`, `setLocale("${tag}"): unsupported locale; expected fr or en.`);
    return;
  }
  $localeOverride.set(locale);
}
