import type { InstagramConfig } from '../../config.js';

/** What the feed pipeline asks Instagram for (Instagram API with Instagram Login, IG Media fields). */
export const MEDIA_FIELDS =
  'id,caption,media_type,media_url,thumbnail_url,permalink,timestamp,username,children{id,media_type,media_url,thumbnail_url}';

export interface IgChild {
  id: string;
  media_type: 'IMAGE' | 'VIDEO';
  media_url?: string;
  thumbnail_url?: string;
}

export interface IgMedia extends Omit<IgChild, 'media_type'> {
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  caption?: string;
  permalink?: string;
  timestamp?: string;
  username?: string;
  children?: { data: IgChild[] };
}

export interface IgProductTag {
  product_id: string | number;
  name?: string;
  x?: number;
  y?: number;
}

export interface LongLivedToken {
  accessToken: string;
  /** Seconds until it expires (60 days when fresh). */
  expiresIn: number;
}

/**
 * A Graph API error (`{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`), classified
 * into what the pipeline does about it.
 */
export class InstagramError extends Error {
  override readonly name = 'InstagramError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    readonly subcode: number | undefined,
    message: string,
    readonly fbtraceId?: string,
  ) {
    super(message);
  }

  /** Code 190 (and 102): the token expired, was revoked or is invalid; only a new connection fixes it. */
  get tokenInvalid(): boolean {
    return this.code === 190 || this.code === 102;
  }

  /** Codes 4, 17, 32, 613 (and HTTP 429): a rate limit; back off. */
  get rateLimited(): boolean {
    return this.status === 429 || [4, 17, 32, 613].includes(this.code ?? -1);
  }

  /** Codes 3, 10, 100, 200: the app lacks a permission or the edge does not exist (e.g. product tags without a Shop). */
  get unsupported(): boolean {
    return [3, 10, 100, 200].includes(this.code ?? -1);
  }
}

/** A thin client over the three Instagram hosts, each configurable (real Meta, a proxy, or the local fake). */
export class InstagramClient {
  /** The highest percentage of the app's quota Meta reported (`X-App-Usage`) since the last reset. */
  usage = 0;

  constructor(private readonly config: InstagramConfig & { graphUrl: string }) {}

  /** The authorization window the merchant is sent to (scope `instagram_business_basic`). */
  authorizeUrl(redirectUri: string, state: string): string {
    const url = new URL(this.config.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: this.config.appId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'instagram_business_basic',
      state,
    }).toString();
    return url.href;
  }

  /** Authorization code → short-lived token (1 h) → long-lived token (60 days). */
  async exchangeCode(code: string, redirectUri: string): Promise<LongLivedToken & { userId: string }> {
    const body = new URLSearchParams({
      client_id: this.config.appId,
      client_secret: this.config.appSecret,
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      code,
    });
    const short = await this.call<{ data?: Array<{ access_token: string; user_id: string | number }>; access_token?: string; user_id?: string | number }>(
      `${this.config.apiUrl}/oauth/access_token`,
      { method: 'POST', body },
    );
    // The documented answer is `{"data": [{access_token, user_id, permissions}]}`; older apps got it flat.
    const entry = short.data?.[0] ?? short;
    if (!entry.access_token) throw new InstagramError(502, undefined, undefined, 'Instagram returned no access token');
    const long = await this.call<{ access_token: string; expires_in: number }>(
      this.graph('/access_token', { grant_type: 'ig_exchange_token', client_secret: this.config.appSecret, access_token: entry.access_token }),
    );
    return { accessToken: long.access_token, expiresIn: long.expires_in, userId: String(entry.user_id ?? '') };
  }

  /** A long-lived token at least 24 h old and not expired → a fresh one valid 60 days. */
  async refresh(accessToken: string): Promise<LongLivedToken> {
    const result = await this.call<{ access_token: string; expires_in: number }>(
      this.graph('/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: accessToken }),
    );
    return { accessToken: result.access_token, expiresIn: result.expires_in };
  }

  async me(accessToken: string): Promise<{ userId: string; username: string }> {
    const result = await this.call<{ user_id?: string; id?: string; username?: string }>(
      this.graph('/me', { fields: 'user_id,username', access_token: accessToken }),
    );
    return { userId: String(result.user_id ?? result.id ?? ''), username: result.username ?? '' };
  }

  /** The account's latest media, following `paging.cursors.after` until `max` posts. */
  async media(accessToken: string, max: number): Promise<IgMedia[]> {
    const posts: IgMedia[] = [];
    let after: string | undefined;
    do {
      const params: Record<string, string> = { fields: MEDIA_FIELDS, limit: String(Math.min(25, max - posts.length)), access_token: accessToken };
      if (after) params.after = after;
      const page = await this.call<{ data: IgMedia[]; paging?: { cursors?: { after?: string }; next?: string } }>(this.graph('/me/media', params));
      posts.push(...page.data);
      // Only follow when Instagram says there is a next page; the cursor is reused against our own base URL.
      after = page.paging?.next ? page.paging.cursors?.after : undefined;
    } while (after && posts.length < max);
    return posts.slice(0, max);
  }

  async productTags(accessToken: string, mediaId: string): Promise<IgProductTag[]> {
    const result = await this.call<{ data: IgProductTag[] }>(this.graph(`/${encodeURIComponent(mediaId)}/product_tags`, { access_token: accessToken }));
    return result.data ?? [];
  }

  private graph(path: string, params: Record<string, string>): string {
    return `${this.config.graphUrl}${path}?${new URLSearchParams(params)}`;
  }

  private async call<T>(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, { method: init.method ?? 'GET', body: init.body, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new InstagramError(0, undefined, undefined, `Instagram unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.usage = Math.max(this.usage, readUsage(response.headers.get('x-app-usage')));
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = (body as { error?: { message?: string; code?: number; error_subcode?: number; fbtrace_id?: string } } | undefined)?.error;
      const flat = body as { code?: number; error_message?: string } | undefined;
      throw new InstagramError(
        response.status,
        error?.code ?? flat?.code,
        error?.error_subcode,
        error?.message ?? flat?.error_message ?? `HTTP ${response.status}`,
        error?.fbtrace_id,
      );
    }
    if (body === undefined) throw new InstagramError(502, undefined, undefined, 'Instagram answered something other than JSON');
    return body as T;
  }
}

/** `X-App-Usage: {"call_count": 28, "total_time": 25, "total_cputime": 25}`, percentages of the quota: the highest one. */
function readUsage(header: string | null): number {
  if (!header) return 0;
  try {
    const usage = JSON.parse(header) as Record<string, unknown>;
    return Math.max(0, ...['call_count', 'total_time', 'total_cputime'].map(key => Number(usage[key]) || 0));
  } catch {
    return 0;
  }
}
