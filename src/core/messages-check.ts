import { warnOnce } from './warn.js';

/**
 * Warns once per unknown key or value of the wrong type in a merchant's wording, naming the key and the expected
 * form. A module of its own, fetched only by a page that overrides wording: the others never pay for it.
 */
export function checkMessages(builtIn: Record<string, unknown>, byLocale: Record<string, unknown> | undefined, where: (locale: string) => string): void {
  for (const [locale, messages] of Object.entries(byLocale ?? {})) {
    if (!messages || typeof messages !== 'object') {
      warnOnce(`${where(locale)}`, `${where(locale)}: expected an object of strings by key, such as { ${Object.keys(builtIn)[0]}: '…' }.`);
      continue;
    }
    for (const [key, value] of Object.entries(messages)) {
      const expected = builtIn[key];
      if (expected === undefined) {
        warnOnce(`${where(locale)}:${key}`, `${where(locale)}: unknown key "${key}"; expected one of ${Object.keys(builtIn).join(', ')}.`);
      } else if (typeof value !== 'string' && typeof value !== typeof expected) {
        const form = typeof expected === 'function' ? 'a string ({1}, {2}… for its arguments) or a function' : 'a string';
        warnOnce(`${where(locale)}:${key}`, `${where(locale)}: "${key}" is ${JSON.stringify(value) ?? typeof value}; expected ${form}. Using the built-in wording.`);
      }
    }
  }
}
