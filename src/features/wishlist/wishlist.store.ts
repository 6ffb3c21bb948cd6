import { atom } from 'nanostores';
import { apiUrl } from '../../core/http.js';
import { $config } from '../../core/config.js';
import type { Op, Owner, ServerList, WishlistState } from './wishlist.types.js';

const STORAGE = 'vitrine:wishlist:';

/**
 * The shopper's wishlist. Every change shows at once and is kept in a persisted outbox until the server
 * confirms it (offline, server errors, reloads: retried with backoff, never lost; each change has one
 * Idempotency-Key, so retries and double clicks apply once). The outbox and the owner token live in
 * localStorage under `vitrine:wishlist:*`: functional storage for a service the shopper asked for.
 */
export const $wishlist = atom<WishlistState>({ items: [], pending: 0, ownerName: '', shareUrl: null });

/** What the wishlist modules share behind `$wishlist`: one object, so every module sees the same list. */
export const list: {
  owner?: Owner;
  server?: ServerList;
  outbox: Op[];
  etag: string;
  error?: string;
  /** Bumped when the list is forgotten, so an answer to a request sent before is ignored. */
  generation: number;
  /** Idempotency-Keys of this page's latest confirmed changes: the live stream's news of them is not news. */
  confirmed: string[];
} = { outbox: [], etag: '', generation: 0, confirmed: [] };

export const isStorageKey = (key: string | null): boolean => !!key?.startsWith(STORAGE) && !key.startsWith(`${STORAGE}voter:`);

export const read = <T>(name: string): T | undefined => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE + name) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
};
export const write = (name: string, value: unknown): void => {
  try {
    if (value === undefined) localStorage.removeItem(STORAGE + name);
    else localStorage.setItem(STORAGE + name, JSON.stringify(value));
  } catch {
    // Storage unavailable (private mode, quota): the list still works for this page.
  }
};

export const url = (path: string): string => apiUrl($config.get().api, path);
export const sameItem = (item: { productId: string; variant: string }, productId: string, variant: string): boolean =>
  item.productId === productId && item.variant === variant;

/** Server state with the outbox applied on top: what the shopper sees. */
export function publish(): void {
  const { owner, server, outbox, error } = list;
  let items = [...(server?.items ?? [])];
  for (const op of outbox) {
    if (op.kind === 'merge') continue;
    const present = items.some(item => sameItem(item, op.productId, op.variant));
    if (op.kind === 'remove') items = items.filter(item => !sameItem(item, op.productId, op.variant));
    else if (!present) items.push({ ...op.product, productId: op.productId, variant: op.variant, addedAt: op.at, pending: true });
  }
  $wishlist.set({ id: owner?.id, ownerName: server?.ownerName ?? '', shareUrl: server?.shareUrl ?? null, items, pending: outbox.length, error });
}

/** Reads the list, the outbox and the owner token from storage (on start, and when another tab changed them). */
export function restore(): void {
  list.owner = read('owner');
  list.server = read('cache');
  list.outbox = read<Op[]>('outbox') ?? [];
  publish();
}

export function setServer(server: ServerList): void {
  list.server = server;
  write('cache', server);
}

export function setOwner(owner: Owner | undefined): void {
  list.owner = owner;
  write('owner', owner);
}

export const ownerHeaders = (key?: string): Record<string, string> => ({
  ...(list.owner ? { authorization: `Bearer ${list.owner.token}` } : {}),
  ...(key ? { 'idempotency-key': key } : {}),
});

export const isInWishlist = (productId: string, variant = ''): boolean => $wishlist.get().items.some(item => sameItem(item, productId, variant));

/** For the tests' store cleaner only (not exported by the package): forgets the list, in memory and storage. */
export function forgetWishlist(): void {
  list.generation++;
  list.owner = list.server = list.error = undefined;
  list.outbox = [];
  list.confirmed = [];
  list.etag = '';
  ['owner', 'cache', 'outbox'].forEach(name => write(name, undefined));
  publish();
}
