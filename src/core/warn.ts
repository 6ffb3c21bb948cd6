/** Keys already warned about (the tests' store cleaner empties it). */
export const warned = new Set<string>();

/**
 * Logs one console warning per distinct key for the page's lifetime, so a bad
 * attribute on a list of 50 product cards warns once, not 50 times.
 */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[vitrine] ${message}`);
}
