import { readFileSync } from 'node:fs';

/** The languages the server's pages are written in; the first is the default (most merchants are French). */
export const PAGE_LOCALES = ['fr', 'en'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];

type Catalog = Record<string, string>;
const catalogs = Object.fromEntries(
  PAGE_LOCALES.map(locale => [locale, JSON.parse(readFileSync(new URL(`./i18n/${locale}.json`, import.meta.url), 'utf8')) as Catalog]),
) as Record<PageLocale, Catalog>;

/**
 * The best of PAGE_LOCALES for an `Accept-Language` header (RFC 9110 §12.5.4: weighted ranges, `*`),
 * by language only (`en-GB` reads English); French when nothing matches.
 */
export function pageLocale(acceptLanguage: string | undefined): PageLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find(param => param.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { language: range.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(entry => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranked) {
    if (language === '*') return PAGE_LOCALES[0];
    const found = PAGE_LOCALES.find(locale => locale === language);
    if (found) return found;
  }
  return PAGE_LOCALES[0];
}

/** A catalog message, `{name}` placeholders filled; `{count}` also picks `key.one` / `key.other`. */
export function message(locale: PageLocale, key: string, values: Record<string, string | number> = {}): string {
  const catalog = catalogs[locale];
  const plural = typeof values.count === 'number' ? `${key}.${new Intl.PluralRules(locale).select(values.count) === 'one' ? 'one' : 'other'}` : undefined;
  const text = (plural && catalog[plural]) ?? catalog[key];
  if (text === undefined) throw new Error(`no "${key}" message in the ${locale} catalog`);
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[char] as string);

export type Render = (name: string, fields: Record<string, string>) => string;

/**
 * A renderer of the `<name>.html` templates in `folder`: `{{field}}` is the value escaped for HTML text and
 * attributes, `{{{field}}}` a value another render produced (already HTML). A field the template names but
 * the call lacks is an error, so a typo never ships an empty page.
 */
export function templates(folder: URL): Render {
  const cache = new Map<string, string>();
  return (name, fields) => {
    let template = cache.get(name);
    if (template === undefined) {
      // The file's last line break is not part of the fragment.
      template = readFileSync(new URL(`${name}.html`, folder), 'utf8').replace(/\n$/, '');
      cache.set(name, template);
    }
    return template.replace(/\{\{(\{?)(\w+)\}?\}\}/g, (_match, raw: string, field: string) => {
      if (!(field in fields)) throw new Error(`template ${name} needs "${field}"`);
      return raw ? fields[field] : escapeHtml(fields[field]);
    });
  };
}

/** The server's own pages (the share link's, the sign-in popup's). */
export const render = templates(new URL('./templates/', import.meta.url));
