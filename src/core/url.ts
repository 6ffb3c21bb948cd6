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

/**
 * The URL as events may carry it: no fragment, and of the query only the
 * `utm_*` campaign parameters. Anything else may be a secret or personal data
 * (OAuth `code` and `state`, tokens, share capabilities, e-mails), so it goes.
 * At most 2,000 characters; empty when `value` is not a URL.
 */
export function scrubUrl(value: string | undefined): string {
  try {
    const url = new URL(value ?? '');
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) if (!name.startsWith('utm_')) url.searchParams.delete(name);
    return url.href.slice(0, 2000);
  } catch {
    return '';
  }
}
