import { atom } from 'nanostores';
import { $config } from './config.js';
import { HttpError, apiUrl, request } from './http.js';
import { inBrowser } from './environment.js';
import { $session } from './session.js';
import { track, uuid } from './track.js';

/** Product fields the server joins to each item; null when the product left the catalog. */
export interface WishlistProduct {
  title: string | null;
  image: string | null;
  link: string | null;
  /** Major units (euros, not cents). */
  price: number | null;
  currency: string | null;
  availability: string | null;
}

export interface WishlistVotes {
  up: number;
  down: number;
}

/** A friend's vote as the owner sees it (only votes with a comment or a first name are listed). */
export interface WishlistComment {
  value: 1 | -1;
  comment: string;
  firstName: string;
  at: string;
}

export interface WishlistItem extends Partial<WishlistProduct> {
  productId: string;
  /** Size, colour…; empty for none. */
  variant: string;
  addedAt: string;
  /** Server id, once synced. */
  id?: string;
  votes?: WishlistVotes;
  comments?: WishlistComment[];
  /** Added here, not yet confirmed by the server. */
  pending?: boolean;
}

export interface WishlistState {
  /** Server id, once the list exists. */
  id?: string;
  ownerName: string;
  /** The active share link, or null. */
  shareUrl: string | null;
  items: WishlistItem[];
  /** Changes kept in the outbox, not yet confirmed by the server. */
  pending: number;
  /** Code of the last failed sync (`network`, `unknown_product`…), cleared by the next success. */
  error?: string;
}

interface ServerList {
  id: string;
  ownerName: string;
  shareUrl: string | null;
  items: WishlistItem[];
}
interface Owner {
  id: string;
  token: string;
  /** The customer this list was merged into, once signed in. */
  customer?: string;
}
type Op =
  | { kind: 'add' | 'remove'; key: string; productId: string; variant: string; at: string; product?: Partial<WishlistProduct> }
  | { kind: 'merge'; key: string; customer: string };

/** What another widget (the feed) dispatches on `document` to save a product. */
export interface WishlistAddRequestDetail {
  productId: string;
  variant?: string;
  source?: string;
}

const STORAGE = 'vitrine:wishlist:';
const WIDGET = 'vitrine-wishlist';

/**
 * The shopper's wishlist. Every change shows at once and is kept in a persisted outbox until the server
 * confirms it (offline, server errors, reloads: retried with backoff, never lost; each change has one
 * Idempotency-Key, so retries and double clicks apply once). The outbox and the owner token live in
 * localStorage under `vitrine:wishlist:*`: functional storage for a service the shopper asked for.
 */
export const $wishlist = atom<WishlistState>({ items: [], pending: 0, ownerName: '', shareUrl: null });

let owner: Owner | undefined;
let server: ServerList | undefined;
let outbox: Op[] = [];
let etag = '';
let error: string | undefined;
let started = false;
let draining: Promise<void> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let attempt = 0;
/** Bumped by resetWishlist(), so an answer to a request sent before it is ignored. */
let generation = 0;

const read = <T>(name: string): T | undefined => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE + name) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
};
const write = (name: string, value: unknown) => {
  try {
    if (value === undefined) localStorage.removeItem(STORAGE + name);
    else localStorage.setItem(STORAGE + name, JSON.stringify(value));
  } catch {
    // Storage unavailable (private mode, quota): the list still works for this page.
  }
};
const url = (path: string) => apiUrl($config.get().api, path);
const sameItem = (item: { productId: string; variant: string }, productId: string, variant: string) =>
  item.productId === productId && item.variant === variant;

/** Server state with the outbox applied on top: what the shopper sees. */
function publish(): void {
  let items = [...(server?.items ?? [])];
  for (const op of outbox) {
    if (op.kind === 'merge') continue;
    const present = items.some(item => sameItem(item, op.productId, op.variant));
    if (op.kind === 'remove') items = items.filter(item => !sameItem(item, op.productId, op.variant));
    else if (!present) items.push({ ...op.product, productId: op.productId, variant: op.variant, addedAt: op.at, pending: true });
  }
  $wishlist.set({ id: owner?.id, ownerName: server?.ownerName ?? '', shareUrl: server?.shareUrl ?? null, items, pending: outbox.length, error });
}

function setServer(list: ServerList): void {
  server = list;
  write('cache', list);
}

function setOwner(next: Owner | undefined): void {
  owner = next;
  write('owner', next);
}

const ownerHeaders = (key?: string): Record<string, string> => ({
  ...(owner ? { authorization: `Bearer ${owner.token}` } : {}),
  ...(key ? { 'idempotency-key': key } : {}),
});

/** Sends one change; answers the server's list (and a new owner when the list was created or merged). */
async function send(op: Op): Promise<{ wishlist: ServerList; owner?: Owner } | undefined> {
  if (op.kind === 'merge') {
    const answer = await request<{ wishlist: ServerList; ownerToken: string }>(url('v1/wishlists/merge'), {
      method: 'POST',
      headers: ownerHeaders(op.key),
      credentials: 'include',
    });
    return { wishlist: answer.wishlist, owner: { id: answer.wishlist.id, token: answer.ownerToken, customer: op.customer } };
  }
  const item = { productId: op.productId, ...(op.variant ? { variant: op.variant } : {}) };
  if (!owner) {
    if (op.kind === 'remove') return undefined;
    const answer = await request<{ wishlist: ServerList; ownerToken: string }>(url('v1/wishlists'), {
      json: { items: [item] },
      headers: ownerHeaders(op.key),
    });
    return { wishlist: answer.wishlist, owner: { id: answer.wishlist.id, token: answer.ownerToken } };
  }
  const path = `v1/wishlists/${owner.id}/items`;
  return request<{ wishlist: ServerList }>(
    op.kind === 'add' ? url(path) : url(`${path}/${encodeURIComponent(op.productId)}${op.variant ? `?variant=${encodeURIComponent(op.variant)}` : ''}`),
    op.kind === 'add' ? { json: item, headers: ownerHeaders(op.key) } : { method: 'DELETE', headers: ownerHeaders(op.key) },
  );
}

async function drain(): Promise<void> {
  clearTimeout(retryTimer);
  const run = generation;
  while (outbox.length) {
    const op = outbox[0];
    try {
      const answer = await send(op);
      if (run !== generation) return;
      if (answer?.owner) setOwner(answer.owner);
      if (answer) setServer(answer.wishlist);
      error = undefined;
    } catch (failure) {
      if (run !== generation) return;
      const code = failure instanceof HttpError ? failure.code : 'network';
      error = code;
      if (failure instanceof HttpError && (failure.status === 401 || failure.status === 403) && op.kind !== 'merge') {
        // The list is gone or no longer ours: the next attempt starts a new one with this change.
        setOwner(undefined);
        continue;
      }
      if (!(failure instanceof HttpError) || failure.retryable || failure.status === 409) {
        publish();
        const delay = failure instanceof HttpError && failure.retryAfter !== undefined ? failure.retryAfter * 1000 : Math.min(60_000, 1000 * 2 ** attempt);
        attempt++;
        retryTimer = setTimeout(() => void syncWishlist(), delay * (0.75 + Math.random() / 4));
        return;
      }
      // Refused for good (unknown product…): roll the change back and tell the shopper.
    }
    outbox = outbox.filter(entry => entry.key !== op.key);
    write('outbox', outbox);
    publish();
  }
  attempt = 0;
  if (owner) await refreshWishlist().catch(() => undefined);
  publish();
}

/** Sends the outbox now (also on `online`, on load, and with backoff after a failure). */
export function syncWishlist(): Promise<void> {
  if (!inBrowser()) return Promise.resolve();
  return (draining ??= drain().finally(() => (draining = undefined)));
}

function enqueue(op: Op): void {
  outbox.push(op);
  write('outbox', outbox);
  error = undefined;
  publish();
  void syncWishlist();
}

/** Re-reads the list from the server (with If-None-Match: an unchanged list costs a 304). */
export async function refreshWishlist(): Promise<void> {
  if (!owner) return;
  const run = generation;
  const response = await fetch(url(`v1/wishlists/${owner.id}`), { headers: { ...ownerHeaders(), 'if-none-match': etag, accept: 'application/json' } });
  if (response.status === 304 || run !== generation) return;
  if (!response.ok) throw new HttpError(response.status, `http_${response.status}`, response.statusText);
  etag = response.headers.get('etag') ?? '';
  const { wishlist } = (await response.json()) as { wishlist: ServerList };
  if (run !== generation) return;
  setServer(wishlist);
  if (!draining) publish();
}

export const isInWishlist = (productId: string, variant = ''): boolean => $wishlist.get().items.some(item => sameItem(item, productId, variant));

/** Adds a product (no-op when it is there); `product` fields show until the server answers with the catalog's. */
export function addToWishlist(productId: string, variant = '', source = 'button', product?: Partial<WishlistProduct>): void {
  if (isInWishlist(productId, variant)) return;
  enqueue({ kind: 'add', key: uuid(), productId, variant, at: new Date().toISOString(), product });
  track('wishlist_add', { product_id: productId, variant, source }, WIDGET);
}

export function removeFromWishlist(productId: string, variant = '', source = 'button'): void {
  if (!isInWishlist(productId, variant)) return;
  enqueue({ kind: 'remove', key: uuid(), productId, variant, at: new Date().toISOString() });
  track('wishlist_remove', { product_id: productId, variant, source }, WIDGET);
}

/** Creates (or answers) the share link; `revoke` turns it off. Needs the server: rejects with an HttpError offline. */
export async function shareWishlist(ownerName?: string): Promise<string> {
  await syncWishlist();
  if (!owner) throw new HttpError(409, 'empty_wishlist', 'Add an item before sharing');
  const answer = await request<{ wishlist: ServerList }>(url(`v1/wishlists/${owner.id}/share`), {
    json: ownerName ? { ownerName } : {},
    headers: ownerHeaders(uuid()),
  });
  setServer(answer.wishlist);
  publish();
  track('wishlist_share', { items: answer.wishlist.items.length }, WIDGET);
  return answer.wishlist.shareUrl as string;
}

export async function revokeWishlistShare(): Promise<void> {
  if (!owner) return;
  setServer((await request<{ wishlist: ServerList }>(url(`v1/wishlists/${owner.id}/share`), { method: 'DELETE', headers: ownerHeaders(uuid()) })).wishlist);
  publish();
}

/** A friend voted on the owner's list (from the live stream). */
export interface WishlistVoteNotice {
  itemId: string;
  productId: string;
  variant: string;
  value: 1 | -1;
}

/**
 * Keeps the list live for its owner while `<vitrine-wishlist>` is on the page: Server-Sent Events read with
 * fetch() (EventSource cannot send the owner token as a header), falling back to If-None-Match polling
 * whenever the stream is unavailable. Returns the stop function.
 */
export function watchWishlist(onVote: (notice: WishlistVoteNotice) => void, pollMs = 15_000): () => void {
  const controller = new AbortController();
  // Sleeps `ms`, or until the list gets its server id (first add), or until stopped.
  const wait = (ms: number) =>
    new Promise<void>(resolve => {
      const done = () => {
        clearTimeout(timer);
        unlisten();
        controller.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unlisten = owner ? () => undefined : $wishlist.listen(state => void (state.id && done()));
      controller.signal.addEventListener('abort', done);
    });
  // Bursts of events make one request at a time (plus one more if something arrived meanwhile).
  let pulling: Promise<void> | undefined;
  let again = false;
  const pull = (): void => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = refreshWishlist()
      .catch(() => undefined)
      .finally(() => {
        pulling = undefined;
        if (!again) return;
        again = false;
        pull();
      });
  };
  void (async () => {
    while (!controller.signal.aborted) {
      if (owner) {
        try {
          const response = await fetch(url(`v1/wishlists/${owner.id}/events`), {
            headers: { ...ownerHeaders(), accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (response.ok && response.body) {
            await refreshWishlist();
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
              buffer += chunk.value;
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const event = /^event: (\w+)/m.exec(block)?.[1];
                if (!event) continue;
                pull();
                if (event === 'vote') onVote(JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as WishlistVoteNotice);
              }
            }
          }
        } catch {
          // Stream refused, cut or unsupported: poll below, then try streaming again.
        }
        if (controller.signal.aborted) return;
        await refreshWishlist().catch(() => undefined);
      }
      await wait(pollMs);
    }
  })();
  return () => controller.abort();
}

/**
 * Starts the wishlist once per page: restores it from storage, sends what is pending (now, on `online`, with
 * backoff), follows changes made in other tabs, merges the guest list when the shopper signs in, and listens on `document` for
 * `vitrine-wishlist-add-request` from other widgets. The wishlist elements call it when connected; without
 * one on the page, call it yourself.
 */
export function startWishlist(): void {
  if (started || !inBrowser()) return;
  started = true;
  const restore = () => {
    owner = read('owner');
    server = read('cache');
    outbox = read<Op[]>('outbox') ?? [];
    publish();
  };
  restore();
  addEventListener('online', () => void syncWishlist());
  // Another tab changed the list: show it here too, and help send it (both tabs sending a change applies it once:
  // same Idempotency-Key, and a replayed create answers the same owner token).
  addEventListener('storage', event => {
    if (!event.key?.startsWith(STORAGE) || event.key.startsWith(`${STORAGE}voter:`)) return;
    restore();
    void syncWishlist();
  });
  document.addEventListener('vitrine-wishlist-add-request', event => {
    const detail = (event as CustomEvent<WishlistAddRequestDetail>).detail;
    if (!event.defaultPrevented && typeof detail?.productId === 'string') addToWishlist(detail.productId, detail.variant, detail.source ?? 'event');
  });
  $session.subscribe(session => {
    if (session.status === 'signed-in' && owner?.customer !== session.user.id && !outbox.some(op => op.kind === 'merge')) {
      enqueue({ kind: 'merge', key: uuid(), customer: session.user.id });
    }
  });
  void syncWishlist();
}

/** Test helper: forgets the list, the outbox and the owner token (memory and storage). */
export function resetWishlist(): void {
  clearTimeout(retryTimer);
  generation++;
  owner = server = undefined;
  outbox = [];
  etag = '';
  error = undefined;
  attempt = 0;
  ['owner', 'cache', 'outbox'].forEach(name => write(name, undefined));
  publish();
}

/* ---- The friend's side: a shared list reached through its link token. ---- */

export interface SharedWishlistItem extends Partial<WishlistProduct> {
  id: string;
  productId: string;
  variant: string;
  votes: WishlistVotes;
  /** This friend's vote, when they voted. */
  myVote?: { value: 1 | -1; comment: string; firstName: string };
}

export interface SharedWishlist {
  ownerName: string;
  items: SharedWishlistItem[];
}

const voterKey = (shareToken: string) => `voter:${shareToken.slice(0, 16)}`;
const voterHeaders = (shareToken: string): Record<string, string> => {
  const token = read<string>(voterKey(shareToken));
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** The shared list behind a link token (HttpError 404 unknown, 410 revoked). */
export function fetchSharedWishlist(shareToken: string): Promise<SharedWishlist> {
  return request<SharedWishlist>(url(`v1/shared/${encodeURIComponent(shareToken)}`), { headers: voterHeaders(shareToken) });
}

/** Casts or changes this friend's vote; the server-signed voter token is kept for the next ones. */
export async function voteOnSharedItem(
  shareToken: string,
  item: Pick<SharedWishlistItem, 'id' | 'productId'>,
  vote: { value: 1 | -1; comment?: string; firstName?: string },
): Promise<SharedWishlistItem> {
  const answer = await request<{ item: SharedWishlistItem; voterToken: string }>(
    url(`v1/shared/${encodeURIComponent(shareToken)}/items/${item.id}/vote`),
    { method: 'PUT', json: vote, headers: { ...voterHeaders(shareToken), 'idempotency-key': uuid() } },
  );
  write(voterKey(shareToken), answer.voterToken);
  track('wishlist_vote', { product_id: item.productId, value: vote.value, commented: Boolean(vote.comment) }, WIDGET);
  return answer.item;
}
