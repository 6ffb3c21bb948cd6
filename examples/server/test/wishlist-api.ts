import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import type { OwnerWishlist, SharedList } from '../modules/wishlists/schemas.js';
import { type TestServer, startTestServer } from '../test-server.js';

export type { OwnerWishlist, SharedList };
export type SharedItem = SharedList['items'][number];

/** One test address stands for hundreds of friends voting at once: no per-address connection or voter cap here. */
export const MANY_FRIENDS = { VOTE_RATE_LIMIT: '100000', MAX_CONNECTIONS_PER_ADDRESS: '1000', VOTERS_PER_ADDRESS: '100000' };

export const key = () => randomUUID();

interface CallOptions {
  body?: unknown;
  token?: string;
  /** The Idempotency-Key: a fresh one by default on every method but GET, `false` for none. */
  idem?: string | false;
  headers?: Record<string, string>;
}

/** The wishlist API over real HTTP, as the widget calls it; `baseUrl` is read per call (the server starts in `before`). */
export function wishlistApi(baseUrl: () => string) {
  const call = async <T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idem !== false && method !== 'GET') headers['idempotency-key'] = options.idem ?? key();
    const response = await fetch(`${baseUrl()}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const create = async (items: Array<{ productId: string; variant?: string }>, ownerName?: string) => {
    const response = await call<{ wishlist: OwnerWishlist; ownerToken: string }>('POST', '/v1/wishlists', { body: { items, ...(ownerName ? { ownerName } : {}) } });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body;
  };
  /** Shares the list; answers the link's token (the last segment of `/w/<token>`). */
  const share = async (id: string, token: string, ownerName?: string) => {
    const response = await call<{ wishlist: OwnerWishlist }>('POST', `/v1/wishlists/${id}/share`, { token, body: ownerName ? { ownerName } : {} });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const url = new URL(response.body.wishlist.shareUrl!);
    return url.pathname.split('/').pop()!;
  };
  const vote = (shareToken: string, itemId: string, body: unknown, voterToken?: string) =>
    call<{ item: SharedItem; voterToken: string }>('PUT', `/v1/shared/${shareToken}/items/${itemId}/vote`, { body, token: voterToken, idem: false });
  return { call, create, share, vote };
}

/**
 * A test server for the tests of one `describe()`, with many friends behind one address, and the wishlist API
 * over it: started before them, closed after. Read `server` inside the tests.
 */
export function wishlistTestServer(env: Record<string, string> = MANY_FRIENDS) {
  const running = {} as { server: TestServer };
  before(async () => {
    running.server = await startTestServer(env);
  });
  after(() => running.server?.close());
  return {
    get server(): TestServer {
      return running.server;
    },
    ...wishlistApi(() => running.server.url),
  };
}
