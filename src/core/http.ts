import { warnOnce } from './warn.js';

/** What went wrong with a request, in a form a widget can show or retry on. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    /** HTTP status, or 0 when no response came back (network failure, timeout, abort). */
    readonly status: number,
    /** The server's `error.code`, or `network`, `cors` (the API refused this page's origin), `timeout`, `aborted`, `http_<status>`. */
    readonly code: string,
    message: string,
    /** Seconds from the `Retry-After` header, when the server sent one. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** Network failures, timeouts, 408, 429 and 5xx are worth retrying; other 4xx are not. */
  get retryable(): boolean {
    return this.status === 0 ? this.code !== 'aborted' : this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as `application/json`. */
  json?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds before the request is abandoned with `HttpError(0, 'timeout')`. */
  timeout?: number;
  signal?: AbortSignal;
  credentials?: RequestCredentials;
  keepalive?: boolean;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * A request the API's CORS policy refuses fails exactly like a network error. An opaque (`no-cors`) request to
 * the same address tells them apart: it gets through when the server is reachable. Then the page's origin is
 * missing from the server's list, which the merchant fixes once: say so, once, in the console.
 */
async function refusedByCors(url: string): Promise<boolean> {
  const target = new URL(url, location.href);
  if (target.origin === location.origin || !navigator.onLine) return false;
  try {
    await fetch(target, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
  } catch {
    return false;
  }
  warnOnce(
    `cors:${target.origin}`,
    `${target.origin} refuses requests from this page (CORS): add ${location.origin} to ALLOWED_ORIGINS on the Vitrine API server.`,
  );
  return true;
}

/**
 * `fetch` with a timeout and JSON in and out. Resolves to the parsed body
 * (undefined for 204); rejects with an `HttpError` carrying the server's
 * `{"error": {"code", "message"}}` when it sent one.
 */
export async function request<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
  const { method = options.json === undefined ? 'GET' : 'POST', json, timeout = 10_000, signal } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: controller.signal,
        credentials: options.credentials ?? 'same-origin',
        keepalive: options.keepalive,
      });
    } catch (error) {
      if (timedOut) throw new HttpError(0, 'timeout', `No answer from ${url} within ${timeout} ms`);
      if (signal?.aborted) throw new HttpError(0, 'aborted', 'Request aborted');
      if (await refusedByCors(url)) throw new HttpError(0, 'cors', `${url} refused this page's origin (CORS)`);
      throw new HttpError(0, 'network', error instanceof Error ? error.message : 'Network error');
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      throw new HttpError(
        response.status,
        typeof error?.code === 'string' ? error.code : `http_${response.status}`,
        typeof error?.message === 'string' ? error.message : response.statusText || `HTTP ${response.status}`,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    if (text && body === undefined) throw new HttpError(response.status, 'invalid_json', `${url} did not answer JSON`);
    return body as T;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Joins the configured API base and a path such as `v1/feeds/home`. */
export function apiUrl(base: string, path: string): string {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href;
}
