/**
 * Returns the absolute URL when `value` is an http(s) URL (relative URLs are
 * resolved against `base`), else undefined. Every URL that comes from data or
 * attributes passes here before it reaches `href`, `src` or `fetch`, so
 * `javascript:` and `data:` URLs never do.
 */
export function safeUrl(value: unknown, base: string = globalThis.location?.href): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
