import { cached } from './i18n.js';

// Counts, dates and plurals: apart from prices (in i18n.ts, which every widget loads), only the widgets that show them load these.

export function formatNumber(locale: string, value: number): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

export function formatDate(locale: string, date: Date | string | number, style: 'short' | 'medium' | 'long' = 'medium'): string {
  return cached(`date:${locale}:${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style })).format(new Date(date));
}

/** Picks the plural form for `count` with the locale's own rules (French: 0 and 1 are singular). */
export function plural(locale: string, count: number, forms: { one: string; other: string; zero?: string }): string {
  if (count === 0 && forms.zero !== undefined) return forms.zero;
  const category = cached(`plural:${locale}`, () => new Intl.PluralRules(locale)).select(count);
  return (category === 'one' ? forms.one : forms.other).replace('#', formatNumber(locale, count));
}
