import { warnOnce } from './warn.js';

/**
 * One console warning per bad attribute value, worded the same for every widget and naming the element,
 * the attribute and what it expects: `<vitrine-x layout="grid">: expected icons, labels, menu. Using icons.`
 */
export function warnAttribute(tag: string, name: string, value: unknown, expected: string): void {
  const message = `<${tag} ${name}="${value}">: expected ${expected}.`;
  warnOnce(message, message);
}

/** `value` when `allowed` lists it; otherwise one warning, and the default (listed first). */
export function oneOf<T extends string>(tag: string, name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warnAttribute(tag, name, value, `${allowed.join(', ')}. Using ${allowed[0]}`);
  return allowed[0];
}
